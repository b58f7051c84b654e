import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagshipS01, healthyCluster } from '../../../testdata/generator/index.js';
import { verifySignature, type WebhookPayload } from '../src/index.js';
import { removeOldBundles } from '../src/retention/remove-old-bundles.js';
import { assertBuilt, bundles, S01 } from './helpers/built-server.js';
import { startTestService, type TestService } from './helpers/test-service.js';
import { waitFor } from './helpers/wait-for.js';

const FLAGSHIP_CLUSTER = '612c6edb-da17-4774-b848-37dd4e06ed17';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

let service: TestService;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  assertBuilt();
  // A ticket system that fails the first time it is called, then accepts.
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = received.length === 0 ? 500 : 204;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/bundle-triage`;
  service = await startTestService({ deliveryRetry: { attempts: 4, backoffMs: 100 }, publicUrl: 'https://triage.example.com' });
});
afterAll(async () => {
  await service?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks', () => {
  it('POSTs a signed summary when an analysis ends, retries a failed delivery with backoff, and logs each attempt', async () => {
    const created = await service.request('/api/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: receiverUrl, secret: 'a-shared-secret-of-the-ticket-system', events: ['analysis.done'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    const { webhook, secret } = (await created.json()) as { webhook: { id: string }; secret: string };
    expect(JSON.stringify(await (await service.request('/api/webhooks')).json())).not.toContain(secret);

    const { body } = await service.upload(readFileSync(join(bundles, 'flagship-v1.4.1.zip')), '?ticket=SUP-42');
    await service.finished(body.analysisId);
    await waitFor('the second (successful) delivery attempt', () => received.length >= 2 && received);

    const [failed, delivered] = received;
    expect([failed!.answered, delivered!.answered]).toEqual([500, 204]);
    // The same bytes and signature on every attempt.
    expect(delivered!.body).toBe(failed!.body);
    expect(delivered!.headers['x-bundle-triage-event']).toBe('analysis.done');
    expect(delivered!.headers['x-bundle-triage-delivery']).toBe(failed!.headers['x-bundle-triage-delivery']);
    expect(verifySignature(secret, delivered!.body, String(delivered!.headers['x-bundle-triage-signature-256']))).toBe(true);
    expect(verifySignature('another secret', delivered!.body, String(delivered!.headers['x-bundle-triage-signature-256']))).toBe(false);

    const payload = JSON.parse(delivered!.body) as WebhookPayload;
    expect(payload).toMatchObject({
      event: 'analysis.done',
      analysis: { id: body.analysisId, status: 'done', tickets: ['SUP-42'], headline: S01, fail: [S01], cluster: { id: FLAGSHIP_CLUSTER } },
      links: { page: `https://triage.example.com/analyses/${body.analysisId}`, report: { markdown: `https://triage.example.com/api/analyses/${body.analysisId}/report?format=markdown` } },
    });
    expect(payload.analysis.fingerprints).toHaveLength(1);

    const log = await waitFor('the delivery to be logged as delivered', async () => {
      const deliveries = (await (await service.request(`/api/webhooks/${webhook.id}/deliveries`)).json()) as { status: string; attempts: number; lastAttempt: { statusCode: number } }[];
      return deliveries[0]?.status === 'delivered' ? deliveries : undefined;
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ attempts: 2, lastAttempt: { statusCode: 204 } });
  });
});

describe('cluster history and fingerprints', () => {
  it("shows a cluster's bundles oldest first with the findings that disappeared after the fix", async () => {
    const broken = (await service.upload(readFileSync(join(bundles, 'flagship-v1.4.1.tar.gz')))).body.analysisId;
    await service.finished(broken);
    const fixed = (await service.upload(readFileSync(join(bundles, 'flagship-v1.4.1-fixed.zip')))).body.analysisId;
    await service.finished(fixed);

    const history = (await (await service.request(`/api/clusters/${FLAGSHIP_CLUSTER}`, { as: 'reader' })).json()) as {
      source: string;
      analyses: { analysis: { id: string }; diff: { disappeared: { ruleId: string }[]; appeared: unknown[] } | null }[];
    };
    expect(history.source).toBe('harvester-system-namespace');
    const last = history.analyses.at(-1)!;
    expect(last.analysis.id).toBe(fixed);
    expect(last.diff!.disappeared.map((entry) => entry.ruleId)).toContain(S01);
    expect(history.analyses[0]!.diff).toBeNull();

    const page = await (await service.request(`/clusters/${FLAGSHIP_CLUSTER}`, { as: 'reader' })).text();
    expect(page).toContain('Disappeared');
    expect(page).toContain(S01);
    const clusters = (await (await service.request('/api/clusters', { as: 'reader' })).json()) as { clusterId: string }[];
    expect(clusters.map((cluster) => cluster.clusterId)).toContain(FLAGSHIP_CLUSTER);
  });

  it('counts the bundles and clusters where the same finding was seen', async () => {
    const other = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 77 });
    flagshipS01(other);
    const otherCluster = (await service.upload(other.toZip(), '?ticket=SUP-77')).body.analysisId;
    const analysis = await service.finished(otherCluster);
    expect(analysis.cluster!.id).not.toBe(FLAGSHIP_CLUSTER);

    const [finding] = ((await (await service.request(`/api/analyses/${otherCluster}/report?format=json`)).json()) as { findings: { ruleId: string; fingerprint: string }[] }).findings.filter(
      (entry) => entry.ruleId === S01,
    );
    const seen = (await (await service.request(`/api/fingerprints/${finding!.fingerprint}`, { as: 'reader' })).json()) as { bundles: number; clusters: number; summary: string; sightings: { tickets: string[] }[] };
    // The flagship zip and tar.gz (same cluster) and the generated cluster.
    expect(seen).toMatchObject({ bundles: 3, clusters: 2, summary: 'seen in 3 bundles from 2 clusters, first on 2025-03-12' });
    expect(seen.sightings.flatMap((sighting) => sighting.tickets)).toContain('SUP-77');
    const page = await (await service.request(`/fingerprints/${finding!.fingerprint}`, { as: 'reader' })).text();
    expect(page).toContain('seen in 3 bundles from 2 clusters, first on 2025-03-12');
    expect((await service.request('/api/fingerprints/0123456789abcdef')).status).toBe(404);
  });
});

describe('retention', () => {
  it('removes bundle files past their age and keeps reports, findings and search', async () => {
    expect(await (await service.request('/api/retention/run', { method: 'POST' })).json()).toEqual({ error: { code: 'NO_RETENTION', message: 'no retention age is set (--retention-days)' } });
    const { body } = await service.upload(readFileSync(join(bundles, 'healthy-v1.4.1-1node.zip')), '?ticket=OLD-1');
    await service.finished(body.analysisId);
    const stored = service.service.files.path(service.service.files.bundleKey((await service.service.store.getAnalysis(body.analysisId))!.bundleSha256, 'zip'));
    expect(existsSync(stored)).toBe(true);

    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    const removed = await removeOldBundles(service.service.store, service.service.files, 1, () => {}, inTwoDays);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(existsSync(stored)).toBe(false);
    const analysis = await service.finished(body.analysisId);
    expect(analysis).toMatchObject({ status: 'done', bundle: { fileRemoved: true } });
    expect((await service.request(`/api/analyses/${body.analysisId}/report?format=markdown`)).status).toBe(200);
    expect(((await (await service.request('/api/analyses?ticket=OLD-1')).json()) as { total: number }).total).toBe(1);
    const retry = await service.request(`/api/analyses/${body.analysisId}/retry`, { method: 'POST' });
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ error: { message: expect.stringContaining('removed by retention') } });
  });
});
