/**
 * The hostile corpus of test/hostile, uploaded through the API of an embedded service running in
 * its own process with a private TMPDIR: each input is refused at upload (4xx) when the API can
 * tell early, or analysed into an error with the reason, or analysed with its diagnostics; the
 * service survives all of it, and nothing is written outside its data folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../../packages/server/test/helpers/built-server.js';
import { waitFor } from '../../packages/server/test/helpers/wait-for.js';
import { HOSTILE_CASES } from '../hostile/corpus.js';
import { startServiceProcess, type ServiceProcess } from './processes.js';
import { fixture, S01 } from './test-bundles.js';

const scratch = mkdtempSync(join(tmpdir(), 'bt-hostile-api-'));
const inputs = join(scratch, 'inputs');
const dataDir = join(scratch, 'data');
const privateTmp = join(scratch, 'tmp');
let service: ServiceProcess;

interface Analysis {
  id: string;
  status: string;
  error: { code: string; message: string } | null;
  summary: { headline: string | null } | null;
}

beforeAll(async () => {
  assertBuilt();
  mkdirSync(inputs);
  mkdirSync(privateTmp);
  service = await startServiceProcess(
    { role: 'serve', options: { backend: { kind: 'embedded', dataDir }, port: 0, open: true, uploadsPerMinute: 1000, analysisRetry: { attempts: 2, backoffMs: 100 } } },
    60_000,
    { TMPDIR: privateTmp },
  );
});
afterAll(async () => {
  await service?.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
});

async function upload(bytes: Uint8Array, fileName: string): Promise<{ status: number; body: { analysisId: string; error?: { message: string } } }> {
  const response = await fetch(`${service.url}/api/uploads?fileName=${encodeURIComponent(fileName)}`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
  return { status: response.status, body: (await response.json()) as { analysisId: string; error?: { message: string } } };
}

function finished(id: string): Promise<Analysis> {
  return waitFor(
    `analysis ${id} to finish`,
    async () => {
      const analysis = (await (await fetch(`${service.url}/api/analyses/${id}`)).json()) as Analysis;
      return analysis.status === 'done' || analysis.status === 'error' ? analysis : undefined;
    },
    240_000,
  );
}

describe('the hostile corpus uploaded through the API', () => {
  for (const hostile of HOSTILE_CASES) {
    it(`${hostile.name}: ${hostile.expect.kind === 'error' ? `an error (${hostile.expect.code}) or a 4xx` : 'analysed'}`, async () => {
      const path = await hostile.build(join(inputs, hostile.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)));
      const { status, body } = await upload(readFileSync(path), basename(path));
      if (hostile.expect.kind === 'error' && status >= 400) {
        // Refused before anything was recorded: not a zip or gzip, or empty.
        expect([400, 415]).toContain(status);
        expect(body.error!.message).not.toContain('\n');
        return;
      }
      expect(status).toBe(202);
      const analysis = await finished(body.analysisId);
      if (hostile.expect.kind === 'error') {
        expect(analysis.status).toBe('error');
        expect(analysis.error!.code).toBe(hostile.expect.code);
        expect(analysis.error!.message).toMatch(hostile.expect.message);
        // The reason names the file as it was uploaded, never where the service keeps it.
        expect(analysis.error!.message).not.toContain(dataDir);
        return;
      }
      expect(analysis.status, JSON.stringify(analysis.error)).toBe('done');
      const report = (await (await fetch(`${service.url}/api/analyses/${analysis.id}/report?format=json`)).json()) as { errors: unknown[]; diagnostics: { path: string; message: string }[] };
      expect(report.errors).toEqual([]);
      // Cases that name resources the catalog may never read are checked by the library test.
      if (!hostile.expect.read) {
        const diagnostics = report.diagnostics.map((diagnostic) => `${diagnostic.path}: ${diagnostic.message}`);
        // Reports are served redacted, and a path such as /etc/passwd is not taken for a secret key.
        for (const pattern of hostile.expect.diagnostics) expect(diagnostics.some((line) => pattern.test(line)), `${pattern} in ${JSON.stringify(diagnostics)}`).toBe(true);
      }
    }, 300_000);
  }

  it('still analyses a good bundle afterwards, and nothing was written outside the data folder', async () => {
    const { body } = await upload(fixture('flagship-v1.4.1.tar.gz').bytes, 'flagship.tar.gz');
    const analysis = await finished(body.analysisId);
    expect(analysis.summary!.headline).toBe(S01);
    expect(service.child.exitCode).toBeNull();
    expect(readdirSync(scratch).sort()).toEqual(['data', 'inputs', 'tmp']);
    expect(readdirSync(privateTmp)).toEqual([]);
    expect(readdirSync(join(dataDir, 'work'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'incoming'))).toEqual([]);
    for (const planted of ['/etc/evil', '/etc/passwd/shadow', join(scratch, 'evil'), join(dataDir, '..', 'evil')]) expect(existsSync(planted), planted).toBe(false);
  }, 120_000);
});
