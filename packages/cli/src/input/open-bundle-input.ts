import { openBundle, type Bundle } from '@bundle-triage/core';
import { writeError } from '../errors/write-error.js';
import type { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { Progress } from '../progress.js';
import { inputName, type BundleInput } from './bundle-input.js';
import { readStdin } from './read-stdin.js';

/** Opens a bundle named on the command line (a path, or `-` for stdin), showing its progress. */
export async function openBundleInput(input: BundleInput, io: CliIo, progress: Progress): Promise<Bundle> {
  const name = inputName(input);
  const source = input.kind === 'stdin' ? await readStdin(io.stdin, io.isTTY.stdin) : input.path;
  let entries = 0;
  return openBundle(source, {
    ...(io.signal ? { signal: io.signal } : {}),
    onProgress: (event) => {
      if (event.phase === 'indexed') entries = event.entries;
      progress.update(`${name}: ${entries} entries indexed${event.phase === 'read' ? `, ${event.filesRead} files read` : ''}`);
    },
  });
}

/**
 * Opens the bundle, runs `work` on it and closes it (also when `work` fails); a failure is the
 * one-line error on stderr and its exit code, as for every command.
 */
export async function withBundleInput(
  input: BundleInput,
  io: CliIo,
  progress: Progress,
  verbose: boolean,
  work: (bundle: Bundle, name: string) => Promise<ExitCode>,
): Promise<ExitCode> {
  const name = inputName(input);
  try {
    const bundle = await openBundleInput(input, io, progress);
    try {
      return await work(bundle, name);
    } finally {
      await bundle.close();
    }
  } catch (error) {
    progress.clear();
    return writeError(io.stderr, error, { input: name, verbose });
  }
}
