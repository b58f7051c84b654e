import { describe, expect, it } from 'vitest';
import { waitingRebootCosStateTooSmall } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster, healthyCluster } from '../../../../../testdata/generator/index.js';
import { precheckCosStateSize } from '../../node/precheck-cos-state-size/fault.js';

const rule = () => catalogRule('waiting-reboot-cos-state-too-small');

describe('waiting-reboot-cos-state-too-small (S31)', () => {
  it('fails when the Waiting Reboot node booted /cOS/passive.img and still runs the old release', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 31 });
    const node = waitingRebootCosStateTooSmall(bundle);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `Node ${node} is stuck in "Waiting Reboot" for upgrade hvst-upgrade-7xk2p to v1.4.1: it booted the fallback image /cOS/passive.img (upgrade_failure set) and harvester-release.yaml still shows v1.4.0; its COS_STATE filesystem is 15G (4.3G used, df -h).`,
    );
    const state = run.finding!.evidence[0]!;
    expect(state.path).toBe('yamls/namespaced/harvester-system/harvesterhci.io/v1beta1/upgrades.yaml');
    expect(new TextDecoder().decode(bundle.toFiles().get(state.path)!).split('\n')[state.line - 1]!.trim()).toBe('state: Waiting Reboot');
    const kernel = run.finding!.evidence[1]!;
    expect(kernel.path).toBe(`nodes/${node}.zip!/${node}/logs/kernel.log`);
    expect(kernel.line).toBe(2);
    expect(kernel.excerpt).toContain('cos-img/filename=/cOS/passive.img upgrade_failure');
    const release = run.finding!.evidence[2]!;
    expect(release.path).toBe(`nodes/${node}.zip!/${node}/configs/etc/harvester-release.yaml`);
    expect([release.line, release.excerpt]).toEqual([1, 'harvester: v1.4.0']);
  });

  it('still fails for the node it can read when another node in Waiting Reboot has no node bundle, and is skipped only when no node can be read', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 2, seed: 31 });
    const node = waitingRebootCosStateTooSmall(bundle);
    const other = bundle.listObjects('v1', 'Node').map((object) => object.metadata.name).find((name) => name !== node)!;
    bundle.updateObject('harvesterhci.io/v1beta1', 'Upgrade', 'harvester-system', 'hvst-upgrade-7xk2p', (upgrade) => {
      const status = upgrade.status as { nodeStatuses: Record<string, unknown> };
      status.nodeStatuses[other] = { state: 'Waiting Reboot' };
    });
    bundle.removeNodeBundle(other);
    const run = await runRule(await rule(), bundle);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain(`Node ${node} is stuck in "Waiting Reboot"`);
    bundle.removeNodeBundle(node);
    const skipped = await runRule(await rule(), bundle);
    expect(skipped.outcome).toBe('skipped');
    expect(skipped.skipReason).toMatch(/nodes .+ are in "Waiting Reboot" .* their node bundles were not collected/);
  });

  it('does not fire when the node booted the new active image and runs the target release (near miss)', async () => {
    const bundle = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 31 });
    waitingRebootCosStateTooSmall(bundle, { bootedActive: true });
    expect((await runRule(await rule(), bundle)).outcome).toBe('pass');
  });
});

describe('waiting-reboot-cos-state-too-small with the node\'s supportconfig', () => {
  it('cites the size of the COS_STATE filesystem inside the supportconfig archive', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 31 });
    const node = waitingRebootCosStateTooSmall(cluster.builder);
    precheckCosStateSize(cluster, { node });
    const run = await runRule(await rule(), cluster.builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/harvester-release\.yaml still shows v1\.4\.0; its COS_STATE filesystem is 7\.8G \(3\.6G used, df -h\)\.$/);
    const state = run.finding!.evidence.find((item) => item.path.endsWith('/fs-diskio.txt'))!;
    expect(citedLine(cluster.builder, state)).toMatch(/7\.8G.*\/run\/initramfs\/cos-state$/);
  });
});
