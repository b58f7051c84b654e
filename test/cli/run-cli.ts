// Runs the built `bundle-triage` as a user's shell would: a subprocess, with a timeout, stdin
// given or closed, stdout and stderr kept apart. Not a TTY, so no progress and no colour.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliBin = join(repositoryRoot, 'packages/cli/dist/bin.js');
export const bundles = join(repositoryRoot, 'testdata/bundles');

/** The rule id of signature S01, the flagship case. */
export const S01 = 'mcc-harvester-modified-snapshot-validation-webhook';

export const fixture = {
  flagshipZip: 'testdata/bundles/flagship-v1.4.1.zip',
  flagshipFixedZip: 'testdata/bundles/flagship-v1.4.1-fixed.zip',
  flagshipTarGz: 'testdata/bundles/flagship-v1.4.1.tar.gz',
  flagshipFolder: 'testdata/bundles/flagship-v1.4.1',
  healthyZip: 'testdata/bundles/healthy-v1.4.2-3node.zip',
  healthyOneNodeZip: 'testdata/bundles/healthy-v1.4.1-1node.zip',
} as const;

/**
 * Each test runs the CLI a few times; on a loaded CI machine one run can take many seconds, so
 * the CLI tests get more time than the suite's default.
 */
export const CLI_TEST_TIMEOUT_MS = 240_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails the suite early, with the fix, when the CLI was not built. */
export function assertBuilt(): void {
  for (const file of [cliBin, join(repositoryRoot, 'packages/cli/dist/worker.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run pnpm build first (the CLI tests run the built command)`);
  }
}

export function runCli(args: readonly string[], options: { stdin?: Buffer; cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<CliRun> {
  // The caller's BUNDLE_TRIAGE_BUNDLE would change what get/describe/logs read: only a test sets it.
  const { BUNDLE_TRIAGE_BUNDLE: _ignored, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd: options.cwd ?? repositoryRoot,
      env: { ...inherited, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 120_000,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(options.stdin);
  });
}

/** A private temp folder, removed by the returned function. */
export function temporaryFolder(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `bundle-triage-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The one-line error contract: exactly one line, prefixed, no stack frame. */
export function expectOneLineError(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${stderr}`);
  const [line] = lines as [string];
  if (!line.startsWith('bundle-triage: ')) throw new Error(`error line does not start with "bundle-triage: ": ${line}`);
  if (/\n\s+at /.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  return line;
}
