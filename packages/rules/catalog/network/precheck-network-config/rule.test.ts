// Pre-check 21 of upgrade-helpers check.sh (signatures.md §6): the /oem network configuration of each
// node bundle on v1.6.x.
import { openBundle } from '@bundle-triage/core';
import { describe, expect, it } from 'vitest';
import { catalogRule, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import type { Evidence } from '@bundle-triage/report';
import type { BundleBuilder } from '../../../src/testing/index.js';
import { precheckNetworkConfig } from './fault.js';

const NETWORK_CONFIG = 'precheck-network-config';

const cluster = (nodes: number, harvesterVersion = 'v1.4.1') => healthyCluster({ harvesterVersion, nodes, seed: 7 });

/** The cited line of a node file, read from the bundle the analyzer saw (node files sit inside nested zips). */
async function nodeFileLine(builder: BundleBuilder, evidence: Evidence): Promise<string> {
  const bundle = await openBundle(builder.toZip());
  try {
    return (await bundle.readText(evidence.path)).split('\n')[evidence.line - 1]!;
  } finally {
    await bundle.close();
  }
}

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

  it('passes on the generated node bundles of a healthy v1.6.x cluster', async () => {
    const builder = cluster(3);
    builder.updateObject('harvesterhci.io/v1beta1', 'Setting', undefined, 'server-version', (setting) => { setting.value = 'v1.6.1'; });
    expect((await runRule(await catalogRule(NETWORK_CONFIG), builder)).outcome).toBe('pass');
  });
});
