/**
 * Builders of test bundles (zip, tar.gz, folder) for the source tests. Test-only: nothing in the
 * library imports this file. Archives are built in memory with yazl and tar-stream so the tests
 * do not depend on the machine's zip or tar.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tarStream from 'tar-stream';
import yazl from 'yazl';

/** One entry of a test archive. A name ending in `/` is a directory. */
export interface TestEntry {
  name: string;
  data?: string | Buffer;
  /** zip: deflate (default) or store. */
  compress?: boolean;
  /** tar only. */
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo' | 'character-device';
  linkname?: string;
}

const MTIME = new Date('2024-01-02T03:04:05Z');

export async function zipBytes(entries: readonly TestEntry[], options: { zip64?: boolean } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) zip.addEmptyDirectory(entry.name, { mtime: MTIME });
    else {
      zip.addBuffer(toBuffer(entry.data), entry.name, {
        mtime: MTIME,
        compress: entry.compress ?? true,
        forceZip64Format: options.zip64 ?? false,
      });
    }
  }
  zip.end();
  return collect(zip.outputStream);
}

export async function tarBytes(entries: readonly TestEntry[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const output = collect(pack as unknown as AsyncIterable<Buffer>);
  for (const entry of entries) {
    const type = entry.type ?? (entry.name.endsWith('/') ? 'directory' : 'file');
    const header = { name: entry.name, type, mtime: MTIME, ...(entry.linkname ? { linkname: entry.linkname } : {}) };
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null): void => (error ? reject(error) : resolve());
      if (type === 'file') pack.entry(header, toBuffer(entry.data), done);
      else pack.entry(header, done);
    });
  }
  pack.finalize();
  return output;
}

export async function tarGzBytes(entries: readonly TestEntry[]): Promise<Buffer> {
  return gzipSync(await tarBytes(entries));
}

/** Writes files and folders (names ending in `/`) below `folder`. */
export async function writeTree(folder: string, entries: readonly TestEntry[]): Promise<void> {
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.name.endsWith('/')) await mkdir(path, { recursive: true });
    else if (entry.type === 'symlink') {
      await mkdir(dirname(path), { recursive: true });
      await symlink(entry.linkname ?? '', path);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, toBuffer(entry.data));
    }
  }
}

/** Every file and folder below `folder` as test entries (folders first, then their content). */
export async function readTree(folder: string, prefix = ''): Promise<TestEntry[]> {
  const entries: TestEntry[] = [];
  const dirents = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const dirent of dirents) {
    const name = `${prefix}${dirent.name}`;
    if (dirent.isDirectory()) {
      entries.push({ name: `${name}/` }, ...(await readTree(join(folder, dirent.name), `${name}/`)));
    } else {
      // Info-ZIP stores .zip members as they are; do the same so nested zips are read in place.
      entries.push({ name, data: await readFile(join(folder, dirent.name)), compress: !name.endsWith('.zip') });
    }
  }
  return entries;
}

/** `entries` moved under one top folder, with its directory entry, as Harvester zips them. */
export function underFolder(folder: string, entries: readonly TestEntry[]): TestEntry[] {
  return [{ name: `${folder}/` }, ...entries.map((entry) => ({ ...entry, name: `${folder}/${entry.name}` }))];
}

/** A small node zip as the collector writes it: everything under `<node>/`, with folder entries. */
export async function nodeZipBytes(node = 'node1', compress = false): Promise<Buffer> {
  return zipBytes([
    { name: `${node}/` },
    { name: `${node}/configs/` },
    { name: `${node}/configs/etc/` },
    { name: `${node}/configs/etc/os-release`, data: 'NAME="Harvester"\nID="harvester"\n', compress },
    { name: `${node}/logs/` },
    { name: `${node}/logs/kernel.log`, data: KERNEL_LOG, compress },
  ]);
}

export const KERNEL_LOG = Array.from({ length: 400 }, (_, i) => `Mar 22 23:50:${String(i % 60).padStart(2, '0')} node1 kernel: line ${i}\n`).join('');

/** A small bundle (root-relative entries, folders listed) with one stored node zip. */
export async function smallBundle(nodeZip?: Buffer): Promise<TestEntry[]> {
  return [
    { name: 'bundleGenerationError.log', data: '' },
    { name: 'logs/' },
    { name: 'logs/harvester-system/' },
    { name: 'logs/harvester-system/harvester-5d8f/' },
    // Over the tar.gz in-memory threshold, so it is spilled to the temp folder.
    { name: 'logs/harvester-system/harvester-5d8f/apiserver.log', data: 'I0322 23:49:32 started\n'.repeat(8000) },
    { name: 'metadata.yaml', data: 'bundlename: ""\nbundleversion: 0.1.0\nkubernetesversion: v1.21.7+rke2r1\n' },
    { name: 'nodes/' },
    { name: 'nodes/node1.zip', data: nodeZip ?? (await nodeZipBytes()), compress: false },
    { name: 'yamls/' },
    { name: 'yamls/cluster/' },
    { name: 'yamls/cluster/v1/' },
    { name: 'yamls/cluster/v1/nodes.yaml', data: 'apiVersion: v1\nkind: List\nitems: []\n' },
  ];
}

export const BUNDLE_FOLDER = 'supportbundle_9b6b22de-0000-4000-8000-000000000000_2022-03-22T23-49-32Z';

/** Replaces every occurrence of `from` by `to` (same length), e.g. to plant names yazl refuses to write. */
export function patchBytes(bytes: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('patchBytes needs equal lengths');
  const patched = Buffer.from(bytes);
  const needle = Buffer.from(from, 'latin1');
  for (let at = patched.indexOf(needle); at !== -1; at = patched.indexOf(needle, at + 1)) {
    patched.write(to, at, 'latin1');
  }
  return patched;
}

/** Rewrites the uncompressed size the central directory declares for `name`. */
export function setDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = patched.indexOf('PK\u0001\u0002', 0, 'latin1'); at !== -1; at = patched.indexOf('PK\u0001\u0002', at + 4, 'latin1')) {
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('latin1', at + 46, at + 46 + nameLength) === name) {
      patched.writeUInt32LE(size, at + 24);
      return patched;
    }
  }
  throw new Error(`no central directory entry ${name}`);
}

export async function makeTempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `bt-test-${label}-`));
}

export async function removeDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

function toBuffer(data: string | Buffer | undefined): Buffer {
  return typeof data === 'string' ? Buffer.from(data) : (data ?? Buffer.alloc(0));
}

async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
