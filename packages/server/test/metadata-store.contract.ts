/**
 * The contract of a MetadataStore, run against every implementation (SQLite and PostgreSQL,
 * both real). What one store does, the other must do the same way: the service above them does
 * not know which it has.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletedAnalysis, FindingRecord, MetadataStore, NewUpload } from '../src/index.js';

export interface StoreFactory {
  open(): Promise<MetadataStore>;
}

const CLUSTER_A = '11111111-1111-4111-8111-111111111111';
const CLUSTER_B = '22222222-2222-4222-8222-222222222222';

function sha(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

function upload(overrides: Partial<NewUpload> & { seed: string }): NewUpload {
  const { seed, ...rest } = overrides;
  return {
    sha256: sha(seed),
    size: 1000,
    format: 'zip',
    storedKey: `bundles/${sha(seed).slice(0, 2)}/${sha(seed)}.zip`,
    fileName: `${seed}.zip`,
    ticket: null,
    labels: [],
    tokenId: null,
    receivedAt: '2025-03-12T10:00:00.000Z',
    newAnalysisId: randomUUID(),
    ...rest,
  };
}

function finding(ruleId: string, status: FindingRecord['status'] = 'fail', fingerprint = sha(ruleId).slice(0, 16)): FindingRecord {
  return { ruleId, status, severity: 'high', title: `${ruleId} title`, fingerprint };
}

function completion(overrides: Partial<CompletedAnalysis> = {}): CompletedAnalysis {
  const findings = overrides.findings ?? [finding('mcc-harvester-modified-snapshot-validation-webhook')];
  const fail = findings.filter((entry) => entry.status === 'fail').length;
  const warn = findings.filter((entry) => entry.status === 'warn').length;
  return {
    finishedAt: '2025-03-12T10:01:00.000Z',
    summary: {
      fail,
      warn,
      info: findings.length - fail - warn,
      pass: 40,
      skipped: 10,
      errors: 0,
      headline: findings[0]?.ruleId ?? null,
      headlineMessage: findings[0] ? (findings[0].ruleId.startsWith('mcc-') ? 'managed chart harvester is not ready (100% sure)' : `${findings[0].ruleId} found`) : null,
    },
    cluster: { id: CLUSTER_A, source: 'kube-system-namespace', evidence: 'yamls/cluster/v1/namespaces.yaml:263' },
    harvesterVersion: 'v1.4.1',
    kubernetesVersion: 'v1.30.7+rke2r1',
    bundleCreatedAt: '2025-03-12T09:14:07Z',
    bundleRoot: 'supportbundle_x_2025-03-12T09-14-07Z',
    maskedSecrets: 2,
    findings,
    ...overrides,
  };
}

/** Uploads, starts and completes one analysis; returns its id. */
async function analysed(store: MetadataStore, seed: string, result: Partial<CompletedAnalysis> = {}, extra: Partial<NewUpload> = {}): Promise<string> {
  const { analysisId } = await store.recordUpload(upload({ seed, ...extra }));
  await store.startAnalysis(analysisId, '2025-03-12T10:00:30Z');
  expect(await store.completeAnalysis(analysisId, completion(result))).toBe(true);
  return analysisId;
}

export function metadataStoreContract(factory: StoreFactory): void {
  let store: MetadataStore;
  const open = async () => {
    store = await factory.open();
    return store;
  };
  afterEach(async () => {
    await store?.close();
  });

  describe('uploads', () => {
    it('records a new bundle as a queued analysis, and the same content again as the same analysis with its tickets and labels added', async () => {
      await open();
      const first = await store.recordUpload(upload({ seed: 'a', ticket: 'T-1', labels: ['upgrade'] }));
      const again = await store.recordUpload(upload({ seed: 'a', ticket: 'T-2', labels: ['upgrade', 'customer-x'], fileName: 'renamed.zip' }));
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ analysisId: first.analysisId, duplicate: true });
      const analysis = await store.getAnalysis(first.analysisId);
      expect(analysis).toMatchObject({ status: 'queued', attempts: 0, fileName: 'a.zip', tickets: ['T-1', 'T-2'], labels: ['customer-x', 'upgrade'], summary: null, cluster: null });
    });

    it('gives concurrent uploads of the same content one analysis', async () => {
      await open();
      const results = await Promise.all(Array.from({ length: 12 }, (_, index) => store.recordUpload(upload({ seed: 'same', ticket: `T-${index}` }))));
      expect(new Set(results.map((result) => result.analysisId)).size).toBe(1);
      expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
      expect((await store.getAnalysis(results[0]!.analysisId))!.tickets).toHaveLength(12);
      expect(await store.unfinishedAnalyses()).toEqual([results[0]!.analysisId]);
    });

    it('answers undefined for an analysis it does not have', async () => {
      await open();
      expect(await store.getAnalysis(randomUUID())).toBeUndefined();
    });
  });

  describe('the life of an analysis', () => {
    it('runs queued → running → done once; a second start or completion changes nothing', async () => {
      await open();
      const { analysisId } = await store.recordUpload(upload({ seed: 'life' }));
      const started = await store.startAnalysis(analysisId, '2025-03-12T10:00:30Z');
      expect(started).toMatchObject({ analysisId, attempts: 1, format: 'zip', storedKey: upload({ seed: 'life' }).storedKey });
      await store.setProgress(analysisId, 0.5);
      expect((await store.getAnalysis(analysisId))!).toMatchObject({ status: 'running', progress: 0.5 });
      expect(await store.completeAnalysis(analysisId, completion())).toBe(true);
      expect(await store.startAnalysis(analysisId, '2025-03-12T10:02:00Z')).toBeUndefined();
      expect(await store.completeAnalysis(analysisId, completion())).toBe(false);
      expect(await store.failAnalysis(analysisId, { code: 'X', message: 'late' }, '2025-03-12T10:03:00Z')).toBe(false);
      const done = (await store.getAnalysis(analysisId))!;
      expect(done).toMatchObject({ status: 'done', progress: 1, attempts: 1, harvesterVersion: 'v1.4.1', bundleCreatedAt: '2025-03-12T09:14:07.000Z', maskedSecrets: 2, error: null });
      expect(done.cluster).toEqual({ id: CLUSTER_A, source: 'kube-system-namespace', evidence: 'yamls/cluster/v1/namespaces.yaml:263' });
      expect(done.summary).toMatchObject({ fail: 1, headline: 'mcc-harvester-modified-snapshot-validation-webhook' });
      expect(await store.analysisFindings(analysisId)).toEqual([finding('mcc-harvester-modified-snapshot-validation-webhook')]);
      expect(await store.unfinishedAnalyses()).toEqual([]);
    });

    it('counts a start after a lost worker as a second attempt', async () => {
      await open();
      const { analysisId } = await store.recordUpload(upload({ seed: 'lost' }));
      await store.startAnalysis(analysisId, '2025-03-12T10:00:30Z');
      expect((await store.startAnalysis(analysisId, '2025-03-12T10:01:30Z'))!.attempts).toBe(2);
    });

    it('records an error once, and lets an admin queue a finished analysis again', async () => {
      await open();
      const { analysisId } = await store.recordUpload(upload({ seed: 'broken' }));
      expect(await store.failAnalysis(analysisId, { code: 'BUNDLE_FORMAT', message: 'not a bundle' }, '2025-03-12T10:01:00Z')).toBe(true);
      expect((await store.getAnalysis(analysisId))!).toMatchObject({ status: 'error', error: { code: 'BUNDLE_FORMAT', message: 'not a bundle' } });
      expect(await store.requeueAnalysis(analysisId, '2025-03-13T00:00:00Z')).toBe(true);
      expect((await store.getAnalysis(analysisId))!).toMatchObject({ status: 'queued', error: null, queuedAt: '2025-03-13T00:00:00.000Z' });
      expect(await store.requeueAnalysis(analysisId, '2025-03-13T00:00:00Z')).toBe(false);
    });
  });

  describe('search', () => {
    it('filters by cluster, version, rule, status, outcome, ticket, label, dates and headline words, newest upload first', async () => {
      await open();
      const flagship = await analysed(store, 'flagship', {}, { ticket: 'SUP-1', labels: ['upgrade'], receivedAt: '2025-03-12T10:00:00Z' });
      const healthy = await analysed(
        store,
        'healthy',
        { findings: [finding('longhorn-replica-warn', 'warn')], harvesterVersion: 'v1.4.2', bundleCreatedAt: '2025-04-01T00:00:00Z', cluster: { id: CLUSTER_B, source: 'harvester-system-namespace', evidence: 'metadata.yaml' } },
        { ticket: 'SUP-2', receivedAt: '2025-04-01T10:00:00Z' },
      );
      const clean = await analysed(store, 'clean', { findings: [], bundleCreatedAt: '2025-05-01T00:00:00Z' }, { receivedAt: '2025-05-01T10:00:00Z' });
      const queued = (await store.recordUpload(upload({ seed: 'queued', receivedAt: '2025-06-01T10:00:00Z' }))).analysisId;
      const ids = async (query: Parameters<MetadataStore['searchAnalyses']>[0]) => (await store.searchAnalyses(query)).items.map((item) => item.id);
      const all = { limit: 50, offset: 0 };

      expect(await ids(all)).toEqual([queued, clean, healthy, flagship]);
      expect(await ids({ ...all, cluster: CLUSTER_A })).toEqual([clean, flagship]);
      expect(await ids({ ...all, harvesterVersion: 'v1.4.2' })).toEqual([healthy]);
      expect(await ids({ ...all, ruleId: 'mcc-harvester-modified-snapshot-validation-webhook' })).toEqual([flagship]);
      expect(await ids({ ...all, status: 'queued' })).toEqual([queued]);
      expect(await ids({ ...all, outcome: 'fail' })).toEqual([flagship]);
      expect(await ids({ ...all, outcome: 'warn' })).toEqual([healthy]);
      expect(await ids({ ...all, outcome: 'clean' })).toEqual([clean]);
      expect(await ids({ ...all, ticket: 'SUP-2' })).toEqual([healthy]);
      expect(await ids({ ...all, label: 'upgrade' })).toEqual([flagship]);
      expect(await ids({ ...all, from: '2025-03-20T00:00:00Z', to: '2025-05-15T00:00:00Z' })).toEqual([clean, healthy]);
      expect(await ids({ ...all, text: 'NOT READY' })).toEqual([flagship]);
      expect(await ids({ ...all, text: '100%' })).toEqual([flagship]);
      expect(await ids({ ...all, text: '_' })).toEqual([]);
      const page = await store.searchAnalyses({ limit: 2, offset: 1 });
      expect(page.total).toBe(4);
      expect(page.items.map((item) => item.id)).toEqual([clean, healthy]);
    });
  });

  describe('clusters and fingerprints', () => {
    it("lists a cluster's bundles oldest first and counts where a fingerprint was seen", async () => {
      await open();
      const shared = finding('mcc-harvester-modified-snapshot-validation-webhook', 'fail', 'aaaaaaaaaaaaaaaa');
      const later = await analysed(store, 'a2', { bundleCreatedAt: '2025-03-14T00:00:00Z', findings: [shared] }, { ticket: 'SUP-9' });
      const earlier = await analysed(store, 'a1', { bundleCreatedAt: '2025-03-10T00:00:00Z', findings: [shared] });
      await analysed(store, 'b1', { bundleCreatedAt: '2025-03-11T00:00:00Z', findings: [shared], cluster: { id: CLUSTER_B, source: 'kube-system-namespace', evidence: 'x' } });
      await store.recordUpload(upload({ seed: 'unfinished' }));

      expect((await store.clusterHistory(CLUSTER_A)).map((analysis) => analysis.id)).toEqual([earlier, later]);
      expect(await store.clusterHistory('33333333-3333-4333-8333-333333333333')).toEqual([]);
      const clusters = await store.clusters();
      expect(clusters.map((cluster) => [cluster.clusterId, cluster.analyses])).toEqual([
        [CLUSTER_A, 2],
        [CLUSTER_B, 1],
      ]);
      expect(clusters[0]).toMatchObject({ lastBundleAt: '2025-03-14T00:00:00.000Z', harvesterVersion: 'v1.4.1', source: 'kube-system-namespace' });

      const sightings = await store.fingerprintSightings('aaaaaaaaaaaaaaaa');
      expect(sightings.map((sighting) => sighting.clusterId)).toEqual([CLUSTER_A, CLUSTER_B, CLUSTER_A]);
      expect(sightings[2]).toMatchObject({ analysisId: later, tickets: ['SUP-9'], status: 'fail' });
      expect(await store.fingerprintSightings('bbbbbbbbbbbbbbbb')).toEqual([]);
    });
  });

  describe('tokens', () => {
    it('finds a live token by hash only, and forgets a revoked one', async () => {
      await open();
      const token = await store.createToken({ id: randomUUID(), name: 'ticket-bot', role: 'uploader', hash: sha('secret'), createdAt: '2025-03-12T10:00:00Z' });
      expect(await store.countTokens()).toBe(1);
      expect(await store.findToken(sha('secret'))).toEqual(token);
      expect(await store.findToken(sha('other'))).toBeUndefined();
      await store.touchToken(token.id, '2025-03-12T11:00:00Z');
      expect((await store.listTokens())[0]).toMatchObject({ lastUsedAt: '2025-03-12T11:00:00.000Z' });
      expect(await store.revokeToken(token.id, '2025-03-12T12:00:00Z')).toBe(true);
      expect(await store.revokeToken(token.id, '2025-03-12T12:00:00Z')).toBe(false);
      expect(await store.findToken(sha('secret'))).toBeUndefined();
      expect(await store.countTokens()).toBe(0);
      expect((await store.listTokens())[0]).toMatchObject({ revokedAt: '2025-03-12T12:00:00.000Z' });
    });
  });

  describe('webhooks', () => {
    it('keeps one delivery per id and logs every attempt', async () => {
      await open();
      const webhook = await store.addWebhook({ id: randomUUID(), url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(20), events: ['analysis.done'], createdAt: '2025-03-12T10:00:00Z' });
      expect(await store.listWebhooks()).toEqual([webhook]);
      const analysisId = await analysed(store, 'hooked');
      const base = { id: 'd'.repeat(32), webhookId: webhook.id, analysisId, event: 'analysis.done' as const, payload: '{"a":1}', createdAt: '2025-03-12T10:02:00Z' };
      expect((await store.createDelivery(base)).created).toBe(true);
      const again = await store.createDelivery({ ...base, payload: '{"other":true}' });
      expect(again.created).toBe(false);
      expect(again.delivery).toMatchObject({ status: 'pending', attempts: 0, payload: '{"a":1}' });

      await store.recordDeliveryAttempt({ deliveryId: base.id, attempt: 1, at: '2025-03-12T10:02:01Z', statusCode: 500, error: 'answered 500', durationMs: 12 }, 'pending');
      await store.recordDeliveryAttempt({ deliveryId: base.id, attempt: 2, at: '2025-03-12T10:02:05Z', statusCode: 204, error: null, durationMs: 8 }, 'delivered');
      expect(await store.getDelivery(base.id)).toMatchObject({ status: 'delivered', attempts: 2 });
      expect((await store.deliveryAttempts(base.id)).map((attempt) => attempt.statusCode)).toEqual([500, 204]);
      const [listed] = await store.listDeliveries(webhook.id, 10);
      expect(listed).toMatchObject({ id: base.id, lastAttempt: { attempt: 2, statusCode: 204 } });
      expect(await store.removeWebhook(webhook.id)).toBe(true);
      expect(await store.getWebhook(webhook.id)).toBeUndefined();
    });
  });

  describe('retention', () => {
    it('offers the files of finished analyses received before the cut-off; an upload of the same content brings the file back', async () => {
      await open();
      const old = await analysed(store, 'old', {}, { receivedAt: '2025-01-01T00:00:00Z' });
      await analysed(store, 'recent', {}, { receivedAt: '2025-03-01T00:00:00Z' });
      await store.recordUpload(upload({ seed: 'old-queued', receivedAt: '2025-01-01T00:00:00Z' }));
      const expired = await store.bundlesReceivedBefore('2025-02-01T00:00:00Z');
      expect(expired).toEqual([{ sha256: sha('old'), storedKey: upload({ seed: 'old' }).storedKey }]);
      await store.markBundleFileRemoved(sha('old'), '2025-02-01T00:00:00Z');
      expect((await store.getAnalysis(old))!.bundleFileRemoved).toBe(true);
      expect(await store.bundlesReceivedBefore('2025-02-01T00:00:00Z')).toEqual([]);
      expect(await store.requeueAnalysis(old, '2025-02-02T00:00:00Z')).toBe(false);
      await store.recordUpload(upload({ seed: 'old', receivedAt: '2025-02-03T00:00:00Z' }));
      expect((await store.getAnalysis(old))!.bundleFileRemoved).toBe(false);
    });
  });
}
