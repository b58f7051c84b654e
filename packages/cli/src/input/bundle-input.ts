import { basename, isAbsolute, relative, resolve, sep } from 'node:path';

/** A bundle named on the command line: a path (file or folder), or `-` for standard input. */
export type BundleInput = { kind: 'path'; path: string } | { kind: 'stdin' };

/** The argument that means standard input. */
export const STDIN_ARGUMENT = '-';

/** How messages and reports name a bundle read from standard input: a `-:` in an error line reads as a typo. */
export const STDIN_NAME = '<stdin>';

export function bundleInput(argument: string): BundleInput {
  return argument === STDIN_ARGUMENT ? { kind: 'stdin' } : { kind: 'path', path: displayPath(argument) };
}

/** How the input is named in messages and reports. */
export function inputName(input: BundleInput): string {
  return input.kind === 'stdin' ? STDIN_NAME : input.path;
}

/**
 * Paths in output are relative to the working folder so they stay short and clickable; a path
 * outside it stays as the user wrote it.
 */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (!isAbsolute(path)) return path;
  const relativePath = relative(cwd, resolve(path));
  return relativePath === '' ? '.' : relativePath.startsWith(`..${sep}`) || relativePath === '..' || isAbsolute(relativePath) ? path : relativePath;
}

/** `flagship-v1.4.1.zip` → `flagship-v1.4.1`: the name of the report written for it into an `--out` folder. */
export function bundleBaseName(input: BundleInput): string {
  if (input.kind === 'stdin') return 'stdin';
  const name = basename(input.path.replace(/[\\/]+$/, '')) || 'bundle';
  return name.replace(/\.(zip|tar\.gz|tgz)$/i, '');
}
