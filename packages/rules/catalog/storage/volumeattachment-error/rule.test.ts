import { describe, expect, it } from 'vitest';
import { catalogRule, expectCited, runCatalog, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';
import { faultedVolumeVmDown, volumeAttachmentError } from './fault.js';

const ID = 'volumeattachment-error';
const ATTACHMENTS = 'yamls/cluster/storage.k8s.io/v1/volumeattachments.yaml';

describe(ID, () => {
  it('fails for a volume that cannot be attached, citing the attacher\'s error', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1261 });
    const { volume, attachment, node } = volumeAttachmentError(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['fail', 'high']);
    expect(run.findings.filter((finding) => finding.status !== 'pass')).toHaveLength(1);
    expect(run.finding!.message).toBe(
      `Volume ${volume} cannot be attached to node ${node} (VolumeAttachment ${attachment}, failing since 30s before the bundle): rpc error: code = Aborted desc = volume ${volume} is not ready for workloads`,
    );
    expectCited(builder, run.finding, ATTACHMENTS, /^\/status\/attachError\/message$/, `message: 'rpc error: code = Aborted desc = volume ${volume}`);
  });

  it('warns (medium) for a volume that cannot be detached', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 1262 });
    const { volume, node } = volumeAttachmentError(builder, { detach: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect([run.outcome, run.finding!.severity]).toEqual(['warn', 'medium']);
    expect(run.finding!.message).toMatch(new RegExp(`^Volume ${volume} cannot be detached from node ${node} \\(VolumeAttachment csi-[0-9a-f]{64}, failing since 45s before the bundle\\): rpc error: code = DeadlineExceeded desc = context deadline exceeded$`));
  });

  it('passes on the healthy cluster, whose attachments are all attached (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1261 });
    expect(builder.listObjects('storage.k8s.io/v1', 'VolumeAttachment').map((attachment) => attachment.status)).toEqual([{ attached: true }, { attached: true }]);
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});

describe('causes before symptoms: faulted Longhorn volume → attachment error → VM that cannot start', () => {
  it('links the faulted volume to the attachment and to the VM whose disk it backs, and makes it the headline', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 1263 });
    const { volume, vm } = faultedVolumeVmDown(builder);
    const report = await runCatalog(builder);
    const find = (ruleId: string) => report.findings.filter((finding) => finding.ruleId === ruleId);
    const [faulted] = find('longhorn-volume-faulted');
    const [attach] = find(ID);
    const [starting] = find('vm-stuck-in-transition');
    expect(faulted!.message).toContain(`Longhorn volume ${volume}`);
    expect(attach!.message).toContain(`Volume ${volume} cannot be attached`);
    expect(starting!.message).toMatch(new RegExp(`^VM default/${vm} has been Starting for 35m`));
    expect(faulted!.explains).toEqual(
      [{ ruleId: 'vm-stuck-in-transition', fingerprint: starting!.fingerprint }, { ruleId: ID, fingerprint: attach!.fingerprint }],
    );
    expect(attach!.causedBy).toEqual([{ ruleId: 'longhorn-volume-faulted', fingerprint: faulted!.fingerprint }]);
    expect(starting!.causedBy!.map((link) => link.ruleId)).toEqual(['longhorn-volume-faulted', ID]);
    // The failed replicas are the generic view of the same fault: info, covered by the faulted volume.
    expect(find('longhorn-replica-failed').map((finding) => [finding.status, finding.coveredBy])).toEqual([
      ['info', 'longhorn-volume-faulted'],
      ['info', 'longhorn-volume-faulted'],
      ['info', 'longhorn-volume-faulted'],
    ]);
    expect(report.summary.headline).toBe('longhorn-volume-faulted');
  });
});
