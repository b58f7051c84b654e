import { describe, expect, it } from 'vitest';
import { longhornVolumeDegraded } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { setServerVersion } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';

const ID = 'longhorn-volume-degraded';

describe(ID, () => {
  it('fails on a 3-node cluster with a degraded volume, citing its robustness and the failed rebuilds', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 11 });
    const { volume } = longhornVolumeDegraded(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(
      new RegExp(`^An upgrade would be refused with 'there are degraded volumes, please check all volumes are healthy': Longhorn volume\\(s\\) ${volume} \\(PVC ubuntu-2204-web-disk-0-\\w+\\) are degraded, and longhorn-manager logged 3 failed replica rebuild\\(s\\)\\.$`),
    );
    const field = run.finding!.evidence.find((item) => item.pointer === '/status/robustness')!;
    expect(field.path).toBe('yamls/namespaced/longhorn-system/longhorn.io/v1beta2/volumes.yaml');
    expect(citedLine(builder, field).trim()).toBe('robustness: degraded');
    const log = run.finding!.evidence.find((item) => item.path.startsWith('logs/'))!;
    expect(log.path).toMatch(/^logs\/longhorn-system\/longhorn-manager-\w+\/longhorn-manager\.log$/);
    expect(citedLine(builder, log)).toContain('Failed rebuilding of replica 10.52.2.9:10030');
  });

  it('warns, not fails, on a single-node cluster, where the validator does not check volumes', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 12 });
    const { volume } = longhornVolumeDegraded(builder, { logs: false });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toContain(`Longhorn volume(s) ${volume} (PVC`);
    expect(run.finding!.message).toContain('fewer than 3 nodes');
  });

  it('warns, not fails, on a 3-node cluster of a release whose validator checks no volume (v1.0.x)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.0.3', nodes: 3, seed: 11 });
    const { volume } = longhornVolumeDegraded(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    expect(run.finding!.message).toMatch(new RegExp(`^Longhorn volume\\(s\\) ${volume} \\(PVC [\\w-]+\\) are degraded and run with reduced redundancy; the upgrade validator of this release checks no volume`));
  });

  it('warns too for a development build on Kubernetes 1.21, which is of the v1.0 line (the real v1.0 sample\'s 1a861fc-dirty)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.0.0', nodes: 3, seed: 11 });
    longhornVolumeDegraded(builder);
    setServerVersion(builder, '1a861fc-dirty');
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding?.tags.includes('upgrade-gate')]).toEqual(['warn', false]);
  });

  it('passes when the rebuild failures are only history and every volume is healthy again (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 11 });
    longhornVolumeDegraded(builder, { rebuildRecovered: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('passes on a healthy 3-node cluster whose volumes are all healthy', async () => {
    expect((await runRule(await catalogRule(ID), healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 }))).outcome).toBe('pass');
  });
});
