import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, expectCited, runRule, runRules, type BundleBuilder } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { harvesterAddonFailed, OWNERSHIP_ERROR } from './fault.js';

const ID = 'harvester-addon-failed';
const ADDONS = 'yamls/namespaced/harvester-system/harvesterhci.io/v1beta1/addons.yaml';
const rule = () => catalogRule(ID);

const analyzeWith = async (builder: BundleBuilder, ids: string[]) => runRules(await Promise.all(ids.map((id) => catalogRule(id))), builder);

describe(ID, () => {
  it('fails when the addon controller recorded OperationFailed, quoting its message', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 41 });
    harvesterAddonFailed(bundle, { failed: true });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.severity).toBe('high');
    expect(run.finding!.message).toBe(
      'Addon harvester-system/pcidevices-controller (harvester-pcidevices-controller 1.4.2, enabled: true) failed: "addon deployment job helm-install-pcidevices-controller failed" (status AddonEnabling, 3m ago); the addon controller does nothing more until the addon is disabled and the cause fixed.',
    );
    expectCited(bundle, run.finding, ADDONS, /^\/status\/conditions\/2\/status$/, 'status: "True"');
  });

  it('warns when enabling has been in progress for more than 15 minutes', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 41 });
    harvesterAddonFailed(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toBe(
      'Addon harvester-system/pcidevices-controller has been in AddonEnabling for 25m: the helm Job of its HelmChart harvester-system/pcidevices-controller has neither completed nor failed.',
    );
    expectCited(bundle, run.finding, ADDONS, /^\/status\/conditions\/1\/lastUpdateTime$/, 'lastUpdateTime:');
  });

  it('passes on the Addons of a healthy cluster: deployed, disabled (near miss: Completed, not failed)', async () => {
    const run = await runRule(await rule(), healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 41 }));
    expect(run.outcome).toBe('pass');
  });

  it('is explained by the failing helm-install Job of its HelmChart, whose Helm error is the headline', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 41 });
    const { pod } = harvesterAddonFailed(bundle);
    const report = await analyzeWith(bundle, [ID, 'helm-chart-job-failing', 'job-failed']);
    const addon = report.findings.find((finding) => finding.ruleId === ID && finding.status === 'warn');
    const chart = report.findings.find((finding) => finding.ruleId === 'helm-chart-job-failing' && finding.status === 'fail');
    expect(chart?.message).toContain(`Helm logged "Error: INSTALLATION FAILED: ${OWNERSHIP_ERROR}"`);
    expect(chart?.evidence[0]?.path).toBe(`logs/harvester-system/${pod}/helm.log`);
    expect(citedLine(bundle, chart!.evidence[0]!)).toContain('Error: INSTALLATION FAILED: Unable to continue with install');
    expect(addon?.causedBy).toEqual([{ ruleId: 'helm-chart-job-failing', fingerprint: chart!.fingerprint }]);
    expect(report.summary.headline).toBe('helm-chart-job-failing');
  });
});
