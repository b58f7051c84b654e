import { Type, type Static, type TSchema } from 'typebox';

/**
 * The request and response schemas of the HTTP API, written once: fastify validates requests and
 * serializes responses with them, @fastify/swagger publishes them (OpenAPI 3.1), and the
 * handlers' types are derived from them (`Static`).
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const AnalysisId = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'An analysis id (UUID)' });
export const ClusterId = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'A cluster id: the UID of its harvester-system namespace (or of kube-system)' });
export const Fingerprint = Type.String({ pattern: '^[0-9a-f]{16}$', description: 'A finding fingerprint: the same finding in any bundle of a cluster' });
export const ObjectId = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });

export const AnalysisStatusSchema = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('error')]);
export const RoleSchema = Type.Union([Type.Literal('reader'), Type.Literal('uploader'), Type.Literal('admin')]);
export const ReportFormatSchema = Type.Union(['json', 'text', 'markdown', 'html', 'sarif', 'junit'].map((format) => Type.Literal(format)));
export const WebhookEventSchema = Type.Union([Type.Literal('analysis.done'), Type.Literal('analysis.error')]);

export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { description: 'Every error: a code to match on and one line for a person' },
);

const Summary = Type.Object({
  fail: Type.Integer(),
  warn: Type.Integer(),
  info: Type.Integer(),
  pass: Type.Integer(),
  skipped: Type.Integer(),
  errors: Type.Integer(),
  headline: Nullable(Type.String()),
  headlineMessage: Nullable(Type.String()),
});

const Cluster = Type.Object({
  id: Nullable(Type.String()),
  source: Nullable(Type.String({ description: 'harvester-system-namespace (metadata.yaml, folder name or namespaces.yaml) or kube-system-namespace' })),
  evidence: Type.String({ description: 'Where the id was read (path:line), or why there is none' }),
});

const AnalysisLinks = Type.Object({
  self: Type.String(),
  page: Type.String(),
  report: Type.String(),
  events: Type.String(),
  objects: Type.String({ description: "The bundle's objects and logs (the object browser), once the analysis is done and while the file is kept" }),
});

export const AnalysisBody = Type.Object(
  {
    id: AnalysisId,
    status: AnalysisStatusSchema,
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    attempts: Type.Integer(),
    queuedAt: Type.String({ format: 'date-time' }),
    startedAt: Nullable(Type.String({ format: 'date-time' })),
    finishedAt: Nullable(Type.String({ format: 'date-time' })),
    fileName: Type.String(),
    bundle: Type.Object({ sha256: Type.String(), size: Type.Integer(), format: Type.String(), fileRemoved: Type.Boolean() }),
    tickets: Type.Array(Type.String()),
    labels: Type.Array(Type.String()),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    cluster: Nullable(Cluster),
    harvesterVersion: Nullable(Type.String()),
    kubernetesVersion: Nullable(Type.String()),
    bundleCreatedAt: Nullable(Type.String()),
    summary: Nullable(Summary),
    maskedSecrets: Nullable(Type.Integer()),
    links: AnalysisLinks,
  },
  { description: 'An analysis of one uploaded bundle' },
);
export type AnalysisBody = Static<typeof AnalysisBody>;

export const UploadQuery = Type.Object({
  ticket: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^\\u0000-\\u001f]*$', description: 'A ticket id to find the analysis by' })),
  label: Type.Optional(Type.Array(Type.String({ maxLength: 100, pattern: '^[^\\u0000-\\u001f]*$' }), { maxItems: 20 })),
  fileName: Type.Optional(Type.String({ maxLength: 255, description: 'The bundle file name, shown in lists (never used as a path)' })),
});
export type UploadQuery = Static<typeof UploadQuery>;

export const UploadAccepted = Type.Object({
  analysisId: AnalysisId,
  duplicate: Type.Boolean({ description: 'The same content (SHA-256) was uploaded before: its analysis is returned' }),
  status: AnalysisStatusSchema,
  bundle: Type.Object({ sha256: Type.String(), size: Type.Integer(), format: Type.String() }),
  links: AnalysisLinks,
});
export type UploadAccepted = Static<typeof UploadAccepted>;

export const SearchQuery = Type.Object({
  cluster: Type.Optional(ClusterId),
  version: Type.Optional(Type.String({ maxLength: 100, description: 'Harvester version, as the bundle states it (v1.4.1)' })),
  rule: Type.Optional(Type.String({ maxLength: 200, description: 'Analyses with a fail/warn/info finding of this rule' })),
  status: Type.Optional(AnalysisStatusSchema),
  outcome: Type.Optional(Type.Union([Type.Literal('fail'), Type.Literal('warn'), Type.Literal('clean')])),
  ticket: Type.Optional(Type.String({ maxLength: 200 })),
  label: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Bundles created (else received) at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the headline rule id or message' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const AnalysisList = Type.Object({ total: Type.Integer(), items: Type.Array(AnalysisBody) });

export const ReportQuery = Type.Object({
  format: Type.Optional(ReportFormatSchema),
  download: Type.Optional(Type.Boolean({ description: 'As an attachment (a file name is suggested)' })),
});
export type ReportQuery = Static<typeof ReportQuery>;

const DiffEntry = Type.Object({
  ruleId: Type.String(),
  signature: Nullable(Type.String()),
  status: Type.String(),
  severity: Type.String(),
  title: Type.String(),
  message: Type.String(),
  fingerprint: Type.String(),
  previousStatus: Type.Optional(Type.String()),
});

export const ClusterHistory = Type.Object({
  clusterId: Type.String(),
  source: Nullable(Type.String()),
  analyses: Type.Array(
    Type.Object({
      analysis: AnalysisBody,
      diff: Nullable(
        Type.Object({
          previousAnalysisId: AnalysisId,
          appeared: Type.Array(DiffEntry),
          disappeared: Type.Array(DiffEntry),
          stayed: Type.Array(DiffEntry),
        }),
      ),
    }),
  ),
});
export type ClusterHistory = Static<typeof ClusterHistory>;

export const ClusterList = Type.Array(
  Type.Object({ clusterId: Type.String(), source: Nullable(Type.String()), analyses: Type.Integer(), lastBundleAt: Nullable(Type.String()), harvesterVersion: Nullable(Type.String()) }),
);

export const FingerprintReport = Type.Object({
  fingerprint: Type.String(),
  ruleId: Type.String(),
  title: Type.String(),
  bundles: Type.Integer(),
  clusters: Type.Integer(),
  firstSeen: Nullable(Type.String()),
  lastSeen: Nullable(Type.String()),
  summary: Type.String({ description: 'seen in N bundles from M clusters, first on …' }),
  sightings: Type.Array(
    Type.Object({
      analysisId: AnalysisId,
      clusterId: Nullable(Type.String()),
      status: Type.String(),
      bundleCreatedAt: Nullable(Type.String()),
      queuedAt: Type.String(),
      tickets: Type.Array(Type.String()),
    }),
  ),
});
export type FingerprintReport = Static<typeof FingerprintReport>;

export const TokenBody = Type.Object({
  id: ObjectId,
  name: Type.String(),
  role: RoleSchema,
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export const NewToken = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), role: RoleSchema }, { additionalProperties: false });
export type NewToken = Static<typeof NewToken>;
export const IssuedToken = Type.Object({ token: Type.String({ description: 'The secret: shown this once, stored only as a hash' }), record: TokenBody });

export const WebhookBody = Type.Object({ id: ObjectId, url: Type.String(), events: Type.Array(WebhookEventSchema), createdAt: Type.String() });
export const NewWebhook = Type.Object(
  {
    url: Type.String({ pattern: '^https?://', maxLength: 2000 }),
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, description: 'HMAC key; one is made when absent' })),
    events: Type.Optional(Type.Array(WebhookEventSchema, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type NewWebhook = Static<typeof NewWebhook>;
export const CreatedWebhook = Type.Object({ webhook: WebhookBody, secret: Type.String({ description: 'The HMAC key: shown this once' }) });

export const DeliveryBody = Type.Object({
  id: Type.String(),
  analysisId: Type.String(),
  event: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  lastAttempt: Nullable(
    Type.Object({ attempt: Type.Integer(), at: Type.String(), statusCode: Nullable(Type.Integer()), error: Nullable(Type.String()), durationMs: Type.Integer() }),
  ),
});

export const IdParams = Type.Object({ id: AnalysisId });
export const ObjectIdParams = Type.Object({ id: ObjectId });
export const ClusterParams = Type.Object({ clusterId: ClusterId });
export const FingerprintParams = Type.Object({ fingerprint: Fingerprint });
export const EventsQuery = Type.Object({ analysis: Type.Optional(AnalysisId) });
export type EventsQuery = Static<typeof EventsQuery>;

export const Health = Type.Object({ status: Type.Literal('ok'), version: Type.String(), mode: Type.Union([Type.Literal('embedded'), Type.Literal('distributed')]) });
