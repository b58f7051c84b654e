import { describe, expect, it } from 'vitest';
import { upgradeRepoVmStuck, REPO_POD } from './fault.js';
import { type BundleBuilder, catalogRule, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const rule = () => catalogRule('upgrade-repo-vm-stuck');
const lineAt = (builder: BundleBuilder, path: string, line: number) => new TextDecoder().decode(builder.toFiles().get(path)!).split('\n')[line - 1]!;

describe('upgrade-repo-vm-stuck (S19)', () => {
  it('fails when the repo VM pod is Pending in PreparingRepo and names the Stopped replica', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 19 });
    upgradeRepoVmStuck(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `Upgrade hvst-upgrade-7xk2p to v1.4.2 is stuck in "Creating Upgrade Repository": pod ${REPO_POD} is still Pending and replica pvc-3f1c9a52-8d2e-4b7a-9c61-0e5d4a7b2f18-r-0 of the repo volume pvc-3f1c9a52-8d2e-4b7a-9c61-0e5d4a7b2f18 is Stopped.`,
    );
    const phase = run.finding!.evidence.find((item) => item.pointer === '/status/phase')!;
    expect(phase.path).toBe('yamls/namespaced/harvester-system/v1/pods.yaml');
    expect(lineAt(bundle, phase.path, phase.line).trim()).toBe('phase: Pending');
    const replica = run.finding!.evidence.find((item) => item.pointer === '/status/currentState')!;
    expect(replica.path).toBe('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/replicas.yaml');
    expect(lineAt(bundle, replica.path, replica.line).trim()).toBe('currentState: stopped');
  });

  it('still fails, without naming a replica, when no replica is stopped', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 19 });
    upgradeRepoVmStuck(bundle, { noStoppedReplica: true });
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/is still Pending \(RepoReady is not True\)\.$/);
  });

  it('does not fire while the repo VM is Running (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 19 });
    upgradeRepoVmStuck(bundle, { podRunning: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});
