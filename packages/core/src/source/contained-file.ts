import { constants } from 'node:fs';
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
  let real: string;
  try {
    real = await realpath(absolutePath);
  } catch (cause) {
    throw new BundleEntryNotFoundError(`${absolutePath}: no longer exists (entry "${bundlePath}")`, { path: bundlePath, cause });
  }
  if (!isInside(rootRealPath, real)) {
    throw new BundleUnsafePathError(`${absolutePath}: now leads outside the bundle folder (to ${real}); refused`, {
      path: bundlePath,
    });
  }
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new BundleUnsafePathError(`${absolutePath}: is no longer a regular file; refused`, { path: bundlePath });
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
