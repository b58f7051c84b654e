import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError, UsageError } from '../errors/cli-error.js';
import { errnoReason, isErrnoError, writeFailureReason } from '../errors/errno-reason.js';

/** Where reports go: stdout, one file (`--out report.json`), or one file per bundle in a folder (`--out reports/`). */
export type ReportDestination = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'directory'; path: string };

/**
 * `--out` names a folder when it is one already or ends with `/`; otherwise a file. A file can
 * hold one report only, so several bundles with `--out FILE` is a usage error. A file's folder
 * must exist, and is checked here, before any bundle is read.
 */
export async function resolveDestination(out: string | undefined, bundleCount: number, command: string): Promise<ReportDestination> {
  if (out === undefined || out === '-') return { kind: 'stdout' };
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory() || /[\\/]$/.test(out)) return { kind: 'directory', path: out };
  if (bundleCount > 1) {
    throw new UsageError('--out', `${bundleCount} bundles need a folder for their reports, not the file "${out}" (end it with / to make one)`, command);
  }
  await requireFolderOf(out, 'cannot write report');
  return { kind: 'file', path: out };
}

/** The folder a file is to be written into must exist: `--out` never makes one for a file. */
async function requireFolderOf(file: string, what: string): Promise<void> {
  const folder = await stat(dirname(file)).catch((error: unknown) => {
    throw new CliError(what, file, writeFailureReason(error), undefined, { cause: error });
  });
  if (!folder.isDirectory()) throw new CliError(what, file, 'a part of the path is not a folder');
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

/** An `--out DIR/` that does not exist yet is made, with its parents (as documented for a path ending in `/`). */
export async function makeReportFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new CliError('cannot write report', path, isErrnoError(error) ? errnoReason(error) : String(error), undefined, { cause: error });
  }
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliError('cannot write report', path, writeFailureReason(error), undefined, { cause: error });
  }
}
