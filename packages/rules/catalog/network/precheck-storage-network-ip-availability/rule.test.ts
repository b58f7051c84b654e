// Pre-check 19 of upgrade-helpers check.sh (signatures.md §6): free addresses of the storage network,
// counted from the Whereabouts IPPool.
import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import type { Evidence } from '@bundle-triage/report';
import { setHarvesterSetting, setLonghornSetting } from '../../../../../testdata/generator/fault-support/whereabouts-objects.js';
import { precheckStorageNetworkIpAvailability } from './fault.js';

const SETTINGS = 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml';
const IPPOOLS = 'yamls/namespaced/kube-system/whereabouts.cni.cncf.io/v1alpha1/ippools.yaml';
const STORAGE = 'precheck-storage-network-ip-availability';

const cluster = (nodes: number, harvesterVersion = 'v1.4.1') => healthyCluster({ harvesterVersion, nodes, seed: 7 });
const evidenceAt = (evidence: readonly Evidence[], path: string | RegExp) =>
  evidence.find((item) => (typeof path === 'string' ? item.path === path : path.test(item.path)));

describe(STORAGE, () => {
  it('fails when the pool has fewer free IPs than instance managers + backing image managers + 1 for RWX, citing the setting and the allocations', async () => {
    const builder = cluster(3);
    precheckStorageNetworkIpAvailability(builder);
    const run = await runRule(await catalogRule(STORAGE), builder);
    expect(run.outcome, run.skipReason ?? run.error).toBe('fail');
    const finding = run.finding!;
    expect(finding.message).toBe(
      'Storage-Network-IP-Availability Test: Failed — the storage network 192.168.100.0/28 has 4 free IPs but the upgrade needs 7 (3 instance managers + 3 backing image managers + 1 for RWX volumes on the storage network); IPPool kube-system/192.168.100.0-28: 13 usable, 9 allocated',
    );
    expect(finding.tags).toEqual(['precheck', 'upgrade', 'network']);
    expect(citedLine(builder, evidenceAt(finding.evidence, SETTINGS)!)).toMatch(/^\s*value: '\{"vlan":100,"clusterNetwork":"storage","range":"192\.168\.100\.0\/28"/);
    expect(citedLine(builder, evidenceAt(finding.evidence, IPPOOLS)!)).toMatch(/^\s*allocations:$/);
    const longhornSetting = finding.evidence.find((item) => item.object?.name === 'storage-network-for-rwx-volume-enabled');
    expect(citedLine(builder, longhornSetting!)).toMatch(/value: "true"/);
    // The patch widens the range to hold the 9 current and the 7 new addresses.
    expect(finding.remediation?.patch?.operations).toEqual([
      { op: 'replace', path: '/value', value: '{"vlan":100,"clusterNetwork":"storage","range":"192.168.100.0/27","exclude":["192.168.100.1/32"]}' },
    ]);
  });

  it('counts the +1 for RWX from a v1.5 rwx-network setting that shares the storage network', async () => {
    const builder = cluster(3);
    precheckStorageNetworkIpAvailability(builder, { rwx: 'rwx-network' });
    const run = await runRule(await catalogRule(STORAGE), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain('+ 1 for RWX volumes on the storage network');
    expect(citedLine(builder, run.finding!.evidence.find((item) => item.object?.name === 'rwx-network')!)).toContain('"share-storage-network":true');
  });

  it('passes on the near miss: the same managers in a /27', async () => {
    const builder = cluster(3);
    precheckStorageNetworkIpAvailability(builder, { range: '192.168.100.0/27' });
    expect((await runRule(await catalogRule(STORAGE), builder)).outcome).toBe('pass');
  });

  it('passes on the near miss: the /28 without RWX volumes on it (6 allocated, 7 free, 6 needed)', async () => {
    const builder = cluster(3);
    precheckStorageNetworkIpAvailability(builder, { rwx: 'none' });
    expect((await runRule(await catalogRule(STORAGE), builder)).outcome).toBe('pass');
  });

  it('passes when the storage network is not set', async () => {
    expect((await runRule(await catalogRule(STORAGE), cluster(3))).outcome).toBe('pass');
  });

  it('fails when RWX volumes share a storage network that is empty', async () => {
    const builder = cluster(1);
    setLonghornSetting(builder, 'storage-network-for-rwx-volume-enabled', 'true');
    const run = await runRule(await catalogRule(STORAGE), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      'Storage-Network-IP-Availability Test: Failed — RWX volumes are set to share the storage network (Longhorn setting storage-network-for-rwx-volume-enabled is true), but the storage-network setting is empty',
    );
    expect(citedLine(builder, run.finding!.evidence[0]!)).toMatch(/value: "true"/);
    expect(run.finding!.remediation?.patch?.operations).toEqual([{ op: 'replace', path: '/value', value: 'false' }]);
  });

  it('reports skipped, not pass, when kube-system was collected but holds no IPPool list', async () => {
    const builder = cluster(3);
    const pool = precheckStorageNetworkIpAvailability(builder);
    builder.removeObject(pool.apiVersion, 'IPPool', 'kube-system', pool.metadata.name);
    const run = await runRule(await catalogRule(STORAGE), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe(
      "the Whereabouts IPPool kube-system/192.168.100.0-28 of the storage network 192.168.100.0/28 is not in this bundle (kube-system was collected but has no whereabouts.cni.cncf.io ippools list); check it with kubectl get ippools.whereabouts.cni.cncf.io -n kube-system 192.168.100.0-28 -o yaml",
    );
  });

  it('reports skipped for an IPv6 storage network', async () => {
    const builder = cluster(1);
    setHarvesterSetting(builder, 'storage-network', '{"vlan":100,"clusterNetwork":"storage","range":"fd00:100::/64","exclude":[]}');
    const run = await runRule(await catalogRule(STORAGE), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe(
      'the range fd00:100::/64 is IPv6; this analyzer counts IPv4 pools only; count the free addresses of kubectl get ippools.whereabouts.cni.cncf.io -n kube-system fd00-100---64 -o yaml by hand',
    );
  });
});
