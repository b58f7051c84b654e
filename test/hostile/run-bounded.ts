// Runs the built CLI on hostile input the way a triage pipeline would, and measures what the run
// cost: wall time, peak memory, and every file it left behind. The child gets a private TMPDIR
// (its os.tmpdir()) and an empty working folder, so "nothing written outside the analyzer's temp
// folder" can be checked exactly, whatever other tests do in the shared temp folder meanwhile.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBin } from '../cli/run-cli.js';

const LAUNCHER = fileURLToPath(new URL('./peak-rss-launcher.mjs', import.meta.url));

/** What the issue allows one run on any input. */
export const RUN_BOUNDS = { wallMs: 30_000, peakRssBytes: 512 * 1024 * 1024 } as const;

export interface BoundedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak resident set size of the CLI process (VmHWM on Linux). */
  peakRssBytes: number | undefined;
  /** Files and folders the run left in its TMPDIR or its working folder. */
  leftBehind: string[];
}

/** A folder for one test's runs; `remove()` deletes it. */
export function runFolder(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `hostile-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * `bundle-triage <args>` in a child process, killed at the time bound. `scratch` must be an
 * empty folder owned by the caller: the child's TMPDIR and working folder are made inside it.
 */
export function runCliBounded(args: readonly string[], scratch: string, options: { stdin?: Buffer } = {}): Promise<BoundedRun> {
  const temp = join(scratch, 'tmp');
  const cwd = join(scratch, 'cwd');
  mkdirSync(temp);
  mkdirSync(cwd);
  const peakFile = join(scratch, 'peak-rss');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, cliBin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', TMPDIR: temp, TMP: temp, TEMP: temp, BUNDLE_TRIAGE_PEAK_RSS_FILE: peakFile },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: RUN_BOUNDS.wallMs,
      killSignal: 'SIGKILL',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let peakRssBytes: number | undefined;
      try {
        peakRssBytes = Number(readFileSync(peakFile, 'utf8'));
      } catch {
        peakRssBytes = undefined;
      }
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        wallMs: Date.now() - started,
        peakRssBytes,
        leftBehind: [...listTree(temp), ...listTree(cwd)].map((path) => relative(scratch, path)),
      });
    });
    child.stdin.end(options.stdin);
  });
}

function listTree(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => join(folder, name));
}

/** Every file under `folder` with its size, modification time and content hash: to prove a run changed nothing. */
export function fingerprintTree(folder: string): Record<string, string> {
  const prints: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, name);
    const stats = statSync(path);
    const hash = stats.isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'folder';
    prints[name] = `${stats.size} ${stats.mtimeMs} ${stats.mode} ${hash}`;
  }
  return prints;
}

/** The checks every run gets, as one message per broken bound (empty when within bounds). */
export function boundViolations(run: BoundedRun): string[] {
  const problems: string[] = [];
  if (run.signal !== null || run.wallMs >= RUN_BOUNDS.wallMs) problems.push(`ran ${run.wallMs} ms (killed: ${run.signal ?? 'no'}), over ${RUN_BOUNDS.wallMs} ms`);
  if (run.peakRssBytes === undefined) problems.push('peak memory was not recorded (the CLI did not exit normally)');
  else if (run.peakRssBytes >= RUN_BOUNDS.peakRssBytes) problems.push(`peak RSS ${Math.round(run.peakRssBytes / 2 ** 20)} MB, over ${RUN_BOUNDS.peakRssBytes / 2 ** 20} MB`);
  if (run.leftBehind.length > 0) problems.push(`left behind: ${run.leftBehind.join(', ')}`);
  if (/\n\s+at /.test(run.stderr)) problems.push(`stack trace on stderr: ${run.stderr}`);
  return problems;
}
