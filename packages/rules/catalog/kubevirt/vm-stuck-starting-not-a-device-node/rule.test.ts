import { describe, expect, it } from 'vitest';
import { vmStuckStartingNotADeviceNode } from './fault.js';
import { catalogRule, citedLine, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { vmNotStarted } from '../../../../../testdata/generator/fault-support/storage-objects.js';

const ID = 'vm-stuck-starting-not-a-device-node';

describe(ID, () => {
  it('fails for the virt-launcher pod stuck in CreateContainerError "not a device node", with the node\'s kubelet line', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 111 });
    const { pod, node } = vmStuckStartingNotADeviceNode(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toBe(
      `VM default/sles15-sp6-db is stuck starting: virt-launcher pod ${pod} on node ${node} fails with CreateContainerError 'failed to generate spec: not a device node', and the node logs show the same error (2 line(s) on ${node}).`,
    );
    const field = run.finding!.evidence[0]!;
    expect([field.path, field.pointer]).toEqual(['yamls/namespaced/default/v1/pods.yaml', '/status/containerStatuses/0/state/waiting/message']);
    expect(citedLine(builder, field).trim()).toBe("message: 'failed to generate spec: not a device node'");
    const kubelet = run.finding!.evidence.find((item) => item.path.includes('kubelet.log'))!;
    expect(kubelet.path).toBe(`nodes/${node}.zip!/${node}/logs/kubelet.log`);
    expect(kubelet.line).toBe(3);
    expect(kubelet.excerpt).toMatch(/csi_block\.go:305\] blockMapper\.MapPodDevice failed to get device path: \/var\/lib\/kubelet\/plugins\/kubernetes\.io\/csi\/volumeDevices\/publish\/pvc-[0-9a-f-]+\//);
    expect(run.finding!.remediation!.commands).toContain(`kubectl delete pod ${pod} -n default --force`);
    expect(run.finding!.remediation!.commands).toContain(`kubectl cordon ${node}`);
  });

  it('fails on the pod status alone when no node bundle holds the error', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 1, seed: 112 });
    const { pod } = vmStuckStartingNotADeviceNode(builder, { nodeLog: false });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(new RegExp(`virt-launcher pod ${pod} on node harvester-node-0 fails with CreateContainerError 'failed to generate spec: not a device node'\\.$`));
  });

  it('passes for a launcher pod waiting with another CreateContainerError (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 111 });
    vmStuckStartingNotADeviceNode(builder, { otherError: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped outside v1.3.0, where the Longhorn bug was fixed', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 113 });
    vmStuckStartingNotADeviceNode(builder, { serverVersion: 'v1.4.1' });
    expect((await runRule(await catalogRule(ID), builder)).skipReason).toBe('applies to Harvester >=1.3.0 <1.3.1; this bundle is v1.4.1');
  });
});

describe(`${ID} over the generic transition check`, () => {
  it('covers vm-stuck-in-transition for the same VM (the launcher pod is owned, through its VMI, by the VM)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.0', nodes: 3, seed: 111 });
    const { vm } = vmStuckStartingNotADeviceNode(builder);
    // The restart began 40 minutes ago, so the generic check reports the VM too.
    vmNotStarted(builder, vm, { printableStatus: 'Starting', sinceSeconds: 2400, vmiPhase: 'Scheduled', waiting: { reason: 'CreateContainerError', message: 'failed to generate spec: not a device node' } });
    const report = await runCatalog(builder);
    const generic = report.findings.find((finding) => finding.ruleId === 'vm-stuck-in-transition')!;
    expect([generic.status, generic.coveredBy]).toEqual(['info', ID]);
  });
});
