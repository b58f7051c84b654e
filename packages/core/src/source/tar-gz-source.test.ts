import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleFormatError, BundleLimitError } from '../errors.js';
import { resolveLimits, type BundleLimits } from '../limits.js';
import type { BundleSource } from './bundle-source.js';
import { openSource } from './open-source.js';
import { BUNDLE_FOLDER, makeTempDir, removeDir, smallBundle, tarBytes, tarGzBytes, underFolder, type TestEntry } from './test-archives.js';

let work: string;
let temp: string;
const opened: BundleSource[] = [];

async function openIt(input: Uint8Array, overrides: Partial<BundleLimits> = {}): Promise<BundleSource> {
  const source = await openSource(input, { limits: resolveLimits(overrides), tempDir: temp });
  opened.push(source);
  return source;
}

beforeEach(async () => {
  work = await makeTempDir('tar-work');
  temp = await makeTempDir('tar-temp');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((source) => source.close()));
  await removeDir(work);
  await removeDir(temp);
});

const metadata: TestEntry = { name: 'metadata.yaml', data: 'bundleversion: 0.1.0\n' };

describe('tar.gz: links and special entries', () => {
  it('refuses symlinks and hardlinks (to /etc/passwd, or out of the bundle) and writes nothing through them', async () => {
    const outside = join(work, 'outside');
    const tgz = await tarGzBytes([
      metadata,
      { name: 'passwd', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'shadow', type: 'link', linkname: '/etc/shadow' },
      { name: 'escape', type: 'symlink', linkname: outside },
      // "Written through" the refused link: just an entry at that path.
      { name: 'escape/pwned.txt', data: 'pwned' },
    ]);
    const before = await readdir(work);
    const source = await openIt(tgz);
    expect(source.entries.map((e) => e.path)).toEqual(['escape', 'escape/pwned.txt', 'metadata.yaml']);
    expect((await source.readFile('escape/pwned.txt')).toString()).toBe('pwned');
    expect(source.diagnostics.map((d) => [d.level, d.message])).toEqual([
      ['error', 'refused entry "escape": symbolic link to ' + outside + ' refused'],
      ['error', 'refused entry "passwd": symbolic link to /etc/passwd refused'],
      ['error', 'refused entry "shadow": hard link to /etc/shadow refused'],
    ]);
    expect(existsSync(outside)).toBe(false);
    expect(await readdir(work)).toEqual(before);
  });

  it('skips devices and fifos with a diagnostic', async () => {
    const source = await openIt(
      await tarGzBytes([metadata, { name: 'dev/null', type: 'character-device' }, { name: 'pipe', type: 'fifo' }]),
    );
    expect(source.entries.map((e) => e.path)).toEqual(['metadata.yaml']);
    expect(source.diagnostics.map((d) => d.message)).toEqual([
      'skipped entry "dev/null": character-device entries are not read',
      'skipped entry "pipe": fifo entries are not read',
    ]);
  });

  it('refuses zip-slip names in a tar too', async () => {
    const source = await openIt(await tarGzBytes([metadata, { name: '../../x', data: 'x' }, { name: '/abs', data: 'y' }]));
    expect(source.entries.map((e) => e.path)).toEqual(['metadata.yaml']);
    expect(source.diagnostics.map((d) => d.message)).toEqual([
      'refused entry "../../x": path escapes the bundle',
      'refused entry "/abs": absolute path',
    ]);
  });

  it('reads "./"-prefixed names as tar -C dir . writes them', async () => {
    const source = await openIt(await tarGzBytes([{ name: './' }, { name: './metadata.yaml', data: 'x' }, { name: './yamls/' }]));
    expect(source.entries.map((e) => e.path)).toEqual(['metadata.yaml', 'yamls']);
  });
});

describe('tar.gz: the temp folder', () => {
  it('blames an unusable tempDir, not the bundle', async () => {
    const tgz = await tarGzBytes(await smallBundle());
    const missing = join(work, 'no-such-folder');
    await expect(openSource(tgz, { limits: resolveLimits(), tempDir: missing })).rejects.toThrow(
      /cannot write to the temp folder in .*no-such-folder: .*set tempDir to a writable folder/,
    );
  });
});

describe('tar.gz: damage and bombs', () => {
  it('rejects a tar.gz truncated at any point with BundleFormatError, never a hang or a raw error', async () => {
    const tgz = await tarGzBytes(underFolder(BUNDLE_FOLDER, await smallBundle()));
    const cuts = [1, 2, 10, 100, Math.floor(tgz.length / 3), Math.floor(tgz.length / 2), tgz.length - 8, tgz.length - 1];
    for (const cut of cuts) {
      const error = await openIt(tgz.subarray(0, cut)).catch((e: unknown) => e);
      expect(error, `cut at ${cut}`).toBeInstanceOf(BundleFormatError);
      expect((error as Error).message).not.toContain('\n');
    }
    expect(await readdir(temp)).toEqual([]);
  });

  it('rejects a gzip of something that is not a tar', async () => {
    await expect(openIt(gzipSync(Buffer.from('just text, no tar header here\n'.repeat(40))))).rejects.toThrow(
      /not a readable tar\.gz \(truncated or corrupt\)/,
    );
  });

  it('stops a gzip bomb by the bytes it inflates to, and by its ratio', async () => {
    const bomb = gzipSync(await tarBytes([metadata, { name: 'logs/zeros.log', data: Buffer.alloc(16 * 1024 * 1024) }]));
    const byTotal = await openIt(bomb, { maxTotalBytes: 4 * 1024 * 1024, maxCompressionRatio: 1e9 }).catch((e: unknown) => e);
    expect(byTotal).toBeInstanceOf(BundleLimitError);
    expect((byTotal as BundleLimitError).message).toMatch(/gunzips to more than 4194304 bytes \(gzip bomb\?\), over limits\.maxTotalBytes/);
    await expect(openIt(bomb, { maxCompressionRatio: 50 })).rejects.toMatchObject({ limit: 'maxCompressionRatio' });
    expect(await readdir(temp)).toEqual([]);
  });

  it('refuses a member whose header declares more than maxEntryBytes, before reading it', async () => {
    const tgz = await tarGzBytes([metadata, { name: 'big.log', data: Buffer.alloc(3000, 'a') }]);
    await expect(openIt(tgz, { maxEntryBytes: 2000 })).rejects.toThrow(/entry "big\.log" is 3000 bytes, over limits\.maxEntryBytes = 2000/);
  });
});
