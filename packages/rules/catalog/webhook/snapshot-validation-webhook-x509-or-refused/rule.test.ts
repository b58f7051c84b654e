import { describe, expect, it } from 'vitest';
import { snapshotValidationWebhookX509OrRefused } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'snapshot-validation-webhook-x509-or-refused';

describe(ID, () => {
  it('fails on the x509 error calling the snapshot validation webhook, citing the harvester log line', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 81 });
    snapshotValidationWebhookX509OrRefused(builder);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(
      /^Calls to webhook "snapshot-validation-webhook\.csi\.kubernetes\.io" fail with 'x509: certificate signed by unknown authority' \(logged by harvester-\w+-\w+ in the last 24 hours\), so volume snapshots and VM backups cannot be created\.$/,
    );
    const line = run.finding!.evidence[0]!;
    expect(line.path).toMatch(/^logs\/harvester-system\/harvester-\w+-\w+\/apiserver\.log$/);
    expect(citedLine(builder, line)).toContain('failed calling webhook \\"snapshot-validation-webhook.csi.kubernetes.io\\"');
    expect(citedLine(builder, line)).toContain('x509: certificate signed by unknown authority');
  });

  it('fails on "connection refused" from the webhook service', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 82 });
    snapshotValidationWebhookX509OrRefused(builder, { cause: 'refused' });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toContain("fail with 'connect: connection refused'");
  });

  it('passes when another webhook refuses connections (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 81 });
    snapshotValidationWebhookX509OrRefused(builder, { cause: 'other-webhook' });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });
});
