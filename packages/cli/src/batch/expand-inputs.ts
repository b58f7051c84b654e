import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors/cli-error.js';
import { displayPath } from '../input/bundle-input.js';

const ARCHIVE_NAME = /\.(zip|tar\.gz|tgz)$/i;
const WILDCARD = /[*?[{]/;

/**
 * The bundles a `batch` argument names: a folder (its .zip, .tar.gz and extracted bundle folders),
 * a quoted glob (`'tickets/**\/*.zip'`, for shells that do not expand it), or one bundle. Sorted,
 * so runs are reproducible.
 */
export async function expandBatchInputs(patterns: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const matches = WILDCARD.test(pattern) ? await globBundles(pattern) : await namedBundles(pattern);
    if (matches.length === 0) throw new UsageError(pattern, 'matches no bundle (.zip, .tar.gz or extracted folder)', 'batch');
    for (const match of matches) found.add(displayPath(match));
  }
  return [...found].sort();
}

async function namedBundles(path: string): Promise<string[]> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) throw new UsageError(path, 'no such file or folder', 'batch');
  if (!stats.isDirectory()) return [path];
  // An extracted bundle is itself one bundle, not a folder of them.
  if (await isExtractedBundle(path)) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || (entry.isFile() && ARCHIVE_NAME.test(entry.name))))
    .map((entry) => join(path, entry.name));
}

async function isExtractedBundle(path: string): Promise<boolean> {
  const markers = await Promise.all(['metadata.yaml', 'yamls'].map((name) => stat(join(path, name)).then(() => true, () => false)));
  return markers.some(Boolean);
}

async function globBundles(pattern: string): Promise<string[]> {
  const segments = pattern.split(/[\\/]/);
  const literal = segments.findIndex((segment) => WILDCARD.test(segment));
  const base = segments.slice(0, literal).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const matcher = globRegExp(pattern.startsWith('./') ? pattern.slice(2) : pattern);
  const matches: string[] = [];
  const walk = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      // As in a shell, `*` does not match hidden files (.DS_Store, .git).
      if (entry.name.startsWith('.')) continue;
      const path = folder === '.' ? entry.name : join(folder, entry.name).replace(/\\/g, '/');
      if (matcher.test(path)) matches.push(path);
      // Do not walk into a matched bundle folder: it is one bundle, and its files would match `**`.
      else if (entry.isDirectory() && depth < 16) await walk(path, depth + 1);
    }
  };
  await walk(base, 0);
  return matches;
}

/** `*` and `?` within a path segment, `**` across segments, `{a,b}` alternatives, `[…]` classes. */
export function globRegExp(pattern: string): RegExp {
  let source = '';
  let openBraces = 0;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (pattern.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (pattern.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      openBraces += 1;
      source += '(?:';
    } else if (char === '}' && openBraces > 0) {
      openBraces -= 1;
      source += ')';
    } else if (char === ',' && openBraces > 0) source += '|';
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(index + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = end;
      }
    } else source += char.replace(/[.+^$(){}|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
