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
    const named: BundleArguments = { input: bundleInput(bundleOption), rest: [...positionals], from: '--bundle' };
    refuseBundleLookalike(command, named);
    return named;
  }
  const fromEnvironment = io.env[BUNDLE_ENV];
  if (fromEnvironment) {
    const named: BundleArguments = { input: bundleInput(fromEnvironment), rest: [...positionals], from: BUNDLE_ENV };
    refuseBundleLookalike(command, named);
    return named;
  }
  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError(undefined, `no bundle given: name it first, or with --bundle PATH or ${BUNDLE_ENV}`, command);
  // `get vm` without a bundle: "vm" would be opened as one and fail as a missing file; say what happened.
  if (rest.length === 0 && first !== '-' && !first.includes('/') && !/\.(zip|tar\.gz|tgz)$/i.test(first) && !existsSync(first)) {
    throw new UsageError(first, `is not a bundle (no such file or folder) and no bundle is named otherwise: name it first, or with --bundle PATH or ${BUNDLE_ENV}`, command);
  }
  return { input: bundleInput(first), rest, from: 'argument' };
}

/**
 * With the bundle named by `--bundle` or the variable, a first argument that looks like a
 * bundle (`….zip`, `….tar.gz`, `….tgz`, or an existing path with a `/`) was surely meant as
 * one: refused with the reason, instead of being read as a resource.
 */
export function refuseBundleLookalike(command: string, bundle: BundleArguments): void {
  const [first] = bundle.rest;
  if (bundle.from === 'argument' || first === undefined) return;
  const looksLikeBundle = /\.(zip|tar\.gz|tgz)$/i.test(first) || (first.includes('/') && existsSync(first));
  if (!looksLikeBundle) return;
  const why =
    bundle.from === '--bundle'
      ? `--bundle names the bundle, so every argument is a resource`
      : `${BUNDLE_ENV} is set (${inputName(bundle.input)}), so every argument is a resource; use --bundle to name another bundle`;
  throw new UsageError(first, why, command);
}

/**
 * Opens the bundle, runs `read`, and closes the bundle (also when `read` fails). The node bundles
 * (and their supportconfig archives) are opened only by the reads that need them (a node's log, a
 * describe's findings and timeline): `get pods` lists no node zip.
 */
export async function withBundle<T>(input: BundleInput, io: CliIo, read: (bundle: Bundle) => Promise<T>): Promise<T> {
  const source = input.kind === 'stdin' ? await readStdin(io.stdin, io.isTTY.stdin) : input.path;
  const bundle = await openBundle(source, { nestedArchives: 'when-needed', ...(io.signal ? { signal: io.signal } : {}) });
  try {
    return await read(bundle);
  } finally {
    await bundle.close();
  }
}
