import { describe, expect, it } from 'vitest';
import { mccRancherMonitoringModifiedAdmissionWebhookCaBundle } from './fault.js';
import { catalogRule, expectCited, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const FLEET_BUNDLES = 'yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml';

const ID = 'mcc-rancher-monitoring-modified-admission-webhook-cabundle';

describe(`${ID} (S14)`, () => {
  it('fails when mcc-rancher-monitoring is Modified on the admission webhooks and the chart ignores neither', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccRancherMonitoringModifiedAdmissionWebhookCaBundle(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toBe(
      `Fleet bundle fleet-local/mcc-rancher-monitoring is 0/1 and modified on MutatingWebhookConfiguration and ValidatingWebhookConfiguration rancher-monitoring-admission (run-time caBundle), which the rancher-monitoring ManagedChart does not ignore, so the chart is never Ready.`,
    );
    expectCited(builder, run.finding, FLEET_BUNDLES, /modifiedStatus\/0\/name$/, 'name: rancher-monitoring-admission');
    expect(run.finding?.remediation?.patch?.diff).toContain('rancher-monitoring-admission');
  });

  it('names what else the bundle waits on, since the comparePatches alone do not make it ready', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccRancherMonitoringModifiedAdmissionWebhookCaBundle(builder, {
      alsoNotReady: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'cattle-monitoring-system', name: 'rancher-monitoring-grafana', state: 'bound', message: ['Resource scheduled for deletion'] }],
    });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding?.message).toMatch(
      / never Ready\. The bundle also waits on PersistentVolumeClaim cattle-monitoring-system\/rancher-monitoring-grafana \(Resource scheduled for deletion\): the comparePatches alone do not make it ready, and the v1.0.x upgrades wait on this chart, so one would stall on it\.$/,
    );
    expectCited(builder, run.finding, FLEET_BUNDLES, /nonReadyStatus\/0$/, 'apiVersion: v1');
  });

  it('does not fire when the chart already has the installer PR #274 comparePatches', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1 });
    mccRancherMonitoringModifiedAdmissionWebhookCaBundle(builder, { withComparePatches: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('pass');
  });
});
