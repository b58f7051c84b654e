import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bundles } from './helpers/built-server.js';
import { startTestService, type TestService } from './helpers/test-service.js';

let service: TestService;
const flagshipZip = readFileSync(join(bundles, 'flagship-v1.4.1.zip'));
const LIMIT = 200 * 1024;

beforeAll(async () => {
  assertBuilt();
  service = await startTestService({ maxUploadBytes: LIMIT, uploadsPerMinute: 1000 });
});
afterAll(() => service?.close());

const incoming = () => readdirSync(join(service.dataDir, 'incoming'));
const storedBundles = () => readdirSync(join(service.dataDir, 'bundles'), { recursive: true }).filter((name) => /\.(zip|tar\.gz)$/.test(String(name)));
const total = async () => ((await (await service.request('/api/analyses')).json()) as { total: number }).total;

describe('uploads refused early leave nothing behind', () => {
  it('refuses a bundle over the size limit with 413', async () => {
    const big = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(LIMIT)]);
    const { status, body } = await service.upload(big);
    expect(status).toBe(413);
    expect(body).toMatchObject({ error: { code: 'UPLOAD_TOO_LARGE' } });
    const form = new FormData();
    form.append('bundle', new Blob([big]), 'big.zip');
    const multipart = await service.request('/api/uploads', { method: 'POST', body: form, as: 'uploader' });
    expect(multipart.status).toBe(413);
    expect(incoming()).toEqual([]);
    expect(storedBundles()).toEqual([]);
    expect(await total()).toBe(0);
  });

  it('refuses what is not a zip or gzip with 415, an empty body with 400, and a form without the bundle field with 400', async () => {
    const text = await service.upload(Buffer.from('<html>this is a screenshot, not a bundle</html>'));
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ error: { code: 'UPLOAD_NOT_A_BUNDLE' } });
    const empty = await service.upload(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const form = new FormData();
    form.append('attachment', new Blob([flagshipZip]), 'flagship.zip');
    const wrongField = await service.request('/api/uploads', { method: 'POST', body: form, as: 'uploader' });
    expect(wrongField.status).toBe(400);
    const json = await service.request('/api/uploads', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, as: 'uploader' });
    expect(json.status).toBe(415);
    expect(incoming()).toEqual([]);
    expect(await total()).toBe(0);
  });

  it('keeps no record and no file of an upload cut off mid-stream', async () => {
    const url = new URL(service.url);
    const aborted = service.logs.next('upload.aborted');
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: url.hostname,
        port: url.port,
        path: '/api/uploads?ticket=CUT-1',
        method: 'POST',
        headers: { authorization: `Bearer ${service.tokens.uploader}`, 'content-type': 'application/zip', 'content-length': String(flagshipZip.length) },
      });
      request.on('error', () => resolve());
      request.write(flagshipZip.subarray(0, flagshipZip.length / 2), () => {
        // The client goes away with half the bundle sent.
        request.destroy();
        resolve();
      });
    });
    expect((await aborted).message).toMatch(/cut off/);
    expect(incoming()).toEqual([]);
    expect(storedBundles()).toEqual([]);
    expect(await total()).toBe(0);
    expect(((await (await service.request('/api/analyses?ticket=CUT-1')).json()) as { total: number }).total).toBe(0);
  });

  it('closes the connection after refusing an upload it did not read to the end, so the next request on a kept-alive connection is answered', async () => {
    // Refused on its first bytes: the rest of the 3 MB is never read. fetch keeps connections
    // alive and sends the next upload on the same one, which used to wait there for ever.
    const refused = await service.request('/api/uploads', { method: 'POST', body: Buffer.alloc(3 * 1024 * 1024, 'a'), headers: { 'content-type': 'application/octet-stream' }, as: 'uploader' });
    expect(refused.status).toBe(415);
    expect(refused.headers.get('connection')).toBe('close');
    await refused.text();
    const next = await service.request('/api/uploads?ticket=AFTER-REFUSAL', { method: 'POST', body: flagshipZip, headers: { 'content-type': 'application/octet-stream' }, as: 'uploader', signal: AbortSignal.timeout(20_000) });
    expect(next.status).toBe(202);
    await service.finished(((await next.json()) as { analysisId: string }).analysisId);
    expect(incoming()).toEqual([]);
  });
});

describe('rate limit', () => {
  it('answers 429 past the uploads allowed a minute for one token', async () => {
    const limited = await startTestService({ uploadsPerMinute: 2 });
    try {
      const statuses = [];
      for (let index = 0; index < 3; index += 1) statuses.push((await limited.upload(flagshipZip)).status);
      expect(statuses).toEqual([202, 202, 429]);
      // Another token has its own allowance.
      expect((await limited.upload(flagshipZip, '', 'admin')).status).toBe(202);
      const [first] = ((await (await limited.request('/api/analyses')).json()) as { items: { id: string }[] }).items;
      await limited.finished(first!.id);
    } finally {
      await limited.close();
    }
  });
});
