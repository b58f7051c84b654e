import { Ajv2020 } from 'ajv/dist/2020.js';
import { reportSchema } from './report-schema.js';

// Compiled once when the module loads; the validator itself is stateless between calls.
const validator = new Ajv2020({ allErrors: true, strict: true }).compile(reportSchema);

/** Checks a report (or anything parsed from JSON) against the published schema. */
export function validateReport(report: unknown): { valid: boolean; errors: string[] } {
  const valid = validator(report);
  const errors = (validator.errors ?? []).map((error) => {
    const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
  });
  return { valid, errors };
}
