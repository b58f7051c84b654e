import { Type, type Static, type TSchema } from 'typebox';
import { BROWSE_PATTERNS, MAX_TEXT_PARAMETER } from '../browse/browse-parameters.js';
import { AnalysisId } from './api-schemas.js';

/**
 * The object browser's API: the reads of `bundle-triage get` / `describe` / `logs` over an
 * analysed bundle, as JSON. Every string in an answer is redacted as the reports are; `masked`
 * says how many secrets were.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const pattern = (kind: keyof typeof BROWSE_PATTERNS, description: string, maxLength = 253) => Type.String({ pattern: BROWSE_PATTERNS[kind], maxLength, description });
const FreeText = (description: string) => Type.String({ pattern: BROWSE_PATTERNS.text, maxLength: MAX_TEXT_PARAMETER, description });

export const TypeName = pattern('type', "A resource type as kubectl takes it: a plural, singular or short name, a kind, or name.group (pods, po, vm, bundles.fleet.cattle.io)");
export const Namespace = pattern('namespace', 'A namespace', 63);
export const ObjectName = pattern('name', 'An object name');
export const Container = pattern('container', 'A container of the pod (default: its default container, as kubectl)', 63);
export const NodeName = pattern('node', 'A node with a node bundle');
export const NodeFile = pattern('nodeFile', 'A log of the node bundle as `logs` names it: rke2-server, kernel, kubelet, or a path in the node folder (logs/kernel.log)', 1100);

const BundlePlace = { path: Nullable(Type.String({ description: 'Path in the bundle' })), line: Nullable(Type.Integer({ minimum: 1, description: '1-based line in that file as it is in the bundle' })) };
const Masked = Type.Integer({ minimum: 0, description: 'Secrets masked in this answer' });

export const ResourceTypeBody = Type.Object({
  name: Type.String({ description: 'What the routes take for this type (kubectl: plural, with .group outside the core group)' }),
  resource: Type.String(),
  group: Type.String({ description: "API group; '' for the core group" }),
  kind: Type.String({ description: "'' when only a file of the bundle names the type" }),
  shortNames: Type.Array(Type.String()),
  namespaced: Type.Boolean(),
  version: Nullable(Type.String({ description: 'The version the bundle has most files of' })),
  files: Type.Integer({ description: 'Files of the bundle that list objects of this type' }),
});
export type ResourceTypeBody = Static<typeof ResourceTypeBody>;

export const BundleKinds = Type.Object(
  {
    analysisId: AnalysisId,
    types: Type.Array(ResourceTypeBody, { description: 'The types the bundle holds objects of, in API discovery order' }),
    namespaces: Type.Array(Type.String(), { description: 'Namespaces the bundle has objects of' }),
    uncollectedNamespaces: Type.Array(Type.String(), { description: 'Namespaces of the cluster the bundle did not collect' }),
    nodes: Type.Array(Type.String(), { description: 'Nodes with a node bundle (their logs)' }),
    links: Type.Object({ page: Type.String() }),
  },
  { description: 'What an analysed bundle holds: the kind picker of the object browser' },
);
export type BundleKinds = Static<typeof BundleKinds>;

const ObjectLinks = Type.Object({ self: Type.String({ description: 'The object in this API' }), page: Type.String({ description: 'The object page of the web UI' }) });

export const ObjectTableQuery = Type.Object({
  namespace: Type.Optional(Namespace),
  labelSelector: Type.Optional(FreeText('kubectl -l: k=v, k!=v, k in (a,b), k notin (a,b), k, !k')),
  fieldSelector: Type.Optional(FreeText('kubectl --field-selector: path=v, path!=v (any field path)')),
  wide: Type.Optional(Type.Boolean({ description: 'The -o wide columns too' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type ObjectTableQuery = Static<typeof ObjectTableQuery>;

export const ObjectTable = Type.Object(
  {
    analysisId: AnalysisId,
    type: ResourceTypeBody,
    namespace: Nullable(Type.String({ description: 'The namespace read; null: every namespace (or a cluster-scoped type)' })),
    columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String({ description: 'string, integer, number, boolean or date' }), priority: Type.Integer() })),
    columnsFrom: Type.String({ description: "kubernetes (kube-apiserver's printers), bundle-crd, built-in-crd or default (NAME and AGE)" }),
    rows: Type.Array(
      Type.Object({
        namespace: Nullable(Type.String()),
        name: Type.String(),
        cells: Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]), { description: 'One per column, typed as the API server types them' }),
        ...BundlePlace,
        links: ObjectLinks,
      }),
    ),
    total: Type.Integer({ description: 'Objects selected; rows holds limit of them from offset' }),
    offset: Type.Integer(),
    notes: Type.Array(Type.String(), { description: "What kubectl would say on stderr: a namespace not collected, which of several types a name was taken as, files that could not be read" }),
    masked: Masked,
  },
  { description: "kubectl get: one type's objects with kubectl's columns, each with its place in the bundle" },
);
export type ObjectTable = Static<typeof ObjectTable>;

export const ObjectParams = Type.Object({ id: AnalysisId, type: TypeName, name: ObjectName });
export const TypeParams = Type.Object({ id: AnalysisId, type: TypeName });
export const ObjectQuery = Type.Object({ namespace: Type.Optional(Namespace) });
export type ObjectQuery = Static<typeof ObjectQuery>;

const LogLink = Type.Object({ label: Type.String(), previous: Type.Boolean(), links: ObjectLinks });

export const FindingCitation = Type.Object({
  ruleId: Type.String(),
  status: Type.String(),
  severity: Type.String(),
  title: Type.String(),
  fingerprint: Type.String(),
  link: Type.String({ description: "The finding in the analysis's report page" }),
});

export const ObjectDescription = Type.Object(
  {
    analysisId: AnalysisId,
    type: ResourceTypeBody,
    apiVersion: Type.String(),
    kind: Type.String(),
    namespace: Nullable(Type.String()),
    name: Type.String(),
    ...BundlePlace,
    conditions: Type.Array(
      Type.Object({ type: Type.String(), status: Type.String(), reason: Type.String(), message: Type.String(), lastTransitionTime: Nullable(Type.String()), lastTransitionAge: Type.String() }),
    ),
    events: Type.Array(
      Type.Object({ type: Type.String(), reason: Type.String(), age: Type.String({ description: "kubectl's AGE: 5m, or 2m (x12 over 1h)" }), from: Type.String(), message: Type.String(), count: Type.Integer(), ...BundlePlace }),
    ),
    owners: Type.Array(
      Type.Object({
        apiVersion: Type.String(),
        kind: Type.String(),
        namespace: Nullable(Type.String()),
        name: Type.String(),
        controller: Type.Boolean(),
        ...BundlePlace,
        missing: Nullable(Type.String({ description: 'Why the owner is not in the bundle' })),
        links: Nullable(ObjectLinks),
      }),
      { description: 'The owner chain, nearest first' },
    ),
    sections: Type.Array(
      Type.Object({
        title: Type.String(),
        entries: Type.Array(Type.Object({ text: Type.String(), ...BundlePlace, finding: Nullable(FindingCitation) })),
      }),
      { description: "What else the service knows about the object: the findings of this analysis that cite it" },
    ),
    logs: Type.Array(LogLink, { description: "A pod's container logs, or a node's logs, as the bundle holds them" }),
    object: Type.Unknown({ description: 'The object as the bundle holds it (metadata.managedFields left out), secrets masked' }),
    links: Type.Object({ self: Type.String(), page: Type.String(), yaml: Type.String() }),
    masked: Masked,
  },
  { description: 'kubectl describe: the object, its conditions, events, owner chain and the findings citing it' },
);
export type ObjectDescription = Static<typeof ObjectDescription>;

const LogPageQueryFields = {
  previous: Type.Optional(Type.Boolean({ description: "The previous run (a container's <c>.log.1, a node's kernel.log.1)" })),
  grep: Type.Optional(Type.String({ pattern: BROWSE_PATTERNS.text, maxLength: 500, description: 'Lines whose message matches: RE2 syntax (linear time: no lookaround or backreferences; (?i) for any case)' })),
  since: Type.Optional(Type.String({ pattern: BROWSE_PATTERNS.text, maxLength: 64, description: 'Lines from then on: a duration before the bundle was made (90s, 2h, 1h30m) or an RFC 3339 time' })),
  tail: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, description: 'The last N matching lines instead of a page from offset' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Matching lines to skip' })),
};
export const PodLogQuery = Type.Object({ container: Type.Optional(Container), ...LogPageQueryFields });
export type PodLogQuery = Static<typeof PodLogQuery>;
export const NodeLogQuery = Type.Object({ file: Type.Optional(NodeFile), ...LogPageQueryFields });
export type NodeLogQuery = Static<typeof NodeLogQuery>;
export const PodLogParams = Type.Object({ id: AnalysisId, namespace: Namespace, pod: ObjectName });
export const NodeLogParams = Type.Object({ id: AnalysisId, node: NodeName });

export const LogPage = Type.Object(
  {
    analysisId: AnalysisId,
    source: Type.Object({
      kind: Type.Union([Type.Literal('pod'), Type.Literal('node')]),
      namespace: Nullable(Type.String()),
      pod: Nullable(Type.String()),
      container: Nullable(Type.String()),
      node: Nullable(Type.String()),
      file: Nullable(Type.String({ description: 'The node log shown (null: none chosen; logs lists them)' })),
      previous: Type.Boolean(),
    }),
    files: Type.Array(Type.String(), { description: 'The bundle files read' }),
    logs: Type.Array(LogLink, { description: "The pod's container logs, or the node's logs, to choose from" }),
    lines: Type.Array(Type.Object({ path: Type.String(), line: Type.Integer(), time: Nullable(Type.String({ description: 'The timestamp of the line, when it has one' })), text: Type.String(), truncated: Type.Boolean() })),
    offset: Type.Integer(),
    nextOffset: Nullable(Type.Integer({ description: 'Where the next page starts; null on the last page (or with tail)' })),
    notes: Type.Array(Type.String()),
    masked: Masked,
  },
  { description: 'kubectl logs: a page of a container log or a node log, filtered, each line with its path:line' },
);
export type LogPage = Static<typeof LogPage>;
