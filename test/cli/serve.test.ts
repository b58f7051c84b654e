import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backingService, freshDatabase } from '../../packages/server/test/helpers/backing-services.js';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, cliBin, expectOneLineError, runCli } from './run-cli.js';

/** A PostgreSQL nobody listens on: opening it fails at once, naming the store that was chosen. */
const UNREACHABLE_POSTGRES = 'postgres://nobody@127.0.0.1:1/none';
const postgres = backingService('postgres');
const scratch = mkdtempSync(join(tmpdir(), 'bt-cli-serve-'));
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS });
beforeAll(() => {
  assertBuilt();
  if (!existsSync(join(cliBin, '../../../server/dist/index.js'))) throw new Error('packages/server is not built: run pnpm build first');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A `bundle-triage serve` subprocess, once it listens; `stop` sends SIGTERM and gives the exit code. */
async function startServe(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const serve = spawn(process.execPath, [cliBin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd, env: { ...process.env, ...options.env } });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    serve.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    serve.on('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => serve.on('exit', (code) => resolve(code)));
  return {
    url,
    stderr: () => stderr,
    async stop(): Promise<number | null> {
      serve.kill('SIGTERM');
      return exited;
    },
  };
}

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

    const serve = await startServe(['--data', data, '--port', '0']);
    const { url } = serve;
    const health = (await (await fetch(`${url}/api/health`)).json()) as { mode: string };
    expect(health.mode).toBe('embedded');
    expect((await fetch(`${url}/api/analyses`)).status).toBe(401);
    expect((await fetch(`${url}/api/analyses`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const second = await runCli(['serve', '--data', data, '--port', '0']);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`bundle-triage: cannot serve: ${data}: the data folder is in use by another bundle-triage serve\n`);

    expect(await serve.stop()).toBe(0);
    expect(serve.stderr()).toContain('bundle-triage serve: stopping');
  });

  it('keeps serve and serve token embedded when BUNDLE_TRIAGE_POSTGRES_URL is set but no flag asks for distributed mode', async () => {
    const cwd = join(scratch, 'env-without-flags');
    mkdirSync(cwd);
    const env = { BUNDLE_TRIAGE_POSTGRES_URL: UNREACHABLE_POSTGRES };
    const created = await runCli(['serve', 'token', 'create', '--role', 'reader', '--name', 'ci'], { cwd, env });
    expect(created.stderr).toContain('token "ci" (reader) created');
    expect(created.code).toBe(0);
    expect(existsSync(join(cwd, 'triage-data', 'triage.db'))).toBe(true);

    // The serve started the same way reads the token just written.
    const serve = await startServe(['--port', '0'], { cwd, env });
    try {
      expect(((await (await fetch(`${serve.url}/api/health`)).json()) as { mode: string }).mode).toBe('embedded');
      expect((await fetch(`${serve.url}/api/analyses`, { headers: { authorization: `Bearer ${created.stdout.trim()}` } })).status).toBe(200);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('takes serve token to PostgreSQL when --postgres, --redis or --store is given, as they take serve, and says so in one line when it is unreachable', async () => {
    const cwd = join(scratch, 'distributed-flags');
    mkdirSync(cwd);
    const byFlag = await runCli(['serve', 'token', 'list', '--postgres', UNREACHABLE_POSTGRES], { cwd });
    expect(byFlag.code).toBe(2);
    expect(expectOneLineError(byFlag.stderr)).toMatch(/^bundle-triage: cannot open the store: postgres:\/\/nobody@127\.0\.0\.1:1\/none: cannot reach PostgreSQL: /);
    // --store chooses distributed mode; the URL comes from the environment, as for serve.
    const byStore = await runCli(['serve', 'token', 'create', '--role', 'admin', '--name', 'me', '--store', join(scratch, 'shared')], { cwd, env: { BUNDLE_TRIAGE_POSTGRES_URL: UNREACHABLE_POSTGRES } });
    expect(byStore.code).toBe(2);
    expect(expectOneLineError(byStore.stderr)).toMatch(/^bundle-triage: cannot open the store: postgres:\/\/nobody@127\.0\.0\.1:1\/none: /);
    const noUrl = await runCli(['serve', 'token', 'list', '--redis', 'redis://127.0.0.1:1'], { cwd, env: { BUNDLE_TRIAGE_POSTGRES_URL: '' } });
    expect(noUrl.code).toBe(2);
    expect(expectOneLineError(noUrl.stderr)).toBe('bundle-triage: usage: --postgres: distributed mode keeps its tokens in PostgreSQL: give --postgres URL (or set BUNDLE_TRIAGE_POSTGRES_URL) (see bundle-triage serve --help)');
    const both = await runCli(['serve', 'token', 'list', '--data', join(scratch, 'data'), '--postgres', UNREACHABLE_POSTGRES], { cwd });
    expect(both.code).toBe(2);
    expect(expectOneLineError(both.stderr)).toMatch(/^bundle-triage: usage: --data: embedded mode \(--data\) and distributed mode \(--redis, --postgres, --store\) exclude each other/);
    // None of them fell back to the embedded store.
    expect(existsSync(join(cwd, 'triage-data'))).toBe(false);
  });

  it.skipIf(!postgres)('writes the token into the PostgreSQL that --postgres names, and not into it without the flag', async () => {
    const database = await freshDatabase(postgres!);
    try {
      const cwd = join(scratch, 'postgres-tokens');
      mkdirSync(cwd);
      const created = await runCli(['serve', 'token', 'create', '--role', 'uploader', '--name', 'ci-uploads', '--postgres', database.url], { cwd });
      expect(created.stderr).toContain('token "ci-uploads" (uploader) created');
      expect(created.code).toBe(0);
      expect(existsSync(join(cwd, 'triage-data'))).toBe(false);
      const listed = await runCli(['serve', 'token', 'list', '--postgres', database.url], { cwd });
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/^\S+ {2}uploader {2}ci-uploads\n$/);
      // The URL in the environment alone is not distributed mode: the embedded store is empty.
      const embedded = await runCli(['serve', 'token', 'list'], { cwd, env: { BUNDLE_TRIAGE_POSTGRES_URL: database.url } });
      expect(embedded.code).toBe(0);
      expect(embedded.stdout).toBe('');
      expect(existsSync(join(cwd, 'triage-data', 'triage.db'))).toBe(true);
    } finally {
      await database.drop();
    }
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

  it('checks a token command line whole before it opens the store: a bad one makes no data folder', async () => {
    const cwd = mkdtempSync(join(scratch, 'token-args-'));
    for (const [args, message] of [
      [['serve', 'token', 'create', '--name', 'ci'], /--role: needs reader, uploader or admin/],
      [['serve', 'token', 'create', '--role', 'admin'], /--name: needs a name/],
      [['serve', 'token', 'revoke'], /token revoke needs the token id/],
      [['serve', 'token', 'rotate'], /serve token takes create, list or revoke/],
      [['serve', 'token', 'list', 'all'], /all: serve token list takes no argument/],
      [['serve', 'token', 'revoke', 'a1', 'b2'], /b2: serve token revoke takes one argument, the token id/],
    ] as const) {
      const run = await runCli([...args], { cwd });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(join(cwd, 'triage-data')), args.join(' ')).toBe(false);
    }
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
