import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';
import { BundleEntryNotFoundError, BundleUnsafePathError } from '../errors.js';

/** True when `path` is `root` or below it (both real, absolute paths). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Opens a file of an extracted bundle for reading, re-checked at open time: the folder may have
 * changed since it was listed, and a symlink swapped in since must not lead outside the root.
 * `O_NONBLOCK` keeps a FIFO swapped in from blocking the open; it is then refused as not a file.
 */
export async function openContainedFile(rootRealPath: string, absolutePath: string, bundlePath: string): Promise<FileHandle> {
  const real = containedRealPath(rootRealPath, absolutePath, bundlePath, await realpath(absolutePath).catch((cause: unknown) => gone(absolutePath, bundlePath, cause)));
  const handle = await open(real, OPEN_FLAGS);
  try {
    assertRegularFile((await handle.stat()).isFile(), absolutePath, bundlePath);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * A small file of an extracted bundle read whole, synchronously, with the same checks as
 * `openContainedFile`. Most resource lists are a few kB: the five thread-pool round trips of an
 * asynchronous open, stat, read and close cost more than the read, and left the decoding
 * thread idle between files. Undefined when the file has grown past `maxBytes` (read it as a
 * stream, which bounds it).
 */
export function readSmallContainedFile(rootRealPath: string, absolutePath: string, bundlePath: string, maxBytes: number): Buffer | undefined {
  let found: string;
  try {
    found = realpathSync(absolutePath);
  } catch (cause) {
    gone(absolutePath, bundlePath, cause);
  }
  const fd = openSync(containedRealPath(rootRealPath, absolutePath, bundlePath, found), OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    assertRegularFile(stats.isFile(), absolutePath, bundlePath);
    if (stats.size > maxBytes) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

function gone(absolutePath: string, bundlePath: string, cause: unknown): never {
  throw new BundleEntryNotFoundError(`${absolutePath}: no longer exists (entry "${bundlePath}")`, { path: bundlePath, cause });
}

/** `real` (the path resolved now), refused when it leads outside the bundle folder. */
function containedRealPath(rootRealPath: string, absolutePath: string, bundlePath: string, real: string): string {
  if (!isInside(rootRealPath, real)) {
    throw new BundleUnsafePathError(`${absolutePath}: now leads outside the bundle folder (to ${real}); refused`, { path: bundlePath });
  }
  return real;
}

function assertRegularFile(isFile: boolean, absolutePath: string, bundlePath: string): void {
  if (!isFile) throw new BundleUnsafePathError(`${absolutePath}: is no longer a regular file; refused`, { path: bundlePath });
}
