// Pre-checks 19–21 of upgrade-helpers check.sh (signatures.md §6): free addresses of the storage
// network and of a dedicated RWX network, counted from the Whereabouts IPPool, and the /oem
// network configuration of each node bundle on v1.6.x.
import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/report/report-types.js';
import type { BundleBuilder } from '../../src/testing/index.js';
import { catalogRule, healthyCluster, runRule } from './catalog-support.js';
import { citedLine } from './cited-line.js';
import { precheckNetworkConfig } from '../../../../testdata/generator/faults/precheck-network-config.js';
import { precheckRwxNetworkIpAvailability, RWX_RANGE } from '../../../../testdata/generator/faults/precheck-rwx-network-ip-availability.js';
import { precheckStorageNetworkIpAvailability } from '../../../../testdata/generator/faults/precheck-storage-network-ip-availability.js';
import { setHarvesterSetting, setLonghornSetting } from '../../../../testdata/generator/faults/whereabouts-objects.js';

const SETTINGS = 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml';
const IPPOOLS = 'yamls/namespaced/kube-system/whereabouts.cni.cncf.io/v1alpha1/ippools.yaml';
const STORAGE = 'precheck-storage-network-ip-availability';
const RWX = 'precheck-rwx-network-ip-availability';
const NETWORK_CONFIG = 'precheck-network-config';

const cluster = (nodes: number, harvesterVersion = 'v1.4.1') => healthyCluster({ harvesterVersion, nodes, seed: 7 });
const evidenceAt = (evidence: readonly Evidence[], path: string | RegExp) =>
  evidence.find((item) => (typeof path === 'string' ? item.path === path : path.test(item.path)));

/** The cited line of a node file, read from the bundle the analyzer saw (node files sit inside nested zips). */
async function nodeFileLine(builder: BundleBuilder, evidence: Evidence): Promise<string> {
  const bundle = await openBundle(builder.toZip());
  try {
    return (await bundle.readText(evidence.path)).split('\n')[evidence.line - 1]!;
  } finally {
    await bundle.close();
  }
}

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

describe(RWX, () => {
  it('fails when the dedicated RWX network has no free IP, citing the setting and the allocations', async () => {
    const builder = cluster(3);
    precheckRwxNetworkIpAvailability(builder);
    const run = await runRule(await catalogRule(RWX), builder);
    expect(run.outcome, run.skipReason ?? run.error).toBe('fail');
    const finding = run.finding!;
    expect(finding.message).toBe(
      `RWX-Network-IP-Availability Test: Failed — the dedicated RWX network ${RWX_RANGE} has no free IP; the upgrade needs at least 1 (IPPool kube-system/172.16.0.0-29: 5 usable, 5 allocated)`,
    );
    expect(citedLine(builder, evidenceAt(finding.evidence, SETTINGS)!)).toMatch(/^\s*value: '\{"share-storage-network":false,"network":\{.*"range":"172\.16\.0\.0\/29"/);
    expect(citedLine(builder, evidenceAt(finding.evidence, IPPOOLS)!)).toMatch(/^\s*allocations:$/);
    expect(finding.remediation?.patch?.operations).toEqual([
      {
        op: 'replace',
        path: '/value',
        value: '{"share-storage-network":false,"network":{"vlan":2017,"clusterNetwork":"rwx","range":"172.16.0.0/28","exclude":["172.16.0.1/32"]}}',
      },
    ]);
  });

  it('passes on the near miss: one address left', async () => {
    const builder = cluster(3);
    precheckRwxNetworkIpAvailability(builder, { freeAddresses: 1 });
    expect((await runRule(await catalogRule(RWX), builder)).outcome).toBe('pass');
  });

  it('passes when RWX shares the storage network (check 19 counts it) or no rwx-network exists', async () => {
    const builder = cluster(1);
    setHarvesterSetting(builder, 'rwx-network', '{"share-storage-network":true}');
    expect((await runRule(await catalogRule(RWX), builder)).outcome).toBe('pass');
    expect((await runRule(await catalogRule(RWX), cluster(1))).outcome).toBe('pass');
  });

  it('reports skipped when the IPPool of the dedicated network is not in the bundle', async () => {
    const builder = cluster(1);
    const pool = precheckRwxNetworkIpAvailability(builder);
    builder.removeObject(pool.apiVersion, 'IPPool', 'kube-system', pool.metadata.name);
    const run = await runRule(await catalogRule(RWX), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toMatch(/^the Whereabouts IPPool kube-system\/172\.16\.0\.0-29 of the dedicated RWX network 172\.16\.0\.0\/29 is not in this bundle \(kube-system was collected but has no whereabouts\.cni\.cncf\.io ippools list\)/);
  });
});

describe(NETWORK_CONFIG, () => {
  const CASES = [
    { fault: '99-custom', problem: '/oem/99_custom.yaml must be renamed to /oem/90_custom.yaml', file: '99_custom.yaml', proof: '# Note: this file is re-formatted by support-bundle-kit collector.' },
    { fault: 'v1.0-schema', problem: '/oem/harvester.config uses the v1.0 schema (install.networks)', file: 'harvester.config', proof: '  networks:' },
    { fault: 'no-management-interface', problem: '/oem/harvester.config has neither install.managementinterface nor install.management_interface', file: 'harvester.config', proof: 'install:' },
    { fault: 'no-harvester-config', problem: '/oem/harvester.config does not exist', file: '90_custom.yaml', proof: '# Note: this file is re-formatted by support-bundle-kit collector.' },
  ] as const;

  it.each(CASES)('fails on $fault with the node, the problem and the node file that shows it', async ({ fault, problem, file, proof }) => {
    const builder = cluster(3);
    const node = precheckNetworkConfig(builder, { fault });
    const run = await runRule(await catalogRule(NETWORK_CONFIG), builder);
    expect(run.outcome, run.skipReason ?? run.error).toBe('fail');
    expect(run.findings).toHaveLength(1);
    expect(run.finding!.message).toBe(`Network-Config Test: Failed — node ${node}: ${problem}`);
    const evidence = run.finding!.evidence[0]!;
    expect(evidence.path).toMatch(new RegExp(`^nodes/${node}\\.zip!/(${node}/)?configs/oem/${file.replace('.', '\\.')}$`));
    expect(await nodeFileLine(builder, evidence)).toBe(proof);
    expect(evidence.excerpt).toBe(proof);
  });

  it('passes on the near miss: install.management_interface (the documented spelling)', async () => {
    const builder = cluster(3);
    precheckNetworkConfig(builder, { underscoreSpelling: true });
    expect((await runRule(await catalogRule(NETWORK_CONFIG), builder)).outcome).toBe('pass');
  });

  it('names a node without a node bundle in an info finding', async () => {
    const builder = cluster(3);
    precheckNetworkConfig(builder, { underscoreSpelling: true });
    builder.removeNodeBundle('harvester-node-2');
    const run = await runRule(await catalogRule(NETWORK_CONFIG), builder);
    expect(run.outcome).toBe('info');
    expect(run.finding!.message).toBe('Network-Config Test: not checked on harvester-node-2 (no node bundle); check /oem/90_custom.yaml and /oem/harvester.config on those nodes by hand');
  });

  it('reports skipped when the bundle has no node bundles at all', async () => {
    const builder = cluster(3);
    precheckNetworkConfig(builder, { underscoreSpelling: true });
    for (const node of ['harvester-node-0', 'harvester-node-1', 'harvester-node-2']) builder.removeNodeBundle(node);
    const run = await runRule(await catalogRule(NETWORK_CONFIG), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('no nodes/ folder: node logs and configs were not collected in this bundle');
  });

  it('is skipped by version outside v1.6.x', async () => {
    const run = await runRule(await catalogRule(NETWORK_CONFIG), cluster(1));
    expect(run.skipReason).toBe('applies to Harvester >=1.6.0 <1.7.0; this bundle is v1.4.1');
  });
});

describe('healthy clusters are quiet', () => {
  it.each([
    { harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 },
    { harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 },
  ])('no fail and no warn on %o', async (options) => {
    for (const id of [STORAGE, RWX, NETWORK_CONFIG]) {
      const run = await runRule(await catalogRule(id), healthyCluster(options));
      expect([id, run.outcome, run.error]).toEqual([id, expect.stringMatching(/^(pass|skipped)$/), undefined]);
    }
  });

  it('the v1.6.x network-config check passes on the generated node bundles', async () => {
    const builder = cluster(3);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = 'v1.6.1'; });
    expect((await runRule(await catalogRule(NETWORK_CONFIG), builder)).outcome).toBe('pass');
  });
});
