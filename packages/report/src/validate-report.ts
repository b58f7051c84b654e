import type { ErrorObject } from 'ajv';
import { validate } from './report-schema-validator.generated.js';

// Ajv's validator of schema/report.schema.json, compiled when the package is built
// (scripts/generate-validators.mjs): nothing is compiled at run time.
const validator = validate as { (data: unknown): boolean; errors?: ErrorObject[] | null };

/** Checks a report (or anything parsed from JSON) against the published schema. */
export function validateReport(report: unknown): { valid: boolean; errors: string[] } {
  const valid = validator(report);
  const errors = (validator.errors ?? []).map((error) => {
    const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
  });
  return { valid, errors };
}
