import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError, UsageError } from '../errors/cli-error.js';
import { errnoReason, isErrnoError } from '../errors/errno-reason.js';

/** Where reports go: stdout, one file (`--out report.json`), or one file per bundle in a folder (`--out reports/`). */
export type ReportDestination = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'directory'; path: string };

/**
 * `--out` names a folder when it is one already or ends with `/`; otherwise a file. A file can
 * hold one report only, so several bundles with `--out FILE` is a usage error.
 */
export async function resolveDestination(out: string | undefined, bundleCount: number, command: string): Promise<ReportDestination> {
  if (out === undefined || out === '-') return { kind: 'stdout' };
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory() || /[\\/]$/.test(out)) return { kind: 'directory', path: out };
  if (bundleCount > 1) {
    throw new UsageError('--out', `${bundleCount} bundles need a folder for their reports, not the file "${out}" (end it with / to make one)`, command);
  }
  return { kind: 'file', path: out };
}

/** Names `<bundle>.<ext>` in a folder, never twice (`a.zip` and `a.tar.gz` → `a.json`, `a-2.json`). */
export class ReportFileNames {
  readonly #used = new Set<string>();

  constructor(private readonly directory: string) {}

  next(baseName: string, extension: string): string {
    let name = `${baseName}.${extension}`;
    for (let suffix = 2; this.#used.has(name); suffix += 1) name = `${baseName}-${suffix}.${extension}`;
    this.#used.add(name);
    return join(this.directory, name);
  }
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new CliError('cannot write report', path, isErrnoError(error) ? errnoReason(error) : String(error), undefined, { cause: error });
  }
}
