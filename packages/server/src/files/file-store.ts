import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { ArchiveFormat } from '../store/records.js';

/**
 * The files of the service, under one root (the data folder, or the shared store of distributed
 * mode):
 *
 *   bundles/<sha[0:2]>/<sha256>.zip|.tar.gz   uploaded bundles, named by content (removed by retention)
 *   reports/<id[0:2]>/<analysis id>.json      the redacted report of each analysis (kept)
 *   incoming/<uuid>.part                      uploads being received
 *   work/                                     private temp folders of analyses (tar.gz members)
 *
 * Keys are made here from hashes and ids, never from names a client sent, and checked again
 * before use: nothing is read or written outside the root.
 */
export class FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Makes the folders; removes uploads left half-received (by a crash) more than an hour ago. */
  async prepare(): Promise<void> {
    for (const folder of ['bundles', 'reports', 'incoming', 'work']) await mkdir(join(this.root, folder), { recursive: true });
    const cutoff = Date.now() - 60 * 60 * 1000;
    for (const name of await readdir(join(this.root, 'incoming'))) {
      const path = join(this.root, 'incoming', name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await rm(path, { force: true, recursive: true });
    }
  }

  /** A new file name for an upload being received. */
  incomingPath(): string {
    return join(this.root, 'incoming', `${randomUUID()}.part`);
  }

  /** Parent of the analyses' private temp folders. */
  get workDir(): string {
    return join(this.root, 'work');
  }

  bundleKey(sha256: string, format: ArchiveFormat): string {
    return `bundles/${sha256.slice(0, 2)}/${sha256}.${format === 'zip' ? 'zip' : 'tar.gz'}`;
  }

  reportKey(analysisId: string): string {
    return `reports/${analysisId.slice(0, 2)}/${analysisId}.json`;
  }

  /** The absolute path of a key made by this store; throws for anything else. */
  path(key: string): string {
    if (!KEY.test(key)) throw new RangeError(`not a file store key: ${JSON.stringify(key)}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new RangeError(`key outside the store: ${JSON.stringify(key)}`);
    return path;
  }

  /**
   * Moves a received upload to its place by content. The same content received twice is one
   * file: the second copy is dropped.
   */
  async adoptBundle(receivedPath: string, sha256: string, format: ArchiveFormat): Promise<string> {
    const key = this.bundleKey(sha256, format);
    const target = this.path(key);
    await mkdir(join(target, '..'), { recursive: true });
    if (await exists(target)) await rm(receivedPath, { force: true });
    else await rename(receivedPath, target);
    return key;
  }

  async removeBundle(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Writes the report whole or not at all (a temp file renamed over it). */
  async writeReport(analysisId: string, json: string): Promise<string> {
    const key = this.reportKey(analysisId);
    const target = this.path(key);
    await mkdir(join(target, '..'), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, json);
    await rename(temporary, target);
    return key;
  }

  /** The stored report's JSON text, or undefined when there is none. */
  async readReport(analysisId: string): Promise<string | undefined> {
    return readFile(this.path(this.reportKey(analysisId)), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  }
}

const KEY = /^(bundles\/[0-9a-f]{2}\/[0-9a-f]{64}\.(zip|tar\.gz)|reports\/[0-9a-z]{2}\/[0-9a-z-]{8,64}\.json)$/;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
