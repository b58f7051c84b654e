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

  it('lists pre-check failures and upgrade risks apart from the reasons, and not-made checks as "not checked: <reason>"', async () => {
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
    expect(markdown).toContain('not checked: namespace longhorn-system was not collected');
    expect(markdown).not.toContain('net-g');
    expect(markdown).not.toContain('other-e');
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
});
