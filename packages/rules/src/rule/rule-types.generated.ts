// Generated from packages/rules/schema/rule.schema.json by scripts/generate-types.mjs (pnpm types); do not edit.

/**
 * This interface was referenced by `BundleTriageDeclarativeRule`'s JSON-Schema
 * via the `definition` "input".
 */
export type Input = ResourceInputSpec | LogInputSpec | NodeFileInputSpec | SupportconfigInputSpec;
/**
 * Which objects: the same query as core's bundle.resources(). Leave version out: bundles move versions.
 */
export type ResourceSelector = (
  | {
      [k: string]: unknown;
    }
  | {
      /**
       * '*': a query over every resource list needs containing, which keeps it cheap.
       */
      group?: '*';
    }
) & {
  /**
   * API group; '' for the core group (v1); '*' for every group: with neither resource nor kind, every resource list of the bundle (then containing is required).
   */
  group: string;
  /**
   * API resource (plural) as in the file name, e.g. managedcharts.
   */
  resource?: string;
  /**
   * Kind of the objects, e.g. ManagedChart, when resource is not given.
   */
  kind?: string;
  /**
   * API version; by default whichever version the bundle has.
   */
  version?: string;
  /**
   * Only objects of this namespace (a namespace that was not collected skips the rule); null for cluster-scoped objects only.
   */
  namespace?: string | null;
  /**
   * Only this object: the input is then one object instead of a list.
   */
  name?: string;
  /**
   * Only objects whose text in the bundle holds this literal, e.g. deletionTimestamp. Lists without it are searched as bytes and never decoded, which keeps a query over every list (group '*') cheap.
   */
  containing?: string;
  /**
   * Resources (plurals) left out, e.g. [events]: lists that can never hold what a query over every list looks for need not be read at all.
   */
  except?: string[];
};
/**
 * This interface was referenced by `BundleTriageDeclarativeRule`'s JSON-Schema
 * via the `definition` "severity".
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';
/**
 * This interface was referenced by `BundleTriageDeclarativeRule`'s JSON-Schema
 * via the `definition` "numberOrRef".
 */
export type NumberOrRef = number | ValueRef;
/**
 * How a finding of this rule and one of the other rule are related, through the objects they are about (default same-object). same-object: they share an object; node: this finding is about a Node the other's object runs on; owner: one object is in the other's owner chain; volume: they are about the same volume (a PVC, its PV, VolumeAttachment or Longhorn Volume/Engine/Replica, a CDI DataVolume, or a Pod/VM/VMI that mounts the claim); references: a field of this finding's object names the other's object; referencedBy: a field of the other finding's object names this one's; bundle: any finding of the other rule.
 *
 * This interface was referenced by `BundleTriageDeclarativeRule`'s JSON-Schema
 * via the `definition` "objectRelation".
 */
export type ObjectRelation =
  | ('same-object' | 'node' | 'owner' | 'volume' | 'bundle')
  | {
      /**
       * JSON pointer (with * for every element) of a field of this finding's object that holds the other object's name.
       */
      references: string;
    }
  | {
      /**
       * JSON pointer (with * for every element) of a field of the other finding's object that holds this object's name.
       */
      referencedBy: string;
    };

/**
 * One rule per file. Inputs name what the rule reads from a Harvester support bundle; outcomes are tried in order and the first whose `when` holds decides the status.
 */
export interface BundleTriageDeclarativeRule {
  /**
   * The schema this file is validated against (editors use it for completion); ignored by the engine.
   */
  $schema?: string;
  /**
   * kebab-case (dots allowed for versions, e.g. pre-v1.4.0-…), stable: bots key tickets on it
   */
  id: string;
  /**
   * One line that names the failure, as a support engineer would say it.
   */
  title: string;
  /**
   * What the rule proves, how, and what the bundle cannot show.
   */
  description?: string;
  /**
   * How bad the failure is when the rule fails (an outcome may override it).
   */
  severity: 'critical' | 'high' | 'medium' | 'low';
  /**
   * The part of Harvester the rule is about: fleet, upgrade, longhorn, kubevirt, network, node… It is also the rule's folder in the catalog (catalog/<component>/<id>/).
   */
  component: string;
  /**
   * Free labels for selecting rules (--only/--skip) and for views: upgrade-gate, precheck and upgrade feed the upgrade-readiness view.
   */
  tags?: string[];
  /**
   * The number of the signature in the reference catalogue this rule implements, e.g. S01.
   */
  signature?: string;
  /**
   * The Harvester releases the signature is documented for, in words (shown in the catalog table).
   */
  versions?: string;
  /**
   * How much of the signature a bundle can show (catalog table; default detectable).
   */
  detectability?: 'detectable' | 'partial' | 'not-detectable';
  /**
   * Why the signature is only partly or not detectable from a bundle.
   */
  detectabilityNote?: string;
  /**
   * The generic rules this more specific rule refines: when this rule fails or warns, a related failing or warning finding of such a rule becomes info with coveredBy (it stays in the report but cannot be a second headline).
   */
  refines?: RuleLink[];
  /**
   * The findings this rule's findings explain (causes before symptoms): a related finding of such a rule keeps its status and carries causedBy, this one carries explains; the report's headline is the root cause.
   */
  explains?: RuleLink[];
  /**
   * This rule reports what no other rule does (a Warning-event summary): a fail, warn or info finding of it about an object that a non-pass finding of another rule is also about is left out of the report, because that finding already carries the same proof (its Warning events, for one). When all its findings are left out, the rule passes.
   */
  fallback?: boolean;
  appliesTo?: AppliesTo;
  /**
   * Sources: issues, docs, code. Every catalog rule has at least one.
   */
  references?: RuleReference[];
  /**
   * What the rule reads, by name: resources, pod logs or node files. A missing input skips the rule (never a pass) unless required is false. The names are used in paths: <name>/<json pointer>.
   */
  inputs: {
    [k: string]: Input;
  };
  match?: MatchSpec;
  /**
   * Tried in order; the first whose when holds decides the result. When none holds the rule passes.
   *
   * @minItems 1
   */
  outcomes: OutcomeSpec[];
  remediation?: Remediation;
}
/**
 * This interface was referenced by `BundleTriageDeclarativeRule`'s JSON-Schema
 * via the `definition` "ruleLink".
 */
export interface RuleLink {
  /**
   * The other rule's id.
   */
  rule: string;
  /**
   * How the two findings are related (default same-object).
   */
  via?:
    | ('same-object' | 'node' | 'owner' | 'volume' | 'bundle')
    | {
        /**
         * JSON pointer (with * for every element) of a field of this finding's object that holds the other object's name.
         */
        references: string;
      }
    | {
        /**
         * JSON pointer (with * for every element) of a field of the other finding's object that holds this object's name.
         */
        referencedBy: string;
      };
}
/**
 * The Harvester versions the rule is evaluated on; on others it is skipped with kind version.
 */
export interface AppliesTo {
  /**
   * semver range, e.g. >=1.4.0 <1.4.2
   */
  harvester?: string;
  /**
   * A development build or an unknown version whose Kubernetes does not place it outside the range (a build on a Kubernetes minor of other releases is skipped with kind version): evaluate the rule on its evidence alone (default), or skip it (kind missing-input).
   */
  unknownVersion?: 'evaluate' | 'skip';
}
export interface RuleReference {
  /**
   * What the source is, e.g. harvester/harvester#7996: upgrade refused, managed chart not ready.
   */
  title: string;
  /**
   * Where it is.
   */
  url: string;
}
export interface ResourceInputSpec {
  resource: ResourceSelector;
  /**
   * Named object: true (default) skips the rule when it is absent, false makes it undefined. List: true skips the rule when it is empty (default false).
   */
  required?: boolean;
}
export interface LogInputSpec {
  /**
   * Pod logs (namespace, podPrefix, container, previous) or one node file of every node (nodeFile), searched by log conditions.
   */
  logs: {
    /**
     * Pod logs of this namespace (a namespace that was not collected skips the rule).
     */
    namespace?: string;
    /**
     * Only pods whose name starts with this.
     */
    podPrefix?: string;
    /**
     * Only this container.
     */
    container?: string;
    /**
     * Only the previous instance's logs (true), or none of them (false).
     */
    previous?: boolean;
    /**
     * A file of each node bundle instead of pod logs, e.g. logs/kernel.log.
     */
    nodeFile?: string;
  };
  /**
   * true (default): no such log skips the rule; false: no log is no match.
   */
  required?: boolean;
}
export interface NodeFileInputSpec {
  /**
   * A file of each node bundle, read as lines (configs/etc/harvester-release.yaml, logs/kubelet.log).
   */
  nodeFile: {
    /**
     * Path inside the node's folder.
     */
    path: string;
  };
  /**
   * true (default): no node holding the file skips the rule.
   */
  required?: boolean;
}
export interface SupportconfigInputSpec {
  /**
   * Facts of each node's SUSE supportconfig (scc_supportconfig_*.txz in the node bundle, kit v0.0.26 / Harvester v1.2.0 and later), as records: one per node, or one per filesystem, failed unit, kernel event or disk of every node. Each part of a record is cited at its own file and line inside the archive. A node without a supportconfig, or without the file a fact comes from, cannot be checked: the rule is skipped for it (never a pass).
   */
  supportconfig: {
    /**
     * What one record is. node (default): everything the node's supportconfig says (filesystems, memory, swap, load, cpus, failedUnits, kernelEvents, disks, missing). filesystems: one df row (node, filesystem, type, mount, role, size/used/available as printed and in bytes, usePercent, sameAs). memory: free -k (node, totalBytes, usedBytes, freeBytes, availableBytes, usedPercent, swap). load: uptime with the CPU count (node, one, five, fifteen, uptime, cpus.count). failedUnits: one unit of systemctl --failed. kernelEvents: one message of messages.txt (kind, subject, time, pid, cgroup). disks: one smartctl verdict (device, health, model).
     */
    fact?: 'node' | 'filesystems' | 'memory' | 'load' | 'failedUnits' | 'kernelEvents' | 'disks';
    /**
     * What to check on a node instead, added to the reason when the bundle cannot answer (e.g. 'check it on each node with df -h /usr/local').
     */
    whenMissing?: string;
  };
  /**
   * true (default): a bundle with no supportconfig skips the rule, and so does a pass while some node could not be checked. false: nodes without one are left out silently (for rules whose supportconfig facts only add to what they check otherwise).
   */
  required?: boolean;
}
/**
 * Evaluate the outcomes once per object of a list input (forEach), and/or only when a condition holds (where). Without it the outcomes are evaluated once.
 */
export interface MatchSpec {
  /**
   * A resource input (or a supportconfig input: once per record): the outcomes are evaluated once per object, each object that ends in fail/warn/info gives its own finding.
   */
  forEach?: string;
  /**
   * The name of the current object in conditions and templates (default object).
   */
  as?: string;
  where?: Condition;
  /**
   * One finding for all offending objects instead of one each.
   */
  group?: boolean;
}
/**
 * Only objects (or, without forEach, only bundles) for which this holds are considered; the others pass.
 */
export interface Condition {
  /**
   * Holds when every child holds; stops at the first that does not.
   *
   * @minItems 1
   */
  all?: Condition[];
  /**
   * Holds when one child holds; stops at the first that does and keeps only its bindings and evidence.
   *
   * @minItems 1
   */
  any?: Condition[];
  /**
   * Evaluates every child and keeps what each holding child binds and cites; holds when one does.
   *
   * @minItems 1
   */
  collect?: Condition[];
  optional?: Condition;
  not?: Condition;
  field?: FieldCondition;
  some?: ArrayCondition;
  every?: ArrayCondition;
  none?: ArrayCondition;
  count?: CountCondition;
  log?: LogCondition;
  podLog?: PodLogCondition;
  version?: VersionCondition;
}
/**
 * A test of one field (every comparison given must hold). With * in the path it holds when some element satisfies it.
 */
export interface FieldCondition {
  /**
   * <name>/<json pointer>, e.g. bundle/status/display/readyClusters; * fans out over every element.
   */
  path: string;
  /**
   * Cite this field as evidence when the condition holds (default true).
   */
  evidence?: boolean;
  /**
   * Equal, forgiving YAML scalars: "1" equals 1, "True" equals true.
   */
  equals?: string | number | boolean | {} | unknown[] | null;
  /**
   * Not equal (an absent field is not equal).
   */
  notEquals?: string | number | boolean | {} | unknown[] | null;
  /**
   * Equal to one of these.
   */
  in?: unknown[];
  /**
   * Equal to none of these.
   */
  notIn?: unknown[];
  /**
   * A regular expression (RE2 syntax: linear time, no lookaround, no backreferences).
   */
  matches?: string;
  /**
   * A literal the text contains, or an element the list contains.
   */
  contains?: string;
  /**
   * Present and not null (true), or absent (false).
   */
  exists?: boolean;
  /**
   * Absent, null, "", [] or {} (true), or not (false).
   */
  empty?: boolean;
  /**
   * Greater than a number or another field; values may be quantities ("10Gi", "500m", "85%").
   */
  gt?: number | ValueRef;
  /**
   * Greater than or equal (numbers and quantities).
   */
  gte?: number | ValueRef;
  /**
   * Less than (numbers and quantities).
   */
  lt?: number | ValueRef;
  /**
   * Less than or equal (numbers and quantities).
   */
  lte?: number | ValueRef;
  /**
   * A semver range the field's version satisfies, e.g. >=1.4.0 <1.4.2.
   */
  semver?: string;
  /**
   * Equal to another field (<name>/<json pointer>).
   */
  equalsPath?: string;
  /**
   * A timestamp (RFC 3339) at least this long before the bundle was taken: 10m, 6h, 7d. Ages count back from the bundle's creation, never from the clock; an unknown creation time skips the rule (missing-input).
   */
  olderThan?: string;
  /**
   * A timestamp (RFC 3339) less than this long before the bundle was taken (recent): 1h, 24h. A time after the creation (clock skew) counts as recent; an unknown creation time skips the rule (missing-input).
   */
  within?: string;
}
/**
 * Another field's value; for gt/gte/lt/lte it may be scaled and shifted: the bound is value × times + plus (e.g. 85 % of the capacity less 13 GiB: { path: fs/sizeBytes, times: 0.85, plus: -13958643712 }).
 *
 * This interface was referenced by `BundleTriageDeclarativeRule`'s JSON-Schema
 * via the `definition` "valueRef".
 */
export interface ValueRef {
  /**
   * The other field, as <name>/<json pointer>.
   */
  path: string;
  /**
   * For gt/gte/lt/lte: multiply the other field's number by this (default 1).
   */
  times?: number;
  /**
   * For gt/gte/lt/lte: then add this (default 0).
   */
  plus?: number;
}
/**
 * Holds when some element satisfies where; binds the matching elements as <as>.
 */
export interface ArrayCondition {
  /**
   * The array (or map, whose values are iterated; each element's key is bound as <as>Key), as <name>/<json pointer>, or a list input.
   */
  path: string;
  /**
   * The element's name inside where; afterwards (some/every) the list of matching elements (default item).
   */
  as?: string;
  where?: Condition;
}
/**
 * Holds when the number of elements satisfying where is within min and max.
 */
export interface CountCondition {
  /**
   * The array, map or list input, as for some.
   */
  path: string;
  /**
   * The element's name inside where, and of the counted elements afterwards (default item).
   */
  as?: string;
  where?: Condition;
  /**
   * At least this many.
   */
  min?: number;
  /**
   * At most this many.
   */
  max?: number;
}
/**
 * A regular expression over the lines of a log input; its matches are cited, bound as <as> (with their named groups) and counted as <as>Count.
 */
export interface LogCondition {
  /**
   * The log or node-file input to search.
   */
  input: string;
  /**
   * RE2 regular expression; named groups (?P<name>…) become fields of each bound match.
   */
  pattern: string;
  /**
   * Literal(s) every matching line contains: other lines are skipped without running the pattern.
   */
  prefilter?: string | string[];
  /**
   * The prefilter's literals match in any case of their ASCII letters (error, Error, ERROR, eRRor): for a pattern that ignores case. Default false: exact bytes.
   */
  prefilterAnyCase?: boolean;
  /**
   * At least this many matching lines (default 1).
   */
  minCount?: number;
  /**
   * Only lines within this long before the bundle was created: 30m, 24h, 7d (an unknown creation time skips the rule).
   */
  within?: string;
  /**
   * The name of the matches in templates (default the input's name); <as>Count is their number.
   */
  as?: string;
  /**
   * Lines cited as evidence at most (default 3).
   */
  evidenceLimit?: number;
}
/**
 * The log of the object being evaluated: one pod's container, addressed by templates (the forEach Pod, a container status an array condition is iterating), read across its rotations — the previous run (<container>.log.1) before the current one (<container>.log). Holds when at least minCount lines match; cites and binds the last `last` of them (what a container wrote before it crashed), counted as <as>Count. No such log (not collected) does not hold.
 */
export interface PodLogCondition {
  /**
   * The pod's namespace, a template: '{{ pod/metadata/namespace }}'.
   */
  namespace: string;
  /**
   * The pod's name, a template: '{{ pod/metadata/name }}'.
   */
  pod: string;
  /**
   * The container's name, a template: '{{ status/name }}' (absent: every container of the pod, init containers too).
   */
  container?: string;
  /**
   * Only the previous run's log (true), only the current run's (false); absent: both, the previous first.
   */
  previous?: boolean;
  /**
   * RE2 regular expression a line must match (absent: every line, i.e. the log's last lines); named groups become fields of each bound line.
   */
  pattern?: string;
  /**
   * Literal(s) every matching line contains: other lines are skipped without running the pattern.
   */
  prefilter?: string | string[];
  /**
   * The prefilter's literals match in any case of their ASCII letters (error, Error, ERROR, eRRor): for a pattern that ignores case. Default false: exact bytes.
   */
  prefilterAnyCase?: boolean;
  /**
   * At least this many matching lines (default 1).
   */
  minCount?: number;
  /**
   * How many of the last matching lines are cited and bound (default 3).
   */
  last?: number;
  /**
   * The name of the bound lines in templates (default podLog); <as>Count is the number of matching lines.
   */
  as?: string;
}
/**
 * Holds when the bundle's Harvester version is in a range; for a development build, when the whole era of the Kubernetes it runs is (as appliesTo places it); an unknown version never does.
 */
export interface VersionCondition {
  /**
   * A semver range, e.g. >=1.4.0 <1.4.2.
   */
  harvester: string;
}
export interface OutcomeSpec {
  when?: Condition;
  /**
   * skip: the rule is reported as skipped, with the message as the reason
   */
  status: 'fail' | 'warn' | 'info' | 'pass' | 'skip';
  /**
   * This outcome's findings carry these tags instead of the rule's: an outcome that describes another situation than the rule's tags say (the same fault on a release whose upgrade validator does not make the check: without upgrade-gate, so the readiness view does not count it as a refusal).
   */
  tags?: string[];
  /**
   * With status skip: why the bundle cannot answer (default missing-input). not-recorded: a support bundle never records it; not-applicable: the check is not about what a bundle shows.
   */
  skipKind?: 'version' | 'missing-input' | 'unreadable' | 'not-recorded' | 'not-applicable';
  /**
   * Overrides the rule's severity for this outcome.
   */
  severity?: 'critical' | 'high' | 'medium' | 'low';
  /**
   * The finding's message (or the skip reason), a template: {{ chart/metadata/name }}, {{ modified | ref | join:", " }}.
   */
  message: string;
  remediation?: Remediation;
}
/**
 * This outcome's own fix, used instead of the rule's remediation when it matched.
 */
export interface Remediation {
  /**
   * The fix in one or two sentences (template).
   */
  summary: string;
  /**
   * The steps, in order (templates).
   */
  steps?: string[];
  /**
   * Commands to run (templates); one that is a single placeholder giving a list becomes one command per element.
   */
  commands?: string[];
  patch?: PatchSpec;
}
/**
 * A JSON-Patch of one object of the bundle; the report shows it as a before/after diff and a kubectl patch command.
 */
export interface PatchSpec {
  /**
   * The object to patch: an input with resource.name, the forEach object, or a name a condition binds (its first object).
   */
  target: string;
  /**
   * RFC 6902 operations, applied to the object as it is in the bundle; string values may be templates.
   *
   * @minItems 1
   */
  operations: JsonPatchOperation[];
}
export interface JsonPatchOperation {
  /**
   * The operation.
   */
  op: 'add' | 'remove' | 'replace' | 'test';
  /**
   * JSON pointer in the object (~1 for a / in a key).
   */
  path: string;
  /**
   * The value to add, replace with, or test.
   */
  value?: string | number | boolean | {} | unknown[] | null;
}
