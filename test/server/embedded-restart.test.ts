/**
 * Embedded mode is restart-safe: a service killed (SIGKILL) with one analysis running and
 * others queued runs all of them when it starts again on the same data folder.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../../packages/server/test/helpers/built-server.js';
import { waitFor } from '../../packages/server/test/helpers/wait-for.js';
import { startServiceProcess, type ServiceProcess } from './processes.js';
import { generatedBundle } from './test-bundles.js';

const scratch = mkdtempSync(join(tmpdir(), 'bt-restart-'));
const children: ServiceProcess[] = [];
beforeAll(assertBuilt);
afterAll(async () => {
  await Promise.all(children.map((child) => child.kill('SIGKILL')));
  rmSync(scratch, { recursive: true, force: true });
});

interface Analysis {
  id: string;
  status: string;
  attempts: number;
}

describe('embedded mode after a crash', () => {
  it('resumes the interrupted analysis and the queued ones when the service starts again', async () => {
    const dataDir = join(scratch, 'data');
    const gateDir = mkdtempSync(join(scratch, 'gate-'));
    const options = { backend: { kind: 'embedded', dataDir }, port: 0, open: true, analysisThreads: 1 };
    const first = await startServiceProcess({ role: 'serve', options, gateDir });
    children.push(first);
    const upload = async (url: string, seed: number) =>
      ((await (await fetch(`${url}/api/uploads`, { method: 'POST', body: generatedBundle(seed).bytes, headers: { 'content-type': 'application/zip' } })).json()) as { analysisId: string }).analysisId;
    const ids = [await upload(first.url!, 4001), await upload(first.url!, 4002), await upload(first.url!, 4003)];
    // One analysis is running (held at the gate), two wait behind it; then the process dies.
    await waitFor('the first analysis to start', () => existsSync(join(gateDir, `${ids[0]}.started`)));
    expect(await first.kill('SIGKILL')).toBe('SIGKILL');

    const second = await startServiceProcess({ role: 'serve', options });
    children.push(second);
    const get = async (id: string) => (await (await fetch(`${second.url}/api/analyses/${id}`)).json()) as Analysis;
    const finished = await waitFor('all three analyses to finish', async () => {
      const analyses = await Promise.all(ids.map(get));
      return analyses.every((analysis) => analysis.status === 'done') ? analyses : undefined;
    });
    expect(finished.map((analysis) => analysis.attempts)).toEqual([2, 1, 1]);
    expect(await second.kill('SIGTERM')).toBe(0);
  }, 300_000);
});
