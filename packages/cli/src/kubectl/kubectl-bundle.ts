import { existsSync } from 'node:fs';
import { openBundle, type Bundle } from '@bundle-triage/core';
import { UsageError } from '../errors/cli-error.js';
import { bundleInput, inputName, type BundleInput } from '../input/bundle-input.js';
import { readStdin } from '../input/read-stdin.js';
import type { CliIo } from '../io.js';

/** The environment variable that names the bundle of `get`, `describe` and `logs`. */
export const BUNDLE_ENV = 'BUNDLE_TRIAGE_BUNDLE';

export interface BundleArguments {
  input: BundleInput;
  /** The arguments after the bundle: what to read from it. */
  rest: string[];
  /** Where the bundle was named, for messages. */
  from: 'argument' | '--bundle' | typeof BUNDLE_ENV;
}

/**
 * Where the bundle of a kubectl-style read comes from, decided in one fixed order so that an
 * argument is never sometimes a bundle and sometimes a resource: `--bundle PATH` if given;
 * else `BUNDLE_TRIAGE_BUNDLE` if set (not empty); else the first argument. With `--bundle` or
 * the variable, every argument is a resource, pod or node.
 */
export function bundleArguments(command: string, positionals: readonly string[], bundleOption: string | undefined, io: CliIo): BundleArguments {
  if (bundleOption !== undefined) {
    if (bundleOption === '') throw new UsageError('--bundle', 'needs a bundle path', command);
    return { input: bundleInput(bundleOption), rest: [...positionals], from: '--bundle' };
  }
  const fromEnvironment = io.env[BUNDLE_ENV];
  if (fromEnvironment) return { input: bundleInput(fromEnvironment), rest: [...positionals], from: BUNDLE_ENV };
  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError(undefined, `no bundle given: name it first, or with --bundle PATH or ${BUNDLE_ENV}`, command);
  return { input: bundleInput(first), rest, from: 'argument' };
}

/**
 * When the bundle came from `--bundle` or the variable, an argument that looks like a bundle was
 * probably meant as one: the hint to add to an "unknown resource type" message.
 */
export function bundleLookalikeHint(argument: string, bundle: BundleArguments): string | undefined {
  if (bundle.from === 'argument') return undefined;
  const looksLikeBundle = /\.(zip|tar\.gz|tgz)$/i.test(argument) || argument.includes('/') || existsSync(argument);
  if (!looksLikeBundle) return undefined;
  return bundle.from === '--bundle'
    ? `--bundle names the bundle, so "${argument}" was read as a resource`
    : `${BUNDLE_ENV} is set (${inputName(bundle.input)}), so "${argument}" was read as a resource; use --bundle to name another bundle`;
}

/** Opens the bundle, runs `read`, and closes the bundle (also when `read` fails). */
export async function withBundle<T>(input: BundleInput, io: CliIo, read: (bundle: Bundle) => Promise<T>): Promise<T> {
  const source = input.kind === 'stdin' ? await readStdin(io.stdin, io.isTTY.stdin) : input.path;
  const bundle = await openBundle(source, io.signal ? { signal: io.signal } : {});
  try {
    return await read(bundle);
  } finally {
    await bundle.close();
  }
}
