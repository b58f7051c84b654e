import { describe, expect, it } from 'vitest';
import { redactReport, renderReadiness, renderReport, validateReport, type ReportFormat } from './index.js';
import { canaryReport, CANARIES } from './test-reports.js';

const FORMATS: ReportFormat[] = ['text', 'markdown', 'html', 'json', 'sarif', 'junit'];
const secrets = Object.entries(CANARIES);

describe('canary secrets planted in a bundle never reach a redacted rendering', () => {
  it('the canary report really quotes every planted secret (so the test below proves something)', async () => {
    const raw = JSON.stringify(await canaryReport());
    for (const [name, secret] of secrets) expect(raw, name).toContain(secret);
  });

  it.each(FORMATS)('%s masks every canary and says how many secrets it masked', async (format) => {
    const output = renderReport(await canaryReport(), format);
    for (const [name, secret] of secrets) expect(output, `${name} leaked in ${format}`).not.toContain(secret);
    expect(output).toMatch(/\d+ secrets masked|"masked": [1-9]/);
  });

  it.each(['text', 'markdown', 'json'] as const)('the readiness view as %s masks every canary too', async (format) => {
    const output = renderReadiness(await canaryReport(), format);
    for (const [name, secret] of secrets) expect(output, `${name} leaked in readiness ${format}`).not.toContain(secret);
  });

  it('keeps the key names and the line numbers, so the evidence still says where the secret was', async () => {
    const json = JSON.parse(renderReport(await canaryReport(), 'json')) as { findings: { evidence: { line: number; excerpt: string }[] }[]; redaction: unknown };
    const evidence = json.findings[0]!.evidence;
    expect(evidence.map((item) => item.excerpt)).toContain('password: ***');
    expect(evidence.find((item) => item.excerpt.startsWith('caBundle:'))?.excerpt).toBe('caBundle: ***');
    expect(evidence.every((item) => item.line >= 1)).toBe(true);
    expect(json.redaction).toMatchObject({ applied: true });
    expect(validateReport(json)).toEqual({ valid: true, errors: [] });
  });

  it('shows the secrets, and warns that it does, when redaction is turned off', async () => {
    for (const format of FORMATS) {
      const output = renderReport(await canaryReport(), format, { redact: false });
      expect(output, format).toContain(CANARIES.password);
    }
    expect(renderReport(await canaryReport(), 'text', { redact: false })).toContain('Redaction is off');
    expect(JSON.parse(renderReport(await canaryReport(), 'json', { redact: false })).redaction).toEqual({ applied: false, masked: 0 });
  });

  it.each(FORMATS)('%s of a report stored redacted says how many secrets the first redaction masked (maskedBefore)', async (format) => {
    const { report: stored, masked } = redactReport(await canaryReport());
    expect(masked).toBeGreaterThan(0);
    expect(renderReport(stored, format)).not.toMatch(/\d+ secrets? masked|"masked": [1-9]/);
    const output = renderReport(stored, format, { maskedBefore: masked });
    if (format === 'json') expect(JSON.parse(output).redaction).toEqual({ applied: true, masked });
    else expect(output).toContain(`${masked} secrets masked`);
  });
});
