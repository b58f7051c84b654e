import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runRule, runRules } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { mccHarvesterModifiedLonghornStorageclassHook } from './fault.js';

const ID = 'mcc-harvester-modified-longhorn-storageclass-hook';
const MANAGED_CHARTS = 'yamls/namespaced/fleet-local/management.cattle.io/v3/managedcharts.yaml';
const CONFIG_MAPS = 'yamls/namespaced/longhorn-system/v1/configmaps.yaml';

const v100 = () => healthyCluster({ harvesterVersion: 'v1.0.0', nodes: 1, seed: 21 });

describe(ID, () => {
  it('warns that mcc-harvester is Modified only on the hook-made ConfigMap, citing the missing flag and the hook annotation', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome, run.skipReason ?? run.error).toBe('warn');
    expect(run.finding?.message).toBe(
      'ManagedChart harvester is Modified (0/1) only because Fleet lists ConfigMap longhorn-system/longhorn-storageclass as missing, and that ConfigMap is there: the harvester chart\'s helm hook (post-install,post-upgrade) made it, and Fleet does not track hook-made objects. On Harvester v1.0.x this is expected (harvester#2088) and the v1.0.x upgrade waits for exactly this state; it is not what keeps anything else from working.',
    );
    expectCited(builder, run.finding, MANAGED_CHARTS, /nonReadyResources\/0\/modifiedStatus\/0\/missing$/, 'missing: true');
    expectCited(builder, run.finding, CONFIG_MAPS, /annotations\/helm\.sh~1hook$/, 'helm.sh/hook: post-install,post-upgrade');
  });

  it('does not warn when the ConfigMap is really gone: that is not the quirk', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder, { deleted: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('does not warn when Fleet lists another object too: the chart has a real problem besides', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder, {
      alsoModified: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'harvester-system', name: 'harvester', patch: '{"spec":{"replicas":1}}' },
    });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('does not warn when the chart is in another state on top of it (ErrApplied: Helm failed)', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder, { state: 'ErrApplied', clusterMessage: 'another operation (install/upgrade/rollback) is in progress' });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('does not warn when a resource of the chart is not ready besides', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder, {
      alsoNotReady: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'harvester-system', name: 'harvester', state: 'in-progress', message: ['Available: 1/2'] },
    });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('does not take a ConfigMap of the same name in another namespace for it', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder, {
      alsoModified: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'harvester-system', name: 'longhorn-storageclass', missing: true },
    });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('turns the failed Harvester-bundle pre-check into info explained by it', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder);
    const report = await runRules([await catalogRule(ID), await catalogRule('precheck-harvester-bundles')], builder);
    const precheck = report.findings.find((finding) => finding.ruleId === 'precheck-harvester-bundles');
    expect([precheck?.status, precheck?.coveredBy]).toEqual(['info', ID]);
  });

  it('is skipped as another version from v1.1.0, which removed the hook', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.1.0', nodes: 1, seed: 21 });
    mccHarvesterModifiedLonghornStorageclassHook(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.skipKind, run.skipReason]).toEqual(['skipped', 'version', 'applies to Harvester <1.1.0-rc1; this bundle is v1.1.0']);
  });

  it('is skipped as missing-input, not passed, when longhorn-system ConfigMaps were not collected', async () => {
    const builder = v100();
    mccHarvesterModifiedLonghornStorageclassHook(builder);
    builder.removeResource('', 'configmaps', 'longhorn-system');
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.skipKind]).toEqual(['skipped', 'missing-input']);
  });
});
