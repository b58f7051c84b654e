import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ServiceLogEntry } from '../../packages/server/src/index.js';

const SCRIPT = fileURLToPath(new URL('./service-process.mjs', import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  url: string | null;
  logs: ServiceLogEntry[];
  /** Resolves with the process's exit (code or signal). */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): Promise<number | string>;
}

/** Starts service-process.mjs and waits until it says it is ready. */
export async function startServiceProcess(
  config: { role: 'serve' | 'worker'; options: Record<string, unknown>; gateDir?: string },
  timeoutMs = 60_000,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [SCRIPT, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const logs: ServiceLogEntry[] = [];
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    let newline;
    while ((newline = stderr.indexOf('\n')) >= 0) {
      const line = stderr.slice(0, newline);
      stderr = stderr.slice(newline + 1);
      try {
        logs.push(JSON.parse(line) as ServiceLogEntry);
      } catch {
        logs.push({ level: 'error', event: 'stderr', message: line });
      }
    }
  });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const ready = await new Promise<{ url: string | null }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`${config.role} process did not start in ${timeoutMs} ms: ${logs.map((entry) => entry.message).join(' | ')}`)), timeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(stdout.split('\n')[0]!) as { url: string | null });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${config.role} process exited (${code}) before it was ready: ${logs.map((entry) => entry.message).join(' | ')}`));
    });
  });
  return {
    child,
    url: ready.url,
    logs,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
