import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { NOT_FOUND, cdiDataVolumeFailed } from './fault.js';

const ID = 'cdi-datavolume-failed';
const DATA_VOLUMES = 'yamls/namespaced/default/cdi.kubevirt.io/v1beta1/datavolumes.yaml';

describe(ID, () => {
  it('fails for an import whose importer stopped with an error, citing the Running condition\'s reason and message', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1321 });
    const { dataVolume } = cdiDataVolumeFailed(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['fail', 'high']);
    expect(run.finding!.message).toBe(`DataVolume default/${dataVolume} (ImportInProgress, N/A) stopped with Error after 4 restart(s) of its importer: ${NOT_FOUND}`);
    expectCited(builder, run.finding, DATA_VOLUMES, /^\/status\/conditions\/2\/reason$/, 'reason: Error');
  });

  it('fails for a DataVolume in phase Failed', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1322 });
    const { dataVolume } = cdiDataVolumeFailed(builder, 'failed');
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.finding!.message).toBe(`DataVolume default/${dataVolume} failed: Running (Error): ${NOT_FOUND}.`);
    expectCited(builder, run.finding, DATA_VOLUMES, /^\/status\/phase$/, 'phase: Failed');
  });

  it('warns (medium) for an importer that restarted three times without an error recorded', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1323 });
    const { dataVolume } = cdiDataVolumeFailed(builder, 'restarting');
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity, run.finding!.message]).toEqual(['warn', 'medium', `DataVolume default/${dataVolume} (ImportInProgress, 12.40%): its importer restarted 3 times.`]);
  });

  it('passes for an import in progress without restarts and for a succeeded one (near misses)', async () => {
    for (const state of ['importing', 'succeeded'] as const) {
      const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1324 });
      cdiDataVolumeFailed(builder, state);
      expect((await runRule(await catalogRule(ID), builder)).outcome, state).toBe('pass');
    }
  });

  it('explains the claim it fills and the VM that waits for it, and heads the report', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1321 });
    const { vm } = cdiDataVolumeFailed(builder);
    const report = await runCatalog(builder);
    const find = (ruleId: string) => report.findings.find((finding) => finding.ruleId === ruleId && finding.status !== 'pass')!;
    const [failed, pending, down] = [find(ID), find('pvc-pending'), find('vm-error-status')];
    expect(down.message).toBe(`VM default/${vm} is DataVolumeError: no condition of the VM says why.`);
    expect(failed.explains!.map((link) => link.ruleId)).toEqual(['pvc-pending', 'vm-error-status']);
    expect(pending.causedBy!.map((link) => link.ruleId)).toEqual([ID]);
    expect(down.causedBy!.map((link) => link.ruleId)).toEqual([ID, 'pvc-pending']);
    expect(report.summary.headline).toBe(ID);
  });
});
