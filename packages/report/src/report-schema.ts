import schema from '../schema/report.schema.json' with { type: 'json' };

/**
 * The JSON Schema (draft 2020-12) of the report, schemaVersion 1: the contract triage bots depend on.
 * Published beside the code as `@bundle-triage/report/schema/report.schema.json`; the order of its
 * `properties` is also the key order of canonical JSON.
 */
export const reportSchema: object = schema;
