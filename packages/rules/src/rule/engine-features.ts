/**
 * What the declarative form can say, and what it cannot (yet). A code rule names in `whyCode.needs`
 * the features it needs that the engine lacks; a test fails when the engine gains all of them, so no
 * code rule keeps a reason that stopped being true. Adding a feature: move it from the gaps to the
 * features, then port the rules the test names.
 */
export const ENGINE_FEATURES = {
  'skip-outcome': 'an outcome with status: skip ends the rule as skipped, with its skipKind and the message as the reason',
  'outcome-remediation': 'each outcome may carry its own remediation and patch',
  'map-keys': 'array conditions over a map bind each element\'s key as <as>Key (Longhorn disks, nodeStatuses)',
  'format-filter': 'format:"{a/b}/{c|default}" builds one text per element from several of its fields',
  'list-commands': 'a remediation command that is one placeholder giving a list becomes one command per element',
  'bound-patch-target': 'a patch may target the first object a condition bound',
  'log-count': 'log conditions count matches (<as>Count), with minCount and a time window (within)',
  'value-refs': 'gt/gte/lt/lte and equalsPath compare with another field (scaled and shifted: times, plus)',
  'collect-and-optional': 'collect gathers what every alternative binds; optional binds without requiring',
  'relations': 'refines and explains link findings by object relation',
  'timestamp-age': 'olderThan / within compare a timestamp with the bundle\'s creation, and the age filter prints how long before it',
  'object-log': 'podLog reads the log of the object being evaluated (a pod\'s container, addressed by templates) across its runs, and cites its last matching lines',
} as const;

export const ENGINE_GAPS = {
  'log-line-order': 'deciding on the last matching line of a log, or on the time between matching lines',
  'json-in-string': 'reading fields of a JSON document held in a string field, and writing it back in a patch',
  'address-arithmetic': 'IPv4 range arithmetic (usable addresses, exclusions, allocations)',
  'several-findings-per-object': 'several findings for one object (one per outcome that holds), and findings about objects of several inputs in one rule',
  'patch-per-element': 'one JSON-Patch operation per matching element of a list or map',
  'node-file-of-object': 'reading the node-bundle files of a node named by an object\'s field',
  'node-file-parsing': 'parsing node-bundle files as structured data (YAML), not as log lines',
  'node-affinity': 'evaluating Kubernetes node-affinity terms against nodes',
  'object-join': 'matching the objects of two inputs to each other by a field, label or annotation',
  'count-comparison': 'comparing the number of objects of two inputs (count bounds are literal numbers)',
  'aggregation': 'grouping the objects of an input by some of their fields and aggregating each group (sums, earliest and latest times)',
} as const;

/** A feature the declarative engine has. */
export type EngineFeature = keyof typeof ENGINE_FEATURES;
/** A feature it lacks: the only reasons a catalog rule may be code. */
export type EngineGap = keyof typeof ENGINE_GAPS;

/** Why a rule is code: the missing features it needs, and the particulars in a sentence. */
export interface WhyCode {
  needs: readonly EngineGap[];
  because: string;
}
