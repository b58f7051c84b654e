import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { validateReport } from '@bundle-triage/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bundles, S01 } from './helpers/built-server.js';
import { startTestService, type AnalysisJson, type TestService } from './helpers/test-service.js';

let service: TestService;
const flagshipZip = readFileSync(join(bundles, 'flagship-v1.4.1.zip'));
const flagshipTarGz = readFileSync(join(bundles, 'flagship-v1.4.1.tar.gz'));
const healthyZip = readFileSync(join(bundles, 'healthy-v1.4.2-3node.zip'));

beforeAll(async () => {
  assertBuilt();
  service = await startTestService();
});
afterAll(() => service?.close());

describe('uploads', () => {
  it('answers 202 with the analysis id, then the analysis finds the flagship headline', async () => {
    const { status, body } = await service.upload(flagshipZip, '?ticket=SUP-1&label=upgrade&label=customer-x&fileName=supportbundle_flagship.zip');
    expect(status).toBe(202);
    expect(body).toMatchObject({ duplicate: false, status: 'queued', bundle: { format: 'zip', size: flagshipZip.length } });
    const analysis = await service.finished(body.analysisId);
    expect(analysis).toMatchObject({ status: 'done', attempts: 1, fileName: 'supportbundle_flagship.zip', tickets: ['SUP-1'], labels: ['customer-x', 'upgrade'], harvesterVersion: 'v1.4.1' });
    expect(analysis.summary).toMatchObject({ headline: S01, fail: 1 });
    expect(analysis.cluster).toEqual({
      id: '612c6edb-da17-4774-b848-37dd4e06ed17',
      source: 'harvester-system-namespace',
      evidence: 'metadata.yaml projectnamespaceuuid (harvester-system namespace uid; also yamls/cluster/v1/namespaces.yaml:221)',
    });
  });

  it('takes the same content again as the same analysis (by SHA-256), adding the new ticket', async () => {
    const first = await service.upload(healthyZip, '?ticket=SUP-2');
    const again = await service.upload(healthyZip, '?ticket=SUP-3');
    expect(again.body).toMatchObject({ analysisId: first.body.analysisId, duplicate: true });
    const analysis = await service.finished(first.body.analysisId);
    expect(analysis.tickets).toEqual(['SUP-2', 'SUP-3']);
  });

  it('takes a multipart form (fields before the file) and a tar.gz', async () => {
    const form = new FormData();
    form.append('ticket', 'SUP-4');
    form.append('label', 'tarball, from-form');
    form.append('bundle', new Blob([flagshipTarGz]), 'supportbundle.tar.gz');
    const response = await service.request('/api/uploads', { method: 'POST', body: form, as: 'uploader' });
    expect(response.status).toBe(202);
    const { analysisId } = (await response.json()) as { analysisId: string };
    const analysis = await service.finished(analysisId);
    expect(analysis).toMatchObject({ status: 'done', fileName: 'supportbundle.tar.gz', tickets: ['SUP-4'], labels: ['from-form', 'tarball'], bundle: { format: 'tar.gz' } });
    expect(analysis.summary!.headline).toBe(S01);
  });
});

describe('reports', () => {
  let analysisId: string;
  beforeAll(async () => {
    analysisId = (await service.upload(flagshipZip)).body.analysisId;
    await service.finished(analysisId);
  });

  it('renders every format the report package renders, with its content type', async () => {
    const expected: Record<string, [RegExp, RegExp]> = {
      json: [/^application\/json/, /"schemaVersion": 1/],
      text: [/^text\/plain/, /FAIL critical/],
      markdown: [/^text\/markdown/, /^# bundle-triage/],
      html: [/^text\/html/, /<!doctype html>/i],
      sarif: [/^application\/sarif\+json/, /"version": "2.1.0"/],
      junit: [/^application\/xml/, /<testsuites/],
    };
    for (const [format, [type, content]] of Object.entries(expected)) {
      const response = await service.request(`/api/analyses/${analysisId}/report?format=${format}`, { as: 'reader' });
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type'), format).toMatch(type);
      expect(await response.text(), format).toMatch(content);
    }
  });

  it('serves a JSON report that is valid against the report schema, redacted, with pass findings kept for JUnit', async () => {
    const report = (await (await service.request(`/api/analyses/${analysisId}/report?format=json`)).json()) as { redaction: unknown; findings: { status: string }[] };
    expect(validateReport(report)).toMatchObject({ valid: true });
    expect(report.redaction).toMatchObject({ applied: true });
    const junit = await (await service.request(`/api/analyses/${analysisId}/report?format=junit`)).text();
    expect((junit.match(/<testcase /g) ?? []).length).toBeGreaterThan(40);
  });

  it('says how many secrets the analysis masked in every format, though the stored report has none left to mask', async () => {
    const analysis = (await (await service.request(`/api/analyses/${analysisId}`)).json()) as AnalysisJson;
    // The flagship's mcc-harvester Bundle quotes the modified webhook Secret (ca.crt, tls.crt, tls.key)
    // and caBundle; each quotation is masked: fleet-bundle-not-ready's message (4), the
    // user-edited-downstream-object evidence (ca.crt, caBundle), the overview's Fleet bundle message
    // and the Bundle's and ManagedChart's Ready=False timeline entries (1 each): nine.
    expect(analysis.maskedSecrets).toBe(9);
    const report = (await (await service.request(`/api/analyses/${analysisId}/report?format=json`)).json()) as { redaction: unknown };
    expect(report.redaction).toEqual({ applied: true, masked: 9 });
    expect(JSON.stringify(report)).not.toMatch(/LS0tLS1CRUdJTi/);
    for (const format of ['text', 'markdown', 'html']) {
      expect(await (await service.request(`/api/analyses/${analysisId}/report?format=${format}`)).text(), format).toContain('9 secrets masked');
    }
  });

  it('offers a download with a file name, and keeps the HTML report under its own Content-Security-Policy', async () => {
    const response = await service.request(`/api/analyses/${analysisId}/report?format=markdown&download=true`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="bundle-triage-${analysisId}.md"`);
    const html = await service.request(`/api/analyses/${analysisId}/report?format=html`);
    expect(html.headers.get('content-security-policy')).toBeNull();
    expect(await html.text()).toMatch(/http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  it('answers 409 for the report of an analysis that has none yet', async () => {
    const broken = await service.upload(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    const analysis = await service.finished(broken.body.analysisId);
    expect(analysis.status).toBe('error');
    const response = await service.request(`/api/analyses/${analysis.id}/report`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_READY' } });
  });
});

describe('search', () => {
  it('finds analyses by rule, version, ticket, outcome, cluster and headline words', async () => {
    const flagship = (await service.upload(flagshipZip, '?ticket=SEARCH-1')).body.analysisId;
    await service.finished(flagship);
    const ids = async (query: string) => ((await (await service.request(`/api/analyses${query}`, { as: 'reader' })).json()) as { items: AnalysisJson[] }).items.map((item) => item.id);
    expect(await ids('?ticket=SEARCH-1')).toEqual([flagship]);
    expect(await ids(`?rule=${S01}`)).toContain(flagship);
    expect(await ids('?version=v1.4.1&outcome=fail')).toContain(flagship);
    expect(await ids('?version=v1.4.2')).not.toContain(flagship);
    expect(await ids('?cluster=612c6edb-da17-4774-b848-37dd4e06ed17')).toContain(flagship);
    expect(await ids('?q=managed%20chart')).toContain(flagship);
    expect(await ids('?q=nothing-like-this')).toEqual([]);
    expect((await service.request('/api/analyses?status=sideways')).status).toBe(400);
    expect((await service.request('/api/analyses?limit=100000')).status).toBe(400);
  });
});

describe('live status', () => {
  it('sends server-sent events as an analysis runs, ending with its done state', async () => {
    const controller = new AbortController();
    const response = await service.request('/api/events', { as: 'reader', signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const { body } = await service.upload(readFileSync(join(bundles, 'flagship-v1.4.1-fixed.zip')));
    const states: string[] = [];
    let buffer = '';
    while (!states.includes('done') && !states.includes('error')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      for (const match of buffer.matchAll(/event: analysis\ndata: (.*)\n\n/g)) {
        const analysis = JSON.parse(match[1]!) as AnalysisJson;
        if (analysis.id === body.analysisId && states.at(-1) !== analysis.status) states.push(analysis.status);
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
    controller.abort();
    expect(states.at(-1)).toBe('done');
    expect(states).toContain('running');
  });
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document describing every API route', async () => {
    const response = await service.request('/api/openapi.json', { as: 'reader' });
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/uploads', '/api/analyses', '/api/analyses/{id}', '/api/analyses/{id}/report', '/api/events', '/api/clusters/{clusterId}', '/api/fingerprints/{fingerprint}', '/api/tokens', '/api/webhooks']),
    );
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
  });

  it('answers /api/health without a token', async () => {
    const response = await fetch(`${service.url}/api/health`);
    expect(await response.json()).toMatchObject({ status: 'ok', mode: 'embedded' });
  });
});
