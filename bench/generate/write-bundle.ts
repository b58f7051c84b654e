/**
 * Writes a planned bundle to disk, streaming: first the extracted folder (node zips included,
 * written with yazl from streamed members), then the `.zip` from that folder's files. Both zips
 * have Info-ZIP's layout (one top folder, a directory entry before its contents, names in byte
 * order, -rw-r--r-- files, drwxr-xr-x folders); nested zips are stored, everything else deflated.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import { infoZipOrder } from '../../packages/rules/src/testing/info-zip.js';
import type { BundleFile, BundlePlan } from './bundle-plan.js';
import { TextSink } from './text-sink.js';

const FILE_MODE = 0o100644;
const DIRECTORY_MODE = 0o040755;

/** Writes `<folder>/<top folder>/…` and returns the number of bytes written (node zips as zipped). */
export async function writeFolder(plan: BundlePlan, folder: string): Promise<void> {
  const root = join(folder, plan.topFolder);
  const mtime = new Date(plan.createdAt);
  for (const file of plan.files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (file.kind === 'bytes') writeFileSync(target, file.bytes);
    else if (file.kind === 'text') await writeText(file, createWriteStream(target));
    else await writeNestedZip(file, target, mtime);
  }
}

async function writeText(file: Extract<BundleFile, { kind: 'text' }>, stream: NodeJS.WritableStream & import('node:stream').Writable): Promise<void> {
  const sink = new TextSink(stream);
  await file.write(sink);
  await sink.end();
}

async function writeNestedZip(file: Extract<BundleFile, { kind: 'zip' }>, target: string, mtime: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  const out = createWriteStream(target);
  const closed = once(out, 'close');
  zip.outputStream.pipe(out);
  const byPath = new Map(file.files.map((member) => [member.path, member]));
  for (const { path, directory } of infoZipOrder(file.topFolder, [...byPath.keys()])) {
    if (directory) {
      zip.addEmptyDirectory(path, { mtime, mode: DIRECTORY_MODE });
      continue;
    }
    const member = byPath.get(path.slice(file.topFolder.length + 1))!;
    if (member.kind === 'bytes') {
      zip.addBuffer(Buffer.from(member.bytes), path, { mtime, mode: FILE_MODE, compress: member.bytes.length > 0 && !isStoredSuffix(path) });
    } else if (member.kind === 'text') {
      zip.addReadStreamLazy(path, { mtime, mode: FILE_MODE, compress: true }, (callback) => {
        const pass = new PassThrough({ highWaterMark: 1 << 20 });
        callback(null, pass);
        writeText(member, pass).catch((error: unknown) => pass.destroy(error as Error));
      });
    } else {
      throw new Error(`${path}: zips nested two levels deep are not generated`);
    }
  }
  zip.end();
  await closed;
}

/** Zips the folder written by writeFolder into `zipPath`, in Info-ZIP order. */
export async function writeZip(plan: BundlePlan, folder: string, zipPath: string): Promise<void> {
  const root = join(folder, plan.topFolder);
  const mtime = new Date(plan.createdAt);
  const zip = new yazl.ZipFile();
  const out = createWriteStream(zipPath);
  const closed = once(out, 'close');
  zip.outputStream.pipe(out);
  for (const { path, directory } of infoZipOrder(plan.topFolder, plan.files.map((file) => file.path))) {
    if (directory) {
      zip.addEmptyDirectory(path, { mtime, mode: DIRECTORY_MODE });
      continue;
    }
    const real = join(root, path.slice(plan.topFolder.length + 1));
    const empty = statSync(real).size === 0;
    zip.addFile(real, path, { mtime, mode: FILE_MODE, compress: !empty && !isStoredSuffix(path) });
  }
  zip.end();
  await closed;
}

/** Info-ZIP stores files with these suffixes instead of deflating them (its default `-n` list). */
function isStoredSuffix(path: string): boolean {
  return ['.zip', '.Z', '.zoo', '.arc', '.lzh', '.arj', '.gz', '.tgz', '.txz', '.xz'].some((suffix) => path.endsWith(suffix));
}
