import { describe, expect, it } from 'vitest';
import { capiClusterPausedOrNotProvisioned } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'capi-cluster-paused-or-not-provisioned';
const CLUSTERS = 'yamls/namespaced/fleet-local/cluster.x-k8s.io/v1beta1/clusters.yaml';

describe(ID, () => {
  it('fails with the pre-check message for a paused cluster, and patches spec.paused', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 101 });
    capiClusterPausedOrNotProvisioned(builder, { paused: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe("CAPI cluster is paused. The upgrade will stall until 'spec.paused' is cleared on clusters.cluster.x-k8s.io/local in namespace fleet-local.");
    const field = run.finding!.evidence[0]!;
    expect([field.path, field.pointer]).toEqual([CLUSTERS, '/spec/paused']);
    expect(citedLine(builder, field).trim()).toBe('paused: true');
    expect(run.finding!.remediation!.patch!.diff).toContain('+  paused: false');
    // No validator checks spec.paused: a risk in the readiness view, never a refusal.
    expect(run.finding!.tags).not.toContain('upgrade-gate');
  });

  it('fails with the validator messages for a cluster that is not Provisioned and a machine that is not Running', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 102 });
    const { machine } = capiClusterPausedOrNotProvisioned(builder, { phase: 'Provisioning', machinePhase: 'Provisioned' });
    const run = await runRule(await catalogRule(ID), builder);
    const messages = run.findings.map((finding) => finding.message);
    expect(messages).toContain("An upgrade would be refused with 'cluster fleet-local/local status is Provisioning, please wait for it to be provisioned'.");
    const node = (builder.getObject('cluster.x-k8s.io/v1beta1', 'Machine', 'fleet-local', machine!)!.status as { nodeRef: { name: string } }).nodeRef.name;
    expect(messages).toContain(`An upgrade would be refused with 'machine fleet-local/${machine} is not running': its phase is Provisioned (node ${node}).`);
    const phase = run.findings.find((finding) => finding.message.includes('status is Provisioning'))!.evidence[0]!;
    expect(citedLine(builder, phase).trim()).toBe('phase: Provisioning');
    expect(run.findings.every((finding) => finding.status === 'fail')).toBe(true);
    expect(run.findings.find((finding) => finding.message.includes('status is Provisioning'))!.remediation!.patch).toBeUndefined();
  });

  it('does not say an upgrade would be refused on a release whose validator checks neither (v1.1.0)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.1.0', nodes: 3, seed: 102 });
    const { machine } = capiClusterPausedOrNotProvisioned(builder, { phase: 'Provisioning', machinePhase: 'Provisioned' });
    const run = await runRule(await catalogRule(ID), builder);
    const messages = run.findings.map((finding) => finding.message);
    expect(messages).toContain("CAPI cluster fleet-local/local is Provisioning, not Provisioned (this release's upgrade validator does not check it; from v1.1.2 it refuses upgrades until it is).");
    expect(messages.some((message) => message.startsWith(`CAPI machine fleet-local/${machine} is Provisioned, not Running`))).toBe(true);
    expect(messages.some((message) => message.includes('would be refused'))).toBe(false);
    // Risks in the readiness view, not refusals.
    expect(run.findings.every((finding) => !finding.tags.includes('upgrade-gate'))).toBe(true);
  });

  it('passes when spec.paused was set back to false (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 3, seed: 101 });
    capiClusterPausedOrNotProvisioned(builder, { paused: false });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped when the CAPI cluster is not in the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 103 });
    builder.removeObject('cluster.x-k8s.io/v1beta1', 'Cluster', 'fleet-local', 'local');
    expect((await runRule(await catalogRule(ID), builder)).skipReason).toBe('clusters fleet-local/local is not in this bundle');
  });
});
