import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, cliBin, runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'bt-cli-serve-'));
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS });
beforeAll(() => {
  assertBuilt();
  if (!existsSync(join(cliBin, '../../../server/dist/index.js'))) throw new Error('packages/server is not built: run pnpm build first');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('bundle-triage serve', () => {
  it('makes a token, serves with it until SIGTERM, and refuses a second service on the same data folder', async () => {
    const data = join(scratch, 'data');
    // --data names the embedded store even when the environment names a PostgreSQL server (as
    // serve's own hint, "token create … --data DIR", is followed on a distributed host).
    const created = await runCli(['serve', 'token', 'create', '--role', 'admin', '--name', 'me', '--data', data], { env: { BUNDLE_TRIAGE_POSTGRES_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^btk_[\w-]{43}$/);
    expect(created.stderr).toContain('token "me" (admin) created; it is shown this once');

    const serve = spawn(process.execPath, [cliBin, 'serve', '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      serve.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      serve.on('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
    });
    const health = (await (await fetch(`${url}/api/health`)).json()) as { mode: string };
    expect(health.mode).toBe('embedded');
    expect((await fetch(`${url}/api/analyses`)).status).toBe(401);
    expect((await fetch(`${url}/api/analyses`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const second = await runCli(['serve', '--data', data, '--port', '0']);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`bundle-triage: cannot serve: ${data}: the data folder is in use by another bundle-triage serve\n`);

    const exited = new Promise<number | null>((resolve) => serve.on('exit', (code) => resolve(code)));
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('bundle-triage serve: stopping');
  });

  it('says in one line what is wrong with its options', async () => {
    const both = await runCli(['serve', '--data', 'x', '--store', 'y']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^bundle-triage: usage: --data: embedded mode \(--data\) and distributed mode/);
    const worker = await runCli(['worker']);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/^bundle-triage: usage: --redis: distributed mode needs --redis, --postgres, --store/);
    const distributedRules = await runCli(['serve', '--redis', 'redis://127.0.0.1:1', '--postgres', 'postgres://x@127.0.0.1:1/x', '--store', scratch, '--rules', scratch]);
    expect(distributedRules.code).toBe(2);
    expect(distributedRules.stderr).toBe('bundle-triage: usage: --rules: in distributed mode analyses run in workers: give --rules to each bundle-triage worker (see bundle-triage serve --help)\n');
    const help = await runCli(['serve', '--help']);
    expect(help.stdout).toMatch(/^Usage: bundle-triage serve \[--data DIR\]/);
  });

  it('refuses to start, in one line and before it listens, when a --rules folder holds a rule the schema refuses', async () => {
    const rules = join(scratch, 'site-rules', 'fleet', 'acme-broken');
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, 'rule.yaml'), 'id: acme-broken\ntitle: broken\nseverity: urgent\ncomponent: fleet\ninputs: {}\noutcomes: []\n');
    const refused = await runCli(['serve', '--data', join(scratch, 'data-rules'), '--port', '0', '--rules', join(scratch, 'site-rules')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^bundle-triage: cannot serve: invalid rule: \S+site-rules\/fleet\/acme-broken\/rule\.yaml#\/\S*: .+; run bundle-triage rules validate \S+site-rules to see all\n$/);
  });
});
