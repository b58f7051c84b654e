import { describe, expect, it } from 'vitest';
import { rancherWebhookCertExpired } from './fault.js';
import { catalogRule, citedLine, runRule } from '@bundle-triage/rules/testing';
import { healthyCluster } from '../../../../../testdata/generator/index.js';

const ID = 'rancher-webhook-cert-expired';

describe(ID, () => {
  it('fails on recent x509 expiry errors calling the Rancher webhooks, citing rancher and fleet-agent lines', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 71 });
    rancherWebhookCertExpired(builder, { fleetAgent: true });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('fail');
    expect(run.finding!.message).toMatch(
      /^Calls to the Rancher webhook rancherauth\.cattle\.io, rancher\.cattle\.io\.secrets fail with 'x509: certificate has expired or is not yet valid' \(logged by rancher-\w+-\w+, fleet-agent-0 in the last 24 hours\): the rancher-webhook certificate cattle-system\/cattle-webhook-tls has expired\.$/,
    );
    const first = run.finding!.evidence[0]!;
    expect(first.path).toMatch(/^logs\/cattle-system\/rancher-\w+-\w+\/rancher\.log$/);
    expect(citedLine(builder, first)).toContain('failed calling webhook "rancherauth.cattle.io"');
    expect(citedLine(builder, first)).toContain('x509: certificate has expired or is not yet valid');
    const agent = run.finding!.evidence.find((item) => item.path.startsWith('logs/cattle-fleet-local-system/'))!;
    expect(citedLine(builder, agent)).toContain('failed calling webhook \\"rancher.cattle.io.secrets\\"');
    expect(run.finding!.remediation!.commands).toEqual(['kubectl delete secret -n cattle-system cattle-webhook-tls', 'kubectl delete pod -n cattle-system -l app=rancher-webhook']);
  });

  it('reports errors older than a day as information only', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 3, seed: 72 });
    rancherWebhookCertExpired(builder, { minutesAgo: 3 * 1440 });
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.outcome).toBe('info');
    expect(run.finding!.message).toContain('more than a day before the bundle');
  });

  it('passes on an x509 error about another webhook (near miss)', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 71 });
    rancherWebhookCertExpired(builder, { otherX509: true });
    expect((await runRule(await catalogRule(ID), builder)).outcome).toBe('pass');
  });

  it('is skipped when no rancher log was collected', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 73 });
    for (const pod of builder.listObjects('v1', 'Pod', 'cattle-system')) builder.removeObject('v1', 'Pod', 'cattle-system', pod.metadata.name);
    const logs = (builder as unknown as { podLogs: Map<string, string[]> }).podLogs;
    for (const path of [...logs.keys()]) if (path.startsWith('logs/cattle-system/')) logs.delete(path);
    const run = await runRule(await catalogRule(ID), builder);
    expect(run.skipReason).toBe('no log of container rancher of pods rancher-* in namespace cattle-system was collected in this bundle');
  });
});
