// Pre-check 20 of upgrade-helpers check.sh (signatures.md §6): free addresses of a dedicated RWX network.
import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import type { Evidence } from '@bundle-triage/report';
import { setHarvesterSetting } from '../../../../../testdata/generator/fault-support/whereabouts-objects.js';
import { precheckRwxNetworkIpAvailability, RWX_RANGE } from './fault.js';

const SETTINGS = 'yamls/cluster/harvesterhci.io/v1beta1/settings.yaml';
const IPPOOLS = 'yamls/namespaced/kube-system/whereabouts.cni.cncf.io/v1alpha1/ippools.yaml';
const RWX = 'precheck-rwx-network-ip-availability';

const cluster = (nodes: number, harvesterVersion = 'v1.4.1') => healthyCluster({ harvesterVersion, nodes, seed: 7 });
const evidenceAt = (evidence: readonly Evidence[], path: string | RegExp) =>
  evidence.find((item) => (typeof path === 'string' ? item.path === path : path.test(item.path)));

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
