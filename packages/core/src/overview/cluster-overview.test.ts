import { describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../../testdata/generator/index.js';
import { upgradeGateNodeUnschedulable } from '../../../rules/catalog/upgrade/upgrade-gate-node-unschedulable/fault.js';
import { openBundle, type Bundle } from '../bundle.js';
import { fixturePath, SAMPLE, WORKLOADS, workloadsNames } from '../kubectl/test-bundles.js';
import { clusterOverview } from './cluster-overview.js';

async function withBundle<T>(source: string | Uint8Array, use: (bundle: Bundle) => Promise<T>): Promise<T> {
  const bundle = await openBundle(typeof source === 'string' ? source : Buffer.from(source));
  try {
    return await use(bundle);
  } finally {
    await bundle.close();
  }
}

describe('the cluster overview', () => {
  it('gives versions, nodes and counts of the workloads cluster, each with where it was read', async () => {
    await withBundle(WORKLOADS.zip, async (bundle) => {
      const overview = await clusterOverview(bundle);
      expect(overview.versions.map((version) => [version.component, version.version])).toEqual([
        ['harvester', 'v1.4.2'],
        ['kubernetes', 'v1.31.4+rke2r1'],
        ['longhorn', 'v1.7.3'],
      ]);
      const longhorn = overview.versions.find((version) => version.component === 'longhorn')!;
      expect(await bundle.lineText(longhorn.source.path, longhorn.source.line!)).toContain('longhornio/longhorn-manager:v1.7.3');

      expect(overview.nodes.map((node) => [node.name, node.ready, node.cordoned, node.roles.join(',')])).toEqual([
        ['harvester-node-0', 'True', false, 'control-plane,etcd,master'],
        ['harvester-node-1', 'True', false, 'control-plane,etcd,master'],
        ['harvester-node-2', 'True', false, 'control-plane,etcd,master'],
      ]);
      const [node] = overview.nodes;
      expect(await bundle.lineText(node!.kernel!.source.path, node!.kernel!.source.line!)).toMatch(/kernelVersion: 5\.14\.21/);
      expect(node!.os).toMatchObject({ value: 'Harvester v1.4.2', source: { path: 'nodes/harvester-node-0.zip!/harvester-node-0/configs/etc/os-release' } });
      expect(await bundle.lineText(node!.os!.source.path, node!.os!.source.line!)).toMatch(/^PRETTY_NAME=/);

      const names = workloadsNames();
      expect(overview.pods.notReady).toBe(1);
      expect(overview.pods.namespaces).toEqual([
        { namespace: 'harvester-system', total: expect.any(Number), notReady: 1, pods: [{ name: names.crashLoopPod, reason: 'CrashLoopBackOff', source: { path: 'yamls/namespaced/harvester-system/v1/pods.yaml', line: expect.any(Number) } }] },
      ]);
      const pod = overview.pods.namespaces[0]!.pods[0]!;
      expect(await bundle.lineText(pod.source.path, pod.source.line!)).toBe('- apiVersion: v1');
      // The healthy cluster also has a stopped VM whose Longhorn volume is detached (robustness unknown).
      expect(overview.virtualMachines).toMatchObject({ total: 3, states: [{ state: 'Running', count: 2 }, { state: 'Stopped', count: 1 }] });
      expect(overview.volumes.states).toEqual([{ state: 'attached/healthy', count: 2 }, { state: 'detached/unknown', count: 1 }]);
      expect(overview.fleetBundles).toMatchObject({ total: 7, notReady: [] });
    });
  });

  it('names the Fleet bundle that is not ready, with its state and ready clusters (the flagship)', async () => {
    await withBundle(fixturePath('flagship-v1.4.1.zip'), async (bundle) => {
      const { fleetBundles } = await clusterOverview(bundle);
      expect(fleetBundles.notReady).toEqual([
        { namespace: 'fleet-local', name: 'mcc-harvester', state: 'Modified', readyClusters: '0/1', message: expect.stringContaining('Modified'), source: { path: 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml', line: expect.any(Number) } },
      ]);
    });
  });

  it('marks a cordoned node', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 7 });
    const cordoned = upgradeGateNodeUnschedulable(builder);
    await withBundle(builder.toZip(), async (bundle) => {
      const { nodes } = await clusterOverview(bundle);
      expect(nodes.filter((node) => node.cordoned).map((node) => node.name)).toEqual([cordoned]);
    });
  });

  it('says a list is not in the bundle (no sources) rather than counting it as zero', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 3 });
    // Since kit v0.0.29 an empty list writes no file: no VMs means no virtualmachines.yaml.
    for (const vm of builder.listObjects('kubevirt.io/v1', 'VirtualMachine')) builder.removeObject('kubevirt.io/v1', 'VirtualMachine', vm.metadata.namespace, vm.metadata.name);
    await withBundle(builder.toZip(), async (bundle) => {
      const { virtualMachines, pods } = await clusterOverview(bundle);
      expect(virtualMachines).toEqual({ total: 0, states: [], sources: [] });
      expect(pods.sources.length).toBeGreaterThan(0);
    });
  });

  it('keeps memory flat: lists it read that nobody held are let go again', async () => {
    await withBundle(WORKLOADS.zip, async (bundle) => {
      await bundle.facts();
      const before = bundle.heldResourceFiles();
      await clusterOverview(bundle);
      expect(bundle.heldResourceFiles().sort()).toEqual(before.sort());
    });
  });

  it.skipIf(!SAMPLE)('reads the real v1.0 sample: Rancher, Longhorn (from the DaemonSet image) and KubeVirt versions, two Fleet bundles not ready', async () => {
    await withBundle(SAMPLE, async (bundle) => {
      const overview = await clusterOverview(bundle);
      expect(overview.versions.map((version) => [version.component, version.version])).toEqual([
        ['harvester', '1a861fc-dirty'],
        ['kubernetes', 'v1.21.7+rke2r1'],
        ['rancher', 'v2.6.3'],
        ['longhorn', 'v1.2.3'],
        ['kubevirt', '0.45.0-8.4.3'],
      ]);
      expect(overview.nodes).toMatchObject([{ name: 'node1', ready: 'True', cordoned: false, kernel: { value: '5.3.18-59.37-default' } }]);
      expect(overview.fleetBundles.notReady.map((entry) => `${entry.name} ${entry.state}`)).toEqual(['mcc-harvester Modified', 'mcc-rancher-monitoring NotReady']);
      expect(overview.pods).toMatchObject({ total: 66, notReady: 0 });
    });
  });
});
