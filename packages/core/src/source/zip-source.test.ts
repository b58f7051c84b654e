import { afterEach, describe, expect, it } from 'vitest';
import { BundleFormatError, BundleLimitError } from '../errors.js';
import { resolveLimits, type BundleLimits } from '../limits.js';
import type { BundleSource } from './bundle-source.js';
import { openSource } from './open-source.js';
import { BUNDLE_FOLDER, patchBytes, setDeclaredSize, smallBundle, underFolder, zipBytes, type TestEntry } from './test-archives.js';

const opened: BundleSource[] = [];

async function openIt(input: Uint8Array, overrides: Partial<BundleLimits> = {}): Promise<BundleSource> {
  const source = await openSource(input, { limits: resolveLimits(overrides) });
  opened.push(source);
  return source;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((source) => source.close()));
});

const metadata: TestEntry = { name: 'metadata.yaml', data: 'bundleversion: 0.1.0\n' };

describe('zip: hostile entry names', () => {
  it('refuses zip-slip names with a diagnostic each and lists the rest', async () => {
    // yazl will not write these names, so equal-length placeholders are patched afterwards.
    const planted: [string, string][] = [
      ['zz/x', '../x'],
      ['Qetc/passwd', '/etc/passwd'],
      ['QQQx', 'C:\\x'],
      ['aQzzQb', 'a\\..\\b'],
      ['zz/zz/zz/zz/etc/shadow', '../../../../etc/shadow'],
    ];
    let zip = await zipBytes([metadata, ...planted.map(([placeholder]) => ({ name: placeholder, data: 'pwned' }))]);
    for (const [placeholder, name] of planted) zip = patchBytes(zip, placeholder, name);
    const source = await openIt(zip);
    expect(source.entries.map((e) => e.path)).toEqual(['metadata.yaml']);
    const messages = source.diagnostics.map((d) => d.message);
    expect(messages).toContain('refused entry "../x": path escapes the bundle');
    expect(messages).toContain('refused entry "/etc/passwd": absolute path');
    expect(messages).toContain('refused entry "C:\\\\x": name contains a backslash (a Windows path?)');
    expect(messages).toContain('refused entry "a\\\\..\\\\b": name contains a backslash (a Windows path?)');
    expect(messages).toContain('refused entry "../../../../etc/shadow": path escapes the bundle');
    expect(source.diagnostics.every((d) => d.level === 'error')).toBe(true);
  });

  it('refuses a NUL byte in a name', async () => {
    const zip = patchBytes(await zipBytes([metadata, { name: 'logs/aQb.log', data: 'x' }]), 'aQb', 'a\u0000b');
    const source = await openIt(zip);
    expect(source.entries.map((e) => e.path)).toEqual(['metadata.yaml']);
    expect(source.diagnostics[0]?.message).toMatch(/refused entry "logs\/a\\u0000b\.log": name contains a NUL byte/);
  });

  it('keeps the first of two entries with the same path, with a diagnostic; names differing in case are both kept', async () => {
    const zip = patchBytes(
      await zipBytes([
        metadata,
        { name: 'logs/a.log', data: 'first' },
        { name: 'logs/b.log', data: 'second' },
        { name: 'logs/A.log', data: 'upper' },
      ]),
      'logs/b.log',
      'logs/a.log',
    );
    const source = await openIt(zip);
    expect(source.entries.map((e) => e.path)).toEqual(['logs', 'logs/A.log', 'logs/a.log', 'metadata.yaml']);
    expect((await source.readFile('logs/a.log')).toString()).toBe('first');
    expect((await source.readFile('logs/A.log')).toString()).toBe('upper');
    expect(source.diagnostics).toEqual([
      { path: 'logs/a.log', level: 'warning', message: 'duplicate entry "logs/a.log": kept the first one' },
    ]);
  });
});

describe('zip: bombs and lying sizes', () => {
  it('refuses an entry that inflates over maxCompressionRatio ("zip bomb?")', async () => {
    const zip = await zipBytes([metadata, { name: 'logs/zeros.log', data: Buffer.alloc(4 * 1024 * 1024) }]);
    await expect(openIt(zip, { maxCompressionRatio: 100 })).rejects.toThrow(
      /entry "logs\/zeros\.log" inflates \d+x .*zip bomb\?.*over limits\.maxCompressionRatio = 100; raise limits\.maxCompressionRatio/,
    );
  });

  it('refuses a declared huge entry by its declared size alone, before inflating anything', async () => {
    const zip = await zipBytes([metadata, { name: 'logs/zeros.log', data: Buffer.alloc(2 * 1024 * 1024) }]);
    const declaredHuge = setDeclaredSize(zip, 'logs/zeros.log', 0xfffffffe);
    const error = await openIt(declaredHuge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleLimitError);
    expect((error as BundleLimitError).limit).toBe('maxCompressionRatio');
    await expect(openIt(declaredHuge, { maxEntryBytes: 1024 ** 3 })).rejects.toMatchObject({ limit: 'maxEntryBytes' });
  });

  it('fails the read of an entry that inflates to more than declared, and of one that inflates to less', async () => {
    const content = 'x'.repeat(10_000);
    const zip = await zipBytes([metadata, { name: 'logs/a.log', data: content }]);
    const small = await openIt(setDeclaredSize(zip, 'logs/a.log', 100));
    expect(small.entries).toContainEqual({ path: 'logs/a.log', kind: 'file', size: 100 });
    const more = small.readFile('logs/a.log');
    await expect(more).rejects.toBeInstanceOf(BundleFormatError);
    await expect(more).rejects.toThrow(/entry "logs\/a\.log": declared 100 bytes, inflates to more/);
    const large = await openIt(setDeclaredSize(zip, 'logs/a.log', 20_000));
    await expect(large.readFile('logs/a.log')).rejects.toThrow(/declared 20000 bytes, inflates to fewer/);
    const stream = await large.openStream('logs/a.log');
    await expect((async () => { for await (const chunk of stream) void chunk; })()).rejects.toBeInstanceOf(BundleFormatError);
    // Read whole (a small member, in one blocking call) or streamed, the same words.
    const streamedMore = await small.openStream('logs/a.log');
    await expect((async () => { for await (const chunk of streamedMore) void chunk; })()).rejects.toThrow(/declared 100 bytes, inflates to more/);
  });

  it('reads a small member whole the same as streamed, stored or deflated', async () => {
    const text = 'apiVersion: v1\nkind: List\nitems: []\n'.repeat(50);
    const zip = await zipBytes([metadata, { name: 'yamls/a.yaml', data: text }, { name: 'yamls/b.yaml', data: text, compress: false }]);
    const source = await openIt(zip);
    for (const path of ['yamls/a.yaml', 'yamls/b.yaml']) {
      const streamed: Buffer[] = [];
      for await (const chunk of await source.openStream(path)) streamed.push(chunk as Buffer);
      expect((await source.readFile(path)).toString(), path).toBe(text);
      expect(Buffer.concat(streamed).toString(), path).toBe(text);
    }
  });

  it('streams a deflated member of many chunks whole and in order', async () => {
    // Lines that do not repeat, so the member spans many compressed and inflated chunks.
    const content = Array.from({ length: 60_000 }, (_, index) => `line ${index} ${(index * 2654435761) % 1000003}\n`).join('');
    const source = await openIt(await zipBytes([metadata, { name: 'logs/big.log', data: content }]));
    const chunks: Buffer[] = [];
    for await (const chunk of await source.openStream('logs/big.log')) chunks.push(chunk as Buffer);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(content);
  });

  it('refuses a stored entry whose sizes disagree, as a format error', async () => {
    const zip = await zipBytes([metadata, { name: 'logs/a.log', data: 'abc', compress: false }]);
    await expect(openIt(setDeclaredSize(zip, 'logs/a.log', 2))).rejects.toBeInstanceOf(BundleFormatError);
  });
});

describe('zip: damaged archives', () => {
  it('rejects a zip truncated at any point with one-line BundleFormatError, never a hang or a raw error', async () => {
    const zip = await zipBytes(underFolder(BUNDLE_FOLDER, await smallBundle()));
    const cuts = [1, 3, 4, 30, 100, Math.floor(zip.length / 3), Math.floor(zip.length / 2), zip.length - 200, zip.length - 22, zip.length - 1];
    for (const cut of cuts) {
      const error = await openIt(zip.subarray(0, cut)).catch((e: unknown) => e);
      expect(error, `cut at ${cut}`).toBeInstanceOf(BundleFormatError);
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toMatch(/^<buffer>: /);
    }
  });

  it('wraps garbage after the zip magic as BundleFormatError with the cause kept', async () => {
    const garbage = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(5000, 7)]);
    const error = await openIt(garbage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleFormatError);
    expect((error as Error).message).toMatch(/not a readable zip \(truncated or corrupt\)/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
