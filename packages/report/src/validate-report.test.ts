import type { Report } from '@bundle-triage/rules';
import { describe, expect, it } from 'vitest';
import { reportSchema, toCanonicalJson, validateReport } from './index.js';
import { fixtureReport } from './test-reports.js';

function shuffledKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffledKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, shuffledKeys(item)]));
}

describe('the report schema', () => {
  it('accepts the engine\'s reports, run timings included', async () => {
    const report = await fixtureReport('flagship');
    expect(validateReport({ ...report, run: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 12, rules: 5 } })).toEqual({ valid: true, errors: [] });
  });

  it('rejects a report with a wrong status, a missing field or an undocumented field, saying where', async () => {
    const report = structuredClone(await fixtureReport('flagship')) as unknown as { findings: Record<string, unknown>[]; summary: Record<string, unknown>; extra?: boolean };
    report.findings[0]!.status = 'broken';
    delete report.summary.headline;
    report.extra = true;
    const result = validateReport(report);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('/findings/0/status must be equal to one of the allowed values');
    expect(result.errors).toContain("/summary must have required property 'headline'");
    expect(result.errors).toContain('/ must NOT have additional properties (extra)');
  });

  it('is a draft 2020-12 schema that publishes the optional redaction field', () => {
    expect(reportSchema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', properties: { redaction: { required: ['applied', 'masked'] } } });
  });
});

describe('canonical JSON', () => {
  it('orders keys as the schema does, whatever order the report was built in', async () => {
    const report = await fixtureReport('flagship');
    const canonical = toCanonicalJson(report);
    expect(toCanonicalJson(shuffledKeys(report) as Report)).toBe(canonical);
    expect(Object.keys(JSON.parse(canonical))).toEqual(['schemaVersion', 'tool', 'bundle', 'overview', 'summary', 'findings', 'skipped', 'errors', 'diagnostics', 'patterns', 'timeline']);
    expect(Object.keys(JSON.parse(canonical).findings[0])).toEqual(['ruleId', 'status', 'severity', 'title', 'message', 'component', 'tags', 'evidence', 'remediation', 'references', 'fingerprint', 'timelineWindow']);
    expect(canonical).toMatch(/^\{\n {2}"schemaVersion": 1,\n/);
    expect(canonical.endsWith('}\n')).toBe(true);
  });
});
