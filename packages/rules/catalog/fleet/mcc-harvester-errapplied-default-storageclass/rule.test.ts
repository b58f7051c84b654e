import { describe, expect, it } from 'vitest';
import { mccHarvesterErrAppliedDefaultStorageClass, moveDefaultStorageClass } from './fault.js';
import { editChart } from '../../../../../testdata/generator/fault-support/fleet-chart-status.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';

const ID = 'mcc-harvester-errapplied-default-storageclass';

describe(`${ID} (S02)`, () => {
  it('fails when mcc-harvester is ErrApplied on harvester-longhorn and another StorageClass is the default', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterErrAppliedDefaultStorageClass(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `An upgrade would be refused with 'managed chart harvester is not ready, please wait for it to be ready': Fleet bundle fleet-local/mcc-harvester is ErrApplied because StorageClass longhorn-ssd-single is the default, and the harvester chart still renders harvester-longhorn as default ('default storage class … already exists').`,
    );
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/message$/, 'message:');
    expectCited(builder, run.finding, 'yamls/cluster/storage.k8s.io/v1/storageclasses.yaml', /is-default-class$/, 'storageclass.kubernetes.io/is-default-class: "true"');
    expect(run.finding?.remediation?.patch?.diff).toContain('defaultStorageClass: false');
  });

  it('only warns on v1.1.1, whose validator does not check managed charts and whose upgrade script resets the default itself (#3221)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccHarvesterErrAppliedDefaultStorageClass(builder, { serverVersion: 'v1.1.1' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('warn');
    // A risk in the readiness view, not a refusal.
    expect(run.finding?.tags).not.toContain('upgrade-gate');
    expect(run.finding?.message).toMatch(/^Fleet bundle fleet-local\/mcc-harvester is ErrApplied because StorageClass longhorn-ssd-single is the default, .* so an upgrade is not held up by it; the chart stays ErrApplied until then\.$/);
    expectCited(builder, run.finding, MANAGED_CHARTS, /^\/status\/conditions\/0\/message$/, 'message:');
  });

  it('does not fire when another StorageClass is the default but the chart no longer renders harvester-longhorn as default (the documented fix)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    moveDefaultStorageClass(builder, 'longhorn-ssd-single');
    editChart(builder, 'harvester', (spec, kind) => {
      const values = (kind === 'ManagedChart' ? spec.values : (spec.helm as Record<string, unknown>).values) as Record<string, Record<string, unknown>>;
      values.storageClass!.defaultStorageClass = false;
    });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });

  it('is skipped as not applicable on v1.4.2, where the chart ignores the annotation', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 2 });
    mccHarvesterErrAppliedDefaultStorageClass(builder, { serverVersion: 'v1.4.2' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('skipped');
    expect(run.skipReason).toBe('applies to Harvester >=1.1.0 <1.1.2 || >=1.4.0 <1.4.2; this bundle is v1.4.2');
  });

  it('is skipped when the mcc-harvester Fleet bundle is not in the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    builder.removeObject('fleet.cattle.io/v1alpha1', 'Bundle', 'fleet-local', 'mcc-harvester');
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.skipReason).toBe('bundles fleet-local/mcc-harvester is not in this bundle');
  });
});
