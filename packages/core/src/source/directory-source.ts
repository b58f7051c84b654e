import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { detectBundleRoot } from './bundle-root.js';
import { isInside } from './contained-file.js';
import { checkEntryName, refusedEntryMessage } from './entry-name.js';
import type { OpenContext } from './open-context.js';
import { messageOf } from './zip-archive.js';

/**
 * Lists an extracted bundle into the context's table: the folder itself, or the one bundle folder
 * it holds (same rule as for archives). Nothing is read. Symlinks are followed only when their
 * target stays inside the bundle root, and never into a folder that is already being walked.
 * Returns the root relative to `folder` (`''` when the folder is the bundle).
 */
export async function listDirectoryBundle(folder: string, context: OpenContext): Promise<string> {
  const top = await readdirSorted(folder);
  const topTwoLevels: { path: string; isDirectory: boolean }[] = [];
  for (const dirent of top) {
    const isDirectory = await isDirectoryFollowing(join(folder, dirent.name), dirent);
    topTwoLevels.push({ path: dirent.name, isDirectory });
    if (!isDirectory) continue;
    const children = await readdirSorted(join(folder, dirent.name)).catch(() => []);
    for (const child of children) topTwoLevels.push({ path: `${dirent.name}/${child.name}`, isDirectory: false });
  }
  const root = detectBundleRoot(topTwoLevels, context.location, 'folder');
  if (root !== '') {
    for (const dirent of top) {
      if (dirent.name === root) continue;
      context.diagnostics.add({ path: '', level: 'info', message: `ignored "${dirent.name}": outside the bundle folder ${root}` });
    }
  }
  const rootRealPath = await realpath(join(folder, root));
  await walk(context, rootRealPath, rootRealPath, '', [rootRealPath]);
  return root;
}

async function walk(
  context: OpenContext,
  rootRealPath: string,
  folderRealPath: string,
  folderPath: string,
  ancestors: readonly string[],
): Promise<void> {
  context.signal?.throwIfAborted();
  const report = (level: 'error' | 'warning', path: string, message: string): void =>
    context.diagnostics.add({ path, level, message });
  let dirents: Dirent[];
  try {
    dirents = await readdirSorted(folderRealPath);
  } catch (cause) {
    report('error', folderPath, `cannot list folder "${folderPath}": ${messageOf(cause)}`);
    return;
  }
  for (const dirent of dirents) {
    const path = folderPath === '' ? dirent.name : `${folderPath}/${dirent.name}`;
    const checked = checkEntryName(path);
    if (!checked.ok) {
      report('error', '', refusedEntryMessage(path, checked.reason));
      continue;
    }
    let target = join(folderRealPath, dirent.name);
    let stats: Stats;
    try {
      if (dirent.isSymbolicLink()) {
        const linked = await realpath(target).catch(() => undefined);
        if (linked === undefined) {
          report('warning', path, `skipped symlink "${path}": broken link`);
          continue;
        }
        if (!isInside(rootRealPath, linked)) {
          report('error', path, `refused symlink "${path}": points outside the bundle (to ${linked})`);
          continue;
        }
        target = linked;
        stats = await stat(target);
      } else {
        stats = await lstat(target);
      }
    } catch (cause) {
      report('error', path, `cannot read "${path}": ${messageOf(cause)}`);
      continue;
    }
    if (stats.isDirectory()) {
      if (ancestors.includes(target)) {
        report('warning', path, `skipped symlink "${path}": it loops back to a folder that contains it`);
        continue;
      }
      context.table.add('', path, { isDirectory: true, size: 0, content: { type: 'directory' } });
      await walk(context, rootRealPath, target, path, [...ancestors, target]);
    } else if (stats.isFile()) {
      context.table.add('', path, {
        isDirectory: false,
        size: stats.size,
        content: { type: 'fs-file', absolutePath: target, rootRealPath },
      });
    } else {
      // Reading a FIFO would block forever; devices and sockets are not bundle content.
      report('warning', path, `skipped "${path}": not a regular file or folder`);
    }
  }
}

async function readdirSorted(folder: string): Promise<Dirent[]> {
  const dirents = await readdir(folder, { withFileTypes: true });
  return dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function isDirectoryFollowing(path: string, dirent: Dirent): Promise<boolean> {
  if (!dirent.isSymbolicLink()) return dirent.isDirectory();
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}
