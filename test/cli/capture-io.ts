// An injected CliIo for running main() in-process: both streams captured, stdin given or empty.
import { Readable } from 'node:stream';
import type { CliIo } from '@bundle-triage/cli';

export function captureIo(options: { stdoutIsTTY?: boolean; stdin?: Buffer; columns?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    stdin: Readable.from(options.stdin ? [options.stdin] : []),
    isTTY: { stdin: false, stdout: options.stdoutIsTTY ?? false, stderr: false },
    env: {},
    ...(options.columns === undefined ? {} : { columns: options.columns }),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
