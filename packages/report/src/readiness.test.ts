import type { Finding, Report } from '@bundle-triage/rules';
import { describe, expect, it } from 'vitest';
import { renderReadiness, upgradeReadiness } from './index.js';
import { fixtureReport } from './test-reports.js';

async function withFindings(mutate: (report: Report) => void): Promise<Report> {
  const report = structuredClone(await fixtureReport('healthy'));
  mutate(report);
  return report;
}

const finding = (ruleId: string, status: Finding['status'], tags: string[]): Finding => ({
  ruleId, status, tags, severity: 'high', title: `${ruleId} title`, message: `${ruleId} message`, component: 'upgrade', evidence: [], references: [], fingerprint: ruleId,
  remediation: { summary: `fix ${ruleId}`, steps: [], commands: [`kubectl fix ${ruleId}`] },
});

describe('upgrade readiness', () => {
  it('counts only failing upgrade-gate findings as reasons the upgrade would be refused, each with its fix', async () => {
    const text = renderReadiness(await fixtureReport('flagship'), 'text');
    expect(text.split('\n')[0]).toBe('✖ Upgrade would be refused: 1 reason');
    expect(text).toContain('Reasons the upgrade would be refused:');
    expect(text).toContain('kubectl patch managedcharts.management.cattle.io harvester -n fleet-local');
  });

  it('lists pre-check failures and upgrade risks apart from the reasons, and the checks not made with their reason', async () => {
    const report = await withFindings((r) => {
      r.findings.push(finding('gate-a', 'fail', ['upgrade-gate']), finding('gate-b', 'fail', ['upgrade-gate', 'precheck']), finding('pre-c', 'fail', ['precheck']), finding('risk-d', 'warn', ['upgrade']), finding('other-e', 'fail', ['network']));
      r.skipped = [{ ruleId: 'gate-f', title: 'f', reason: 'namespace longhorn-system was not collected', tags: ['upgrade-gate'] }, { ruleId: 'net-g', title: 'g', reason: 'x', tags: ['network'] }];
    });
    const view = upgradeReadiness(report);
    expect(view.reasons.map((item) => item.ruleId)).toEqual(['gate-a', 'gate-b']);
    expect(view.precheckFailures.map((item) => item.ruleId)).toEqual(['pre-c']);
    expect(view.risks.map((item) => item.ruleId)).toEqual(['risk-d']);
    expect(view.headline).toBe('Upgrade would be refused: 2 reasons');
    const markdown = renderReadiness(report, 'markdown');
    expect(markdown).toContain('| `gate-f` f | namespace longhorn-system was not collected |');
    expect(markdown).not.toContain('net-g');
    expect(markdown).not.toContain('other-e');
  });

  it('names the checks not made for the same reason together, with the reason once', async () => {
    const upgradeLogs = 'no log of pods hvst-upgrade-* in namespace harvester-system was collected in this bundle';
    const report = await withFindings((r) => {
      r.skipped = [
        { ruleId: 'apply-a', title: 'A', kind: 'missing-input', reason: upgradeLogs, tags: ['upgrade'] },
        { ruleId: 'backup-b', title: 'B', kind: 'missing-input', reason: 'settings backup-target is not in this bundle', tags: ['precheck'] },
        { ruleId: 'post-c', title: 'C', kind: 'missing-input', reason: upgradeLogs, tags: ['upgrade'] },
      ];
    });
    const text = renderReadiness(report, 'text', { width: 200 });
    expect(text).toContain(`Not checked (3):\n  apply-a, post-c: ${upgradeLogs}\n  backup-b: settings backup-target is not in this bundle\n`);
    expect(text.split(upgradeLogs)).toHaveLength(2);
    const markdown = renderReadiness(report, 'markdown');
    expect(markdown).toContain(`## Not checked (3)`);
    expect(markdown).toContain(`| \`apply-a\` A<br>\`post-c\` C | ${upgradeLogs.replace('*', '\\*')} |`);
    // JSON keeps one entry per check: bots route by rule id.
    const json = JSON.parse(renderReadiness(report, 'json')) as { notChecked: { ruleId: string }[] };
    expect(json.notChecked.map((entry) => entry.ruleId)).toEqual(['apply-a', 'backup-b', 'post-c']);
  });

  it('says how many checks could not be made when nothing would refuse the upgrade', async () => {
    const report = await withFindings((r) => {
      r.skipped = [{ ruleId: 'a', title: 'a', reason: 'r1', tags: ['precheck'] }, { ruleId: 'b', title: 'b', reason: 'r2' }];
    });
    const json = JSON.parse(renderReadiness(report, 'json')) as { wouldBeRefused: boolean; headline: string; notChecked: unknown[] };
    expect(json.wouldBeRefused).toBe(false);
    expect(json.headline).toBe('No reason found to refuse an upgrade (2 checks could not be made from this bundle)');
    expect(json.notChecked).toHaveLength(2);
  });

  describe('checks written for other Harvester versions', () => {
    const otherVersion = (ruleId: string) => ({ ruleId, title: `${ruleId} title`, kind: 'version' as const, reason: 'applies to Harvester >=1.4.0 <1.4.1; this bundle is v1.4.1', tags: ['upgrade-gate'] });
    const mixed = () =>
      withFindings((r) => {
        r.skipped = [
          { ruleId: 'gap-a', title: 'a', kind: 'missing-input', reason: 'namespace longhorn-system was not collected', tags: ['precheck'] },
          otherVersion('old-b'),
          otherVersion('old-c'),
          // The version is not known here, so the check may apply: it stays "not checked".
          { ruleId: 'dev-d', title: 'd', kind: 'missing-input', reason: 'applies to Harvester >=1.4.0 <1.4.1; this bundle is a development build (1a861fc-dirty), so the version cannot be compared', tags: ['upgrade'] },
          // The view reads the kind, never the text: a reason that reads like another version but is a missing input stays "not checked".
          { ruleId: 'text-e', title: 'e', kind: 'not-recorded', reason: 'applies to Harvester >=1.4.0 <1.4.1; this bundle is v1.4.1', tags: ['precheck'] },
        ];
      });

    it('are neither counted nor listed as checks that could not be made', async () => {
      const view = upgradeReadiness(await mixed());
      expect(view.notChecked.map((entry) => entry.ruleId)).toEqual(['gap-a', 'dev-d', 'text-e']);
      expect(view.notApplicable.map((entry) => entry.ruleId)).toEqual(['old-b', 'old-c']);
      expect(view.headline).toBe('No reason found to refuse an upgrade (3 checks could not be made from this bundle)');
    });

    it('get one short "not applicable to <version>" line in every format, and are listed only when verbose', async () => {
      const report = await mixed();
      const text = renderReadiness(report, 'text');
      expect(text).toContain('Not applicable to v1.4.1: 2 checks — --verbose lists them');
      expect(text).not.toContain('old-b');
      const markdown = renderReadiness(report, 'markdown');
      expect(markdown).toContain('Not applicable to v1.4.1: 2 checks — `--verbose` lists them.');
      expect(markdown).not.toContain('old-b');
      const json = JSON.parse(renderReadiness(report, 'json')) as { notChecked: { ruleId: string }[]; notApplicable: { count: number; checks?: unknown[] } };
      expect(json.notChecked.map((entry) => entry.ruleId)).toEqual(['gap-a', 'dev-d', 'text-e']);
      expect(json.notApplicable).toEqual({ count: 2 });

      const verboseText = renderReadiness(report, 'text', { verbose: true });
      expect(verboseText).toContain('Not applicable to v1.4.1: 2 checks:\n  old-b: applies to Harvester >=1.4.0 <1.4.1; this bundle is v1.4.1\n  old-c:');
      expect(verboseText).not.toContain('--verbose lists them');
      expect(renderReadiness(report, 'markdown', { verbose: true })).toMatch(/## Not applicable to v1\.4\.1: 2 checks\n\n\| Check \| Why \|\n\| --- \| --- \|\n\| `old-b` old-b title \| applies to Harvester/);
      const verboseJson = JSON.parse(renderReadiness(report, 'json', { verbose: true })) as { notApplicable: { count: number; checks: { ruleId: string }[] } };
      expect(verboseJson.notApplicable.checks.map((entry) => entry.ruleId)).toEqual(['old-b', 'old-c']);
    });

    it('leave no line at all when there are none', async () => {
      const text = renderReadiness(await withFindings((r) => void (r.skipped = [])), 'text', { verbose: true });
      expect(text).not.toContain('Not applicable');
    });
  });
});
