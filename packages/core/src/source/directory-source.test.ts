import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleUnsafePathError } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { BundleSource } from './bundle-source.js';
import { openSource } from './open-source.js';
import { makeTempDir, removeDir, writeTree } from './test-archives.js';

let work: string;
let bundle: string;
const opened: BundleSource[] = [];

async function openIt(path: string): Promise<BundleSource> {
  const source = await openSource(path, { limits: { ...DEFAULT_LIMITS } });
  opened.push(source);
  return source;
}

beforeEach(async () => {
  work = await makeTempDir('dir');
  bundle = join(work, 'bundle');
  await writeTree(bundle, [
    { name: 'metadata.yaml', data: 'bundleversion: 0.1.0\n' },
    { name: 'logs/ns/pod/c.log', data: 'hello\n' },
  ]);
  await writeFile(join(work, 'secret.txt'), 'top secret');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((source) => source.close()));
  await removeDir(work);
});

describe('directory: symlinks and special files', () => {
  it('refuses symlinks whose target is outside the bundle, with a diagnostic', async () => {
    await symlink(join(work, 'secret.txt'), join(bundle, 'logs/ns/pod/leak.log'));
    await symlink('/etc', join(bundle, 'etc'));
    const source = await openIt(bundle);
    expect(source.entries.map((e) => e.path)).not.toContain('logs/ns/pod/leak.log');
    expect(source.entries.map((e) => e.path)).not.toContain('etc');
    expect(source.diagnostics).toEqual([
      { path: 'etc', level: 'error', message: expect.stringMatching(/^refused symlink "etc": points outside the bundle/) },
      { path: 'logs/ns/pod/leak.log', level: 'error', message: expect.stringMatching(/^refused symlink "logs\/ns\/pod\/leak\.log": points outside/) },
    ]);
  });

  it('follows symlinks that stay inside the bundle', async () => {
    await symlink('c.log', join(bundle, 'logs/ns/pod/current.log'));
    await symlink('ns', join(bundle, 'logs/alias'));
    const source = await openIt(bundle);
    expect((await source.readFile('logs/ns/pod/current.log')).toString()).toBe('hello\n');
    expect((await source.readFile('logs/alias/pod/c.log')).toString()).toBe('hello\n');
    expect(source.diagnostics).toEqual([]);
  });

  it('does not hang on symlink cycles', async () => {
    await symlink('..', join(bundle, 'logs/ns/up'));
    await symlink('.', join(bundle, 'logs/self'));
    const source = await openIt(bundle);
    expect(source.entries.map((e) => e.path)).toContain('logs/ns/pod/c.log');
    expect(source.diagnostics.map((d) => d.path).sort()).toEqual(['logs/ns/up', 'logs/self']);
  });

  it('re-checks the path on every read: a file swapped for an escaping symlink after listing is refused', async () => {
    const source = await openIt(bundle);
    await rm(join(bundle, 'logs/ns/pod/c.log'));
    await symlink(join(work, 'secret.txt'), join(bundle, 'logs/ns/pod/c.log'));
    await expect(source.readFile('logs/ns/pod/c.log')).rejects.toBeInstanceOf(BundleUnsafePathError);
  });

  it('refuses, without blocking, a file swapped for a FIFO after listing', async (context) => {
    const source = await openIt(bundle);
    await rm(join(bundle, 'logs/ns/pod/c.log'));
    try {
      execFileSync('mkfifo', [join(bundle, 'logs/ns/pod/c.log')]);
    } catch {
      context.skip('mkfifo is not available on this machine');
    }
    await expect(source.readFile('logs/ns/pod/c.log')).rejects.toThrow(/is no longer a regular file; refused/);
  });

  it('reads a small file whole even when it grew past the small-file size after listing', async () => {
    const source = await openIt(bundle);
    const grown = 'x'.repeat(3 * 1024 * 1024);
    await writeFile(join(bundle, 'logs/ns/pod/c.log'), grown);
    expect((await source.readFile('logs/ns/pod/c.log')).toString()).toBe(grown);
  });

  it('skips a FIFO (reading it would block) with a diagnostic', async (context) => {
    try {
      execFileSync('mkfifo', [join(bundle, 'logs/fifo')]);
    } catch {
      context.skip('mkfifo is not available on this machine');
    }
    const source = await openIt(bundle);
    expect(source.entries.map((e) => e.path)).not.toContain('logs/fifo');
    expect(source.diagnostics).toEqual([
      { path: 'logs/fifo', level: 'warning', message: 'skipped "logs/fifo": not a regular file or folder' },
    ]);
  });

  it('refuses file names that would be refused in an archive (backslash)', async () => {
    await mkdir(join(bundle, 'yamls'));
    await writeFile(join(bundle, 'yamls', 'a\\b.yaml'), 'x');
    const source = await openIt(bundle);
    expect(source.entries.map((e) => e.path)).toEqual(['logs', 'logs/ns', 'logs/ns/pod', 'logs/ns/pod/c.log', 'metadata.yaml', 'yamls']);
    expect(source.diagnostics[0]?.message).toMatch(/refused entry "yamls\/a\\\\b\.yaml": name contains a backslash/);
  });
});
