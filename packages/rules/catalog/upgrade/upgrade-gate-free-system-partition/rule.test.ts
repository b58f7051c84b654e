import { describe, expect, it } from 'vitest';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { generateHealthyCluster } from '../../../../../testdata/generator/index.js';
import { describeNodeHealthCheck } from '../../../../../testdata/generator/fault-support/node-health-check.js';
import { readinessCluster } from '../../../../../testdata/generator/fault-support/readiness-check.js';
import { upgradeGateFreeSystemPartition } from './fault.js';

describeNodeHealthCheck({
  id: 'upgrade-gate-free-system-partition',
  source: 'supportconfig',
  // The validator checked free space from v1.1.3 to v1.4.x; supportconfig from kit v0.0.26 (v1.2.0).
  kits: ['v0.0.28', 'v0.0.36', 'v0.0.46'],
  version: 'v1.4.1',
  oldBundleSkip: 'version',
  fault: (cluster) => upgradeGateFreeSystemPartition(cluster),
  nearMiss: (cluster) => upgradeGateFreeSystemPartition(cluster, { availableGiB: 31 }),
  status: 'fail',
  message: (node) =>
    new RegExp(
      `^An upgrade to v\\d[\\w.,\\s-]* will be refused with 'Node "${node as string}" has insufficient free system partition space 25 GiB \\(df -h '/usr/local/'\\)\\. The upgrade requires at least 30 GiB of free system partition space on each node\\.': df -h shows 25G available of 183G on /usr/local$`,
    ),
  file: 'fs-diskio.txt',
  proof: /^\/dev\/sda5\s+ext4\s+183G\s+158G\s+25G\s+87% \/usr\/local$/,
});

describe('upgrade-gate-free-system-partition', () => {
  it('warns when df -h shows exactly the minimum, which it rounds up to', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 43 });
    const node = upgradeGateFreeSystemPartition(cluster, { availableGiB: 30 });
    const run = await runRule(await catalogRule('upgrade-gate-free-system-partition'), cluster.builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toMatch(new RegExp(`^Node "${node}" is at the upgrade's free system partition minimum: df -h shows 30G available on /usr/local, and df -h rounds up`));
    expect(citedLine(cluster.builder, run.finding!.evidence[0]!)).toContain(' 30G ');
  });

  it('uses the default 30 GiB when no Version names a minimum', async () => {
    const cluster = generateHealthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 44 });
    for (const version of cluster.builder.listObjects('harvesterhci.io/v1beta1', 'Version', 'harvester-system')) {
      cluster.builder.updateObject('harvesterhci.io/v1beta1', 'Version', 'harvester-system', version.metadata.name, (object) => {
        delete (object.metadata as { annotations?: unknown }).annotations;
      });
    }
    upgradeGateFreeSystemPartition(cluster, { node: 'harvester-node-0', availableGiB: 29 });
    const run = await runRule(await catalogRule('upgrade-gate-free-system-partition'), cluster.builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(/^An upgrade will be refused with .* requires at least 30GiB of free system partition space on each node\.': df -h shows 29G available of 183G on \/usr\/local$/);
  });

  it('is skipped by version from v1.5.0, where the validator no longer checks it', async () => {
    const run = await runRule(await catalogRule('upgrade-gate-free-system-partition'), readinessCluster(1, 'v1.6.1'));
    expect([run.outcome, run.skipKind, run.skipReason]).toEqual(['skipped', 'version', 'applies to Harvester >=1.1.3 <1.5.0-rc1; this bundle is v1.6.1']);
  });
});
