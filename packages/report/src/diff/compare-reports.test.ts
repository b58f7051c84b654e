import type { Finding, Report } from '../report-types.js';
import { describe, expect, it } from 'vitest';
import { compareReports } from './compare-reports.js';

function finding(ruleId: string, fingerprint: string, status: Finding['status'] = 'fail'): Finding {
  return { ruleId, status, severity: 'high', title: `${ruleId} title`, message: 'm', component: 'fleet', tags: [], evidence: [], references: [], fingerprint };
}

function report(root: string, findings: Finding[]): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'bundle-triage', version: '0.0.0' },
    bundle: {
      source: `${root}.zip`, format: 'zip', root, createdAt: null, kubernetesVersion: null, harvesterVersion: 'v1.4.1',
      harvesterVersionSource: null, nodes: [], nodesWithoutBundle: [], collectedNamespaces: [], uncollectedNamespaces: [], oldKit: false,
    },
    summary: { fail: 0, warn: 0, info: 0, pass: 0, skipped: 0, errors: 0, headline: null, headlineMessage: null },
    findings,
    skipped: [],
    errors: [],
    diagnostics: [],
  };
}

const CLUSTER = 'supportbundle_612c6edb-da17-4774-b848-37dd4e06ed17';

describe('compareReports', () => {
  it('matches findings by fingerprint: gone, new, and kept (with the status they had)', () => {
    const before = report(`${CLUSTER}_2025-03-12T09-14-07Z`, [finding('s01', 'f1'), finding('s18', 'f2', 'warn'), finding('ok', 'f3', 'pass')]);
    const after = report(`${CLUSTER}_2025-03-13T10-00-00Z`, [finding('s18', 'f2', 'fail'), finding('s40', 'f4', 'warn')]);
    const diff = compareReports(before, after, new Map([['s01', 'S01']]));
    expect(diff.sameCluster).toBe(true);
    expect(diff.disappeared).toEqual([expect.objectContaining({ ruleId: 's01', signature: 'S01', fingerprint: 'f1' })]);
    expect(diff.appeared).toEqual([expect.objectContaining({ ruleId: 's40', signature: null })]);
    expect(diff.stayed).toEqual([expect.objectContaining({ ruleId: 's18', status: 'fail', previousStatus: 'warn' })]);
  });

  it('tells bundles of two clusters apart by the uid in the bundle folder name, and says unknown without one', () => {
    const other = 'supportbundle_a96cd3ab-bded-4ec3-95ba-903c7fe09cff_2025-03-12T09-14-07Z';
    expect(compareReports(report(`${CLUSTER}_x`, []), report(other, [])).sameCluster).toBe(false);
    expect(compareReports(report('', []), report(other, [])).sameCluster).toBeNull();
  });
});
