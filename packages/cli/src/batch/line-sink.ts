import { open, type FileHandle } from 'node:fs/promises';
import { CliError } from '../errors/cli-error.js';
import { writeFailureReason } from '../errors/errno-reason.js';
import type { TextSink } from '../io.js';

/** Where batch lines go as they come: stdout, or a .jsonl file written line by line (a crash keeps what was done). */
export interface LineSink {
  write(line: string): Promise<void>;
  close(): Promise<void>;
}

export function stdoutLines(stdout: TextSink): LineSink {
  return { write: async (line) => void stdout.write(line), close: async () => undefined };
}

export async function fileLines(path: string): Promise<LineSink> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'w');
  } catch (error) {
    throw new CliError('cannot write results', path, writeFailureReason(error), undefined, { cause: error });
  }
  return { write: async (line) => void (await handle.write(line)), close: () => handle.close() };
}
