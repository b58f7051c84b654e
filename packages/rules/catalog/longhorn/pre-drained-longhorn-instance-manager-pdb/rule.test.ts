import { describe, expect, it } from 'vitest';
import { preDrainedLonghornInstanceManagerPdb, PDB_INSTANCE_MANAGER, ORPHAN_ENGINE } from './fault.js';
import { catalogRule, expectCites, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('pre-drained-longhorn-instance-manager-pdb');

describe('pre-drained-longhorn-instance-manager-pdb (S27)', () => {
  it('fails when a node is Pre-drained and longhorn-manager cannot remove the PDB', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 27 });
    preDrainedLonghornInstanceManagerPdb(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `Node harvester-node-1 is stuck in Pre-drained: longhorn-manager logs "removing harvester-node-1 PDB is blocked: some volumes are still attached InstanceEngines count 1 ${ORPHAN_ENGINE}", so PodDisruptionBudget ${PDB_INSTANCE_MANAGER} never goes away.`,
    );
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/longhorn-system/'))!;
    expectCites(bundle, run, log.path, 'PDB is blocked: some volumes are still attached');
    expect(run.finding!.remediation!.commands).toContain(`kubectl delete pdb ${PDB_INSTANCE_MANAGER} -n longhorn-system`);
  });

  it('does not fire while the node is still Pre-draining (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 27 });
    preDrainedLonghornInstanceManagerPdb(bundle, { nodeState: 'Pre-draining' });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
