import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bundles } from './helpers/built-server.js';
import { startTestService, type TestService } from './helpers/test-service.js';

let service: TestService;
const flagshipZip = readFileSync(join(bundles, 'flagship-v1.4.1.zip'));

beforeAll(async () => {
  assertBuilt();
  service = await startTestService();
});
afterAll(() => service?.close());

/** A request sent exactly as written: fetch would normalise `..` out of the path. */
function rawGet(path: string, token: string): Promise<{ status: number; body: string }> {
  const url = new URL(service.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers: { authorization: `Bearer ${token}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

const storedFiles = () => readdirSync(join(service.dataDir, 'bundles'), { recursive: true }).filter((name) => String(name).endsWith('.zip') || String(name).endsWith('.gz'));

describe('tokens and roles', () => {
  it('refuses every API route and event stream without a token, and sends a person to sign in', async () => {
    for (const path of ['/api/analyses', '/api/events', '/api/openapi.json', '/api/clusters', '/api/tokens']) {
      const response = await service.request(path, { as: null });
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    const upload = await service.upload(flagshipZip, '', null);
    expect(upload.status).toBe(401);
    const page = await service.request('/clusters', { as: null, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fclusters');
  });

  it('refuses a wrong or revoked token', async () => {
    const wrong = await fetch(`${service.url}/api/analyses`, { headers: { authorization: 'Bearer btk_not-a-token' } });
    expect(wrong.status).toBe(401);
    const created = (await (await service.request('/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'short-lived', role: 'reader' }), headers: { 'content-type': 'application/json' } })).json()) as {
      token: string;
      record: { id: string };
    };
    expect((await fetch(`${service.url}/api/analyses`, { headers: { authorization: `Bearer ${created.token}` } })).status).toBe(200);
    expect((await service.request(`/api/tokens/${created.record.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${service.url}/api/analyses`, { headers: { authorization: `Bearer ${created.token}` } })).status).toBe(401);
    const listed = (await (await service.request('/api/tokens')).json()) as { name: string; revokedAt: string | null }[];
    expect(listed.find((token) => token.name === 'short-lived')!.revokedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('refuses an upload with a reader token, and records and keeps nothing', async () => {
    const before = storedFiles().length;
    const { status, body } = await service.upload(flagshipZip, '', 'reader');
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(storedFiles()).toHaveLength(before);
    expect(readdirSync(join(service.dataDir, 'incoming'))).toEqual([]);
  });

  it('keeps tokens, webhooks and retention to admins', async () => {
    for (const role of ['reader', 'uploader'] as const) {
      expect((await service.request('/api/tokens', { as: role })).status).toBe(403);
      expect((await service.request('/api/webhooks', { method: 'POST', as: role, body: JSON.stringify({ url: 'http://127.0.0.1:9/' }), headers: { 'content-type': 'application/json' } })).status).toBe(403);
      expect((await service.request('/api/retention/run', { method: 'POST', as: role })).status).toBe(403);
    }
    expect((await service.request('/api/tokens', { as: 'admin' })).status).toBe(200);
  });
});

describe('path tricks', () => {
  it('refuses ids that are not ids, with 400 before any lookup', async () => {
    for (const path of [
      '/api/analyses/..%2F..%2Fetc%2Fpasswd',
      '/api/analyses/%2e%2e',
      '/api/analyses/..%2Ftriage.db/report',
      '/api/clusters/..%2F..%2F',
      '/api/fingerprints/..%2F..%2Freports',
      '/api/analyses/00000000-0000-0000-0000-000000000000%00/report',
    ]) {
      const response = await rawGet(path, service.tokens.reader);
      expect(response.status, path).toBe(400);
    }
    expect((await rawGet('/api/analyses/00000000-0000-4000-8000-000000000000', service.tokens.reader)).status).toBe(404);
    expect((await rawGet('/analyses/..%2F..%2Fetc%2Fpasswd', service.tokens.reader)).status).toBe(404);
    expect((await rawGet('/../../etc/passwd', service.tokens.reader)).status).toBe(404);
  });

  it('takes only the last segment of an uploaded file name as its name, and stores the file by its hash', async () => {
    const { status, body } = await service.upload(readFileSync(join(bundles, 'healthy-v1.4.1-1node.zip')), `?fileName=${encodeURIComponent('../../../etc/cron.d/x\u0007.zip')}`);
    expect(status).toBe(202);
    const analysis = await service.finished(body.analysisId);
    expect(analysis.fileName).toBe('x.zip');
    expect(storedFiles().map(String)).toContainEqual(expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f]{64}\.zip$/));
  });
});

describe('the web UI sign-in', () => {
  it('signs in with a token into an HttpOnly SameSite=Strict cookie, and refuses a cross-site upload with it', async () => {
    const login = await fetch(`${service.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ token: service.tokens.uploader, next: '//evil.example/x' }),
    });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^bt_token=.+; HttpOnly; SameSite=Strict; Path=\//);
    const session = cookie.split(';')[0]!;
    const page = await fetch(`${service.url}/`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(await page.text()).toContain('id="upload-form"');

    const crossSite = await fetch(`${service.url}/api/uploads`, { method: 'POST', body: flagshipZip, headers: { cookie: session, 'content-type': 'application/zip', 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await fetch(`${service.url}/api/uploads`, { method: 'POST', body: flagshipZip, headers: { cookie: session, 'content-type': 'application/zip', 'sec-fetch-site': 'same-origin' } });
    expect(sameSite.status).toBe(202);
    const wrong = await fetch(`${service.url}/login`, { method: 'POST', body: new URLSearchParams({ token: 'btk_wrong' }) });
    expect(wrong.status).toBe(401);
  });
});

describe('open mode', () => {
  it('lets anyone read and upload, but not administer, and still refuses a wrong token', async () => {
    const open = await startTestService({ open: true });
    try {
      expect((await open.request('/api/analyses', { as: null })).status).toBe(200);
      const upload = await open.upload(flagshipZip, '', null);
      expect(upload.status).toBe(202);
      expect((await open.request('/api/tokens', { as: null })).status).toBe(401);
      expect((await fetch(`${open.url}/api/analyses`, { headers: { authorization: 'Bearer btk_wrong' } })).status).toBe(401);
      await open.finished(upload.body.analysisId);
    } finally {
      await open.close();
    }
  });
});
