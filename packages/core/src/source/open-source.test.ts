import { open, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleEntryNotFoundError, BundleError, BundleFormatError, BundleLimitError, BundleNotFoundError } from '../errors.js';
import { DEFAULT_LIMITS, resolveLimits, type BundleLimits } from '../limits.js';
import type { BundleSource } from './bundle-source.js';
import { openSource } from './open-source.js';
import {
  BUNDLE_FOLDER,
  KERNEL_LOG,
  makeTempDir,
  nodeZipBytes,
  removeDir,
  smallBundle,
  tarBytes,
  tarGzBytes,
  underFolder,
  writeTree,
  zipBytes,
} from './test-archives.js';

const limits: BundleLimits = { ...DEFAULT_LIMITS };
let work: string;
let temp: string;
const opened: BundleSource[] = [];

async function openIt(input: string | Uint8Array, overrides: Partial<BundleLimits> = {}): Promise<BundleSource> {
  const source = await openSource(input, { limits: resolveLimits(overrides), tempDir: temp });
  opened.push(source);
  return source;
}

async function text(source: BundleSource, path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await source.openStream(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

beforeEach(async () => {
  work = await makeTempDir('work');
  temp = await makeTempDir('temp');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((source) => source.close()));
  await removeDir(work);
  await removeDir(temp);
});

describe('openSource: one bundle, every format, the same entries', () => {
  it('lists identical entries (paths, kinds, sizes) for a folder, a zip with a top folder, a tar.gz and both as Buffers', async () => {
    const bundle = await smallBundle();
    const folder = join(work, 'extracted');
    await writeTree(folder, bundle);
    const zip = await zipBytes(underFolder(BUNDLE_FOLDER, bundle));
    const tgz = await tarGzBytes(underFolder(BUNDLE_FOLDER, bundle));
    await writeFile(join(work, 'bundle.zip'), zip);
    await writeFile(join(work, 'bundle.tar.gz'), tgz);

    const sources = [
      await openIt(folder),
      await openIt(join(work, 'bundle.zip')),
      await openIt(join(work, 'bundle.tar.gz')),
      await openIt(zip),
      await openIt(new Uint8Array(tgz)),
    ];
    expect(sources.map((s) => s.format)).toEqual(['directory', 'zip', 'tar.gz', 'zip', 'tar.gz']);
    expect(sources.map((s) => s.root)).toEqual(['', BUNDLE_FOLDER, BUNDLE_FOLDER, BUNDLE_FOLDER, BUNDLE_FOLDER]);
    const [first, ...rest] = sources.map((s) => s.entries);
    for (const entries of rest) expect(entries).toEqual(first);
    for (const source of sources) expect(source.diagnostics).toEqual([]);

    expect(first).toContainEqual({ path: 'nodes/node1.zip', kind: 'archive', size: expect.any(Number) });
    expect(first).toContainEqual({ path: 'nodes/node1.zip!/node1', kind: 'directory', size: 0 });
    expect(first).toContainEqual({ path: 'nodes/node1.zip!/node1/logs/kernel.log', kind: 'file', size: KERNEL_LOG.length });
    const paths = first!.map((e) => e.path);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const source of sources) {
      expect(await text(source, 'nodes/node1.zip!/node1/logs/kernel.log')).toBe(KERNEL_LOG);
      expect((await source.readFile('metadata.yaml')).toString()).toContain('bundleversion: 0.1.0');
    }
  });

  it('synthesizes missing parent folders, so a zip without folder entries lists the same', async () => {
    const bundle = await smallBundle();
    const withFolders = await openIt(await zipBytes(underFolder(BUNDLE_FOLDER, bundle)));
    const filesOnly = await openIt(await zipBytes(underFolder(BUNDLE_FOLDER, bundle).filter((e) => !e.name.endsWith('/'))));
    expect(filesOnly.entries).toEqual(withFolders.entries);
  });

  it('takes the one supportbundle_* folder inside a given folder as the root', async () => {
    await writeTree(join(work, 'downloads', BUNDLE_FOLDER), await smallBundle());
    const source = await openIt(join(work, 'downloads'));
    expect(source.root).toBe(BUNDLE_FOLDER);
    expect(source.entries.map((e) => e.path)).toContain('yamls/cluster/v1/nodes.yaml');
  });

  it('accepts an archive whose entries sit at the top (root "")', async () => {
    const source = await openIt(await zipBytes(await smallBundle()));
    expect(source.root).toBe('');
    expect(source.entries.map((e) => e.path)).toContain('metadata.yaml');
  });

  it('reads a zip64 archive', async () => {
    const source = await openIt(await zipBytes(underFolder(BUNDLE_FOLDER, await smallBundle()), { zip64: true }));
    expect(await text(source, 'nodes/node1.zip!/node1/logs/kernel.log')).toBe(KERNEL_LOG);
  });
});

describe('openSource: nested node zips', () => {
  it('reads a stored node zip in place, from the outer file itself', async () => {
    const path = join(work, 'bundle.zip');
    const zip = await zipBytes(underFolder(BUNDLE_FOLDER, await smallBundle()));
    await writeFile(path, zip);
    const source = await openIt(path);
    expect(await text(source, 'nodes/node1.zip!/node1/logs/kernel.log')).toBe(KERNEL_LOG);
    // Change the member's bytes in the outer file: a read in place sees the change, a copy would not.
    const at = zip.indexOf('line 0\n');
    const handle = await open(path, 'r+');
    await handle.write('LINE', at);
    await handle.close();
    expect(await text(source, 'nodes/node1.zip!/node1/logs/kernel.log')).toContain('LINE 0\n');
    expect(await readdir(temp)).toEqual([]);
  });

  it('reads a deflated node zip (inflated once, in memory)', async () => {
    const bundle = (await smallBundle()).map((e) => (e.name === 'nodes/node1.zip' ? { ...e, compress: true } : e));
    const source = await openIt(await zipBytes(underFolder(BUNDLE_FOLDER, bundle)));
    expect(source.entries).toContainEqual({ path: 'nodes/node1.zip', kind: 'archive', size: expect.any(Number) });
    expect(await text(source, 'nodes/node1.zip!/node1/logs/kernel.log')).toBe(KERNEL_LOG);
  });

  it('spills a deflated node zip larger than maxReadBytes to the temp folder, and removes it on close', async () => {
    const bundle = (await smallBundle()).map((e) => (e.name === 'nodes/node1.zip' ? { ...e, compress: true } : e));
    const source = await openIt(await zipBytes(underFolder(BUNDLE_FOLDER, bundle)), { maxReadBytes: 1024 });
    expect((await readdir(temp)).length).toBe(1);
    const stream = await source.openStream('nodes/node1.zip!/node1/logs/kernel.log');
    let length = 0;
    for await (const chunk of stream) length += (chunk as Buffer).length;
    expect(length).toBe(KERNEL_LOG.length);
    await source.close();
    expect(await readdir(temp)).toEqual([]);
  });

  it('turns a corrupt node zip into a diagnostic and keeps the rest usable', async () => {
    const broken = (await nodeZipBytes()).subarray(0, 200);
    const bundle = await smallBundle(broken);
    for (const input of [await zipBytes(underFolder(BUNDLE_FOLDER, bundle)), await tarGzBytes(bundle)]) {
      const source = await openIt(input);
      expect(source.entries).toContainEqual({ path: 'nodes/node1.zip', kind: 'file', size: 200 });
      expect(source.entries.some((e) => e.path.includes('!/'))).toBe(false);
      expect(source.diagnostics).toEqual([
        { path: 'nodes/node1.zip', level: 'error', message: expect.stringMatching(/cannot open nested zip: .*not a readable zip/) },
      ]);
      expect((await source.readFile('nodes/node1.zip')).length).toBe(200);
      expect((await source.readFile('metadata.yaml')).toString()).toContain('bundleversion');
    }
  });

  it('does not open zips inside node zips, nor node zips when maxNestingDepth is 0', async () => {
    const inner = await zipBytes([{ name: 'x.txt', data: 'x' }]);
    const node = await zipBytes([{ name: 'node1/' }, { name: 'node1/scc/inner.zip', data: inner, compress: false }]);
    const bundle = await smallBundle(node);
    const source = await openIt(await zipBytes(bundle));
    expect(source.entries).toContainEqual({ path: 'nodes/node1.zip!/node1/scc/inner.zip', kind: 'file', size: inner.length });
    expect(source.entries.some((e) => e.path.includes('inner.zip!/'))).toBe(false);
    const flat = await openIt(await zipBytes(bundle), { maxNestingDepth: 0 });
    expect(flat.entries).toContainEqual({ path: 'nodes/node1.zip', kind: 'file', size: node.length });
    expect(flat.entries.some((e) => e.path.includes('!/'))).toBe(false);
  });

  it('opens nodes/<node>.zip in a folder too, and lists an extracted nodes/<node>/ as plain files', async () => {
    const folder = join(work, 'b');
    await writeTree(folder, [...(await smallBundle()), { name: 'nodes/node2/logs/kernel.log', data: 'k' }]);
    const source = await openIt(folder);
    expect(source.entries).toContainEqual({ path: 'nodes/node1.zip', kind: 'archive', size: expect.any(Number) });
    expect(source.entries).toContainEqual({ path: 'nodes/node2/logs/kernel.log', kind: 'file', size: 1 });
    expect(await text(source, 'nodes/node1.zip!/node1/configs/etc/os-release')).toContain('ID="harvester"');
  });
});

describe('openSource: reading', () => {
  it('refuses unknown paths, folders, and content over maxReadBytes (which openStream still serves)', async () => {
    const source = await openIt(await zipBytes(await smallBundle()), { maxReadBytes: 1000 });
    await expect(source.readFile('nope.yaml')).rejects.toBeInstanceOf(BundleEntryNotFoundError);
    await expect(source.readFile('yamls')).rejects.toBeInstanceOf(BundleEntryNotFoundError);
    const log = 'logs/harvester-system/harvester-5d8f/apiserver.log';
    const refused = source.readFile(log);
    await expect(refused).rejects.toBeInstanceOf(BundleLimitError);
    await expect(refused).rejects.toThrow(/limits\.maxReadBytes = 1000; read it with openStream, or raise limits\.maxReadBytes/);
    expect((await text(source, log)).length).toBe(23 * 8000);
  });

  it('returns a copy that the caller may change without changing the bundle', async () => {
    const source = await openIt(await tarGzBytes(await smallBundle()));
    const first = await source.readFile('metadata.yaml');
    first.fill(0);
    expect((await source.readFile('metadata.yaml')).toString()).toContain('bundlename');
  });
});

describe('openSource: inputs that are not bundles', () => {
  it('rejects a missing path with BundleNotFoundError', async () => {
    await expect(openIt(join(work, 'missing.zip'))).rejects.toBeInstanceOf(BundleNotFoundError);
  });

  it('detects the format from the bytes: a plain tar named .zip is refused, a zip named .tgz is read', async () => {
    await writeFile(join(work, 'bundle.zip'), await tarBytes(await smallBundle()));
    await expect(openIt(join(work, 'bundle.zip'))).rejects.toThrow(/bundle\.zip: not a zip or tar\.gz: an uncompressed tar/);
    await writeFile(join(work, 'bundle.tgz'), Buffer.from('hello, this is text'));
    await expect(openIt(join(work, 'bundle.tgz'))).rejects.toBeInstanceOf(BundleFormatError);
    await writeFile(join(work, 'really-a-zip.tgz'), await zipBytes(await smallBundle()));
    expect((await openIt(join(work, 'really-a-zip.tgz'))).format).toBe('zip');
  });

  it('rejects empty inputs: 0-byte file, empty zip, empty tar.gz, empty folder', async () => {
    await writeFile(join(work, 'empty'), '');
    await expect(openIt(join(work, 'empty'))).rejects.toBeInstanceOf(BundleFormatError);
    await expect(openIt(await zipBytes([]))).rejects.toThrow(/empty archive/);
    await expect(openIt(await tarGzBytes([]))).rejects.toThrow(/empty archive/);
    await writeTree(join(work, 'nothing'), [{ name: 'x/' }]);
    await expect(openIt(join(work, 'nothing', 'x'))).rejects.toThrow(/empty folder/);
  });

  it('refuses two bundle roots, naming both', async () => {
    const bundle = await smallBundle();
    const zip = await zipBytes([...underFolder('supportbundle_a', bundle), ...underFolder('supportbundle_b', bundle)]);
    await expect(openIt(zip)).rejects.toThrow(/contains 2 bundle folders \(supportbundle_a, supportbundle_b\); expected one/);
    await writeTree(join(work, 'two', 'supportbundle_a'), bundle);
    await writeTree(join(work, 'two', 'supportbundle_b'), bundle);
    await expect(openIt(join(work, 'two'))).rejects.toBeInstanceOf(BundleFormatError);
  });

  it('refuses an archive with nothing bundle-like in it', async () => {
    await expect(openIt(await zipBytes([{ name: 'photos/cat.jpg', data: 'x' }, { name: 'a.txt', data: 'y' }]))).rejects.toThrow(
      /is not a Harvester support bundle: no metadata\.yaml or yamls\/ folder/,
    );
  });
});

describe('openSource: limits', () => {
  it('refuses more entries than maxEntries, counting nested members', async () => {
    const bundle = await smallBundle();
    const count = (await openIt(await zipBytes(bundle))).entries.length;
    await expect(openIt(await zipBytes(bundle), { maxEntries: count - 1 })).rejects.toMatchObject({
      code: 'BUNDLE_LIMIT',
      limit: 'maxEntries',
      message: expect.stringMatching(/limits\.maxEntries = \d+; raise limits\.maxEntries/),
    });
    await expect(openIt(await tarGzBytes(bundle), { maxEntries: 5 })).rejects.toBeInstanceOf(BundleLimitError);
    await writeTree(join(work, 'b'), bundle);
    await expect(openIt(join(work, 'b'), { maxEntries: 5 })).rejects.toBeInstanceOf(BundleLimitError);
    expect((await openIt(await zipBytes(bundle), { maxEntries: count })).entries.length).toBe(count);
  });

  it('refuses an entry over maxEntryBytes, naming it, and a bundle over maxTotalBytes', async () => {
    const bundle = await smallBundle();
    await expect(openIt(await zipBytes(bundle), { maxEntryBytes: 100_000 })).rejects.toThrow(
      /entry "logs\/harvester-system\/harvester-5d8f\/apiserver\.log" is 184000 bytes, over limits\.maxEntryBytes = 100000/,
    );
    await expect(openIt(await tarGzBytes(bundle), { maxTotalBytes: 150_000 })).rejects.toMatchObject({ limit: 'maxTotalBytes' });
  });
});

describe('openSource: close', () => {
  it('releases everything, removes the temp folder, is idempotent, and refuses reads afterwards', async () => {
    const source = await openIt(await tarGzBytes(underFolder(BUNDLE_FOLDER, await smallBundle())));
    expect(await readdir(temp)).toEqual([expect.stringMatching(/^bundle-triage-/)]);
    const pending = await source.openStream('logs/harvester-system/harvester-5d8f/apiserver.log');
    await source.close();
    await source.close();
    expect(pending.destroyed).toBe(true);
    expect(await readdir(temp)).toEqual([]);
    await expect(source.readFile('metadata.yaml')).rejects.toMatchObject({ code: 'BUNDLE_CLOSED' });
    await expect(source.openStream('metadata.yaml')).rejects.toBeInstanceOf(BundleError);
  });

  it('stops a long open when the signal aborts, and cleans up', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ name: `logs/ns/pod-${i}/c.log`, data: `line ${i}\n`.repeat(50) }));
    const tgz = await tarGzBytes([{ name: 'metadata.yaml', data: 'x: 1\n' }, ...many]);
    const controller = new AbortController();
    const opening = openSource(tgz, { limits, tempDir: temp, signal: controller.signal });
    setImmediate(() => controller.abort());
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(temp)).toEqual([]);
    const aborted = AbortSignal.abort();
    await expect(openSource(tgz, { limits, signal: aborted })).rejects.toBe(aborted.reason);
  });
});
