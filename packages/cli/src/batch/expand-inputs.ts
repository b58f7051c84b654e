import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors/cli-error.js';
import { displayPath } from '../input/bundle-input.js';

const ARCHIVE_NAME = /\.(zip|tar\.gz|tgz)$/i;
const WILDCARD = /[*?[{]/;

/** Called for a folder that was found but is not taken as a bundle (for `--verbose`). */
export type OnSkippedFolder = (path: string, reason: string) => void;

const NOT_A_BUNDLE = 'not a bundle (no metadata.yaml or yamls/, nor a single supportbundle_* folder holding them)';

/**
 * The bundles a `batch` argument names: a folder (its .zip, .tar.gz and extracted bundle folders),
 * a quoted glob (`'tickets/**\/*.zip'`, for shells that do not expand it), or one bundle. Sorted,
 * so runs are reproducible. A folder inside is taken only when it looks like a bundle: a ticket
 * folder also holds `screenshots/` and the like, and those are not unreadable bundles.
 */
export async function expandBatchInputs(patterns: readonly string[], onSkippedFolder: OnSkippedFolder = () => undefined): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const candidates = WILDCARD.test(pattern) ? await globBundles(pattern) : await namedBundles(pattern);
    const matches: string[] = [];
    for (const candidate of candidates) {
      if (candidate.isDirectory && !(await looksLikeBundleFolder(candidate.path))) onSkippedFolder(displayPath(candidate.path), NOT_A_BUNDLE);
      else matches.push(candidate.path);
    }
    if (matches.length === 0) throw new UsageError(pattern, 'matches no bundle (.zip, .tar.gz or extracted folder)', 'batch');
    for (const match of matches) found.add(displayPath(match));
  }
  return [...found].sort();
}

interface Candidate {
  path: string;
  isDirectory: boolean;
}

async function namedBundles(path: string): Promise<Candidate[]> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) throw new UsageError(path, 'no such file or folder', 'batch');
  // A named file is taken as given; an extracted bundle is itself one bundle, not a folder of them.
  if (!stats.isDirectory()) return [{ path, isDirectory: false }];
  if (await looksLikeBundleFolder(path)) return [{ path, isDirectory: true }];
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || (entry.isFile() && ARCHIVE_NAME.test(entry.name))))
    .map((entry) => ({ path: join(path, entry.name), isDirectory: entry.isDirectory() }));
}

/**
 * An extracted bundle: `metadata.yaml` or `yamls/` at its top, or in its one `supportbundle_*`
 * folder (what unzipping a Harvester download into a folder of its own gives).
 */
async function looksLikeBundleFolder(path: string): Promise<boolean> {
  if (await hasBundleMarker(path)) return true;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  const wrapped = entries.filter((entry) => entry.isDirectory() && entry.name.startsWith('supportbundle_'));
  return wrapped.length === 1 && (await hasBundleMarker(join(path, wrapped[0]!.name)));
}

async function hasBundleMarker(path: string): Promise<boolean> {
  const markers = await Promise.all(['metadata.yaml', 'yamls'].map((name) => stat(join(path, name)).then(() => true, () => false)));
  return markers.some(Boolean);
}

async function globBundles(pattern: string): Promise<Candidate[]> {
  const segments = pattern.split(/[\\/]/);
  const literal = segments.findIndex((segment) => WILDCARD.test(segment));
  const base = segments.slice(0, literal).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const matcher = globRegExp(pattern.startsWith('./') ? pattern.slice(2) : pattern);
  const matches: Candidate[] = [];
  const walk = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      // As in a shell, `*` does not match hidden files (.DS_Store, .git).
      if (entry.name.startsWith('.')) continue;
      const path = folder === '.' ? entry.name : join(folder, entry.name).replace(/\\/g, '/');
      if (matcher.test(path)) matches.push({ path, isDirectory: entry.isDirectory() });
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
