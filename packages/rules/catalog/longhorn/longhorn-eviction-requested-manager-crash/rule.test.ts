import { describe, expect, it } from 'vitest';
import { longhornEvictionRequestedManagerCrash } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'longhorn-eviction-requested-manager-crash';

describe(ID, () => {
  it('fails for a node with eviction requested on the node and its disk, with a patch that clears both', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 61 });
    longhornEvictionRequestedManagerCrash(builder, { node: 'harvester-node-1', diskEviction: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.findings.filter((finding) => finding.status === 'fail')).toHaveLength(1);
    expect(run.finding!.message).toMatch(
      /^Longhorn node harvester-node-1 has eviction requested on the node and disk default-disk-[0-9a-f]{16} \(\/var\/lib\/harvester\/defaultdisk\); upgrading to v1\.4\.x with eviction requested makes longhorn-manager crash\.$/,
    );
    const [nodeFlag, diskFlag] = run.finding!.evidence;
    expect(nodeFlag!.path).toBe('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/nodes.yaml');
    expect(nodeFlag!.pointer).toBe('/spec/evictionRequested');
    expect(citedLine(builder, nodeFlag!).trim()).toBe('evictionRequested: true');
    expect(diskFlag!.pointer).toMatch(/^\/spec\/disks\/default-disk-[0-9a-f]{16}\/evictionRequested$/);
    expect(citedLine(builder, diskFlag!).trim()).toBe('evictionRequested: true');
    const patch = run.finding!.remediation!.patch!;
    expect(patch.operations.map((operation) => operation.path)).toEqual(['/spec/evictionRequested', diskFlag!.pointer]);
    expect(patch.diff).toContain('+  evictionRequested: false');
  });

  it('says the crash has started when longhorn-manager on that node is in CrashLoopBackOff', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 62 });
    longhornEvictionRequestedManagerCrash(builder, { node: 'harvester-node-0', crashLoop: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/ longhorn-manager pod longhorn-manager-\w+ is already in CrashLoopBackOff\.$/);
    const crash = run.finding!.evidence.find((item) => item.path === 'yamls/namespaced/longhorn-system/v1/pods.yaml')!;
    expect(citedLine(builder, crash).trim()).toBe('reason: CrashLoopBackOff');
  });

  it('passes when the node is only unschedulable and the eviction was cancelled (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 61 });
    longhornEvictionRequestedManagerCrash(builder, { cancelled: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped on releases after v1.4.x', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed: 63 });
    longhornEvictionRequestedManagerCrash(builder);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => {
      setting.value = 'v1.5.0';
    });
    expect((await runRule(await catalogRule(ID), builder)).skipReason).toBe('applies to Harvester >=1.3.2 <1.5.0; this bundle is v1.5.0');
  });
});
