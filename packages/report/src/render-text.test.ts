import type { Report } from '@bundle-triage/rules';
import { describe, expect, it } from 'vitest';
import { renderReport } from './index.js';
import { fixtureReport } from './test-reports.js';
import { displayWidth } from './wrap-text.js';

describe('terminal text', () => {
  it('starts with the headline: status, severity, rule id and message', async () => {
    const text = renderReport(await fixtureReport('flagship'), 'text');
    expect(text.split('\n')[0]).toMatch(/^✖ FAIL critical mcc-harvester-modified-snapshot-validation-webhook — An upgrade would be refused/);
  });

  it('has no escape codes without colour, and ANSI colours with it', async () => {
    const report = await fixtureReport('flagship');
    expect(renderReport(report, 'text', { color: false })).not.toContain('\u001b[');
    const coloured = renderReport(report, 'text', { color: true });
    expect(coloured).toContain('\u001b[31m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderReport(report, 'text'));
  });

  it('wraps prose to the width, but never breaks an excerpt, a command or a diff line', async () => {
    const report = await fixtureReport('flagship');
    const text = renderReport(report, 'text', { width: 60 });
    const copied = report.findings.flatMap((finding) => [...finding.evidence.map((item) => item.excerpt), ...(finding.remediation?.commands ?? [])]);
    for (const line of text.split('\n')) {
      if (displayWidth(line) <= 60) continue;
      expect(copied.some((piece) => line.includes(piece)) || /^\s+[+ -@]/.test(line) || line.trim().split(/\s+/).some((word) => displayWidth(word) > 40), `line over 60 columns: ${line}`).toBe(true);
    }
  });

  it('lists skipped rules and errors with verbose, and only counts them otherwise', async () => {
    const report = await fixtureReport('flagship');
    expect(renderReport(report, 'text')).toContain('1 skipped, 1 rule error — --verbose lists them');
    const verbose = renderReport(report, 'text', { verbose: true });
    expect(verbose).toContain('mcc-rancher-logging-not-ready: bundles fleet-local/mcc-rancher-logging is not in this bundle');
    expect(verbose).toContain('broken-rule: cannot read <spec>');
  });

  it('says once that a finding is explained by another: the message says it, or else a line of its own', async () => {
    const report: Report = structuredClone(await fixtureReport('flagship'));
    const [first, second] = report.findings;
    Object.assign(first!, { status: 'info', coveredBy: 'specific-rule', message: `${first!.message} (explained by specific-rule)` });
    // A message that names a longer rule id ("other-rule-2") does not say it is explained by other-rule.
    Object.assign(second!, { status: 'info', coveredBy: 'other-rule', message: `${second!.message} (explained by other-rule-2)` });
    const text = renderReport(report, 'text', { width: 400 });
    expect(text.split('explained by specific-rule').length - 1).toBe(1);
    expect(text).toContain('\n  explained by other-rule\n');
  });

  it('shows control characters from the bundle instead of sending them to the terminal', async () => {
    const report: Report = structuredClone(await fixtureReport('flagship'));
    report.findings[0]!.evidence[0]!.excerpt = 'evil \u001b]0;title\u0007 \u001b[2J line';
    const text = renderReport(report, 'text');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('evil ␛]0;title� ␛[2J line');
  });

  it('shows pass findings only when asked', async () => {
    const report = await fixtureReport('flagship');
    expect(renderReport(report, 'text')).not.toContain('✔ PASS');
    expect(renderReport(report, 'text', { includePass: true })).toContain('✔ PASS high  node-not-ready');
  });
});
