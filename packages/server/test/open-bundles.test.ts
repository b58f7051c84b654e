import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from '@bundle-triage/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { OpenBundles } from '../src/browse/open-bundles.js';
import { bundles } from './helpers/built-server.js';
import { waitFor } from './helpers/wait-for.js';

const FLAGSHIP = join(bundles, 'flagship-v1.4.1.zip');
const WORKLOADS = join(bundles, 'workloads-v1.4.2.zip');
const TAR_GZ = join(bundles, 'flagship-v1.4.1.tar.gz');

let cache: OpenBundles | undefined;
const temp = mkdtempSync(join(tmpdir(), 'bt-open-bundles-'));
afterEach(async () => {
  await cache?.close();
  cache = undefined;
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A read of a bundle, as a promise (a closed bundle refuses it). */
async function readAfter(bundle: Bundle): Promise<unknown> {
  return bundle.resources({ group: '', resource: 'pods', namespace: 'default' });
}

/** Resolves when `use` has handed over the bundle; `finish` ends that use. */
function holdOpen(open: OpenBundles, key: string, path: string): { bundle: Promise<Bundle>; finish: () => void; done: Promise<void> } {
  let handed!: (bundle: Bundle) => void;
  let finish!: () => void;
  const bundle = new Promise<Bundle>((resolve) => (handed = resolve));
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const done = open.use(key, path, async (opened) => {
    handed(opened);
    await finished;
  });
  return { bundle, finish, done };
}

describe('the open bundles of the object browser', () => {
  it('shares one open bundle between readers of the same file', async () => {
    cache = new OpenBundles({ tempDir: temp });
    const [a, b] = await Promise.all([cache.use('flagship', FLAGSHIP, async (bundle) => bundle), cache.use('flagship', FLAGSHIP, async (bundle) => bundle)]);
    expect(a).toBe(b);
    expect(cache.size).toBe(1);
  });

  it('keeps no more than maxOpen: a reader of another bundle waits until one is idle, which is then closed', async () => {
    cache = new OpenBundles({ tempDir: temp, maxOpen: 1 });
    const first = holdOpen(cache, 'flagship', FLAGSHIP);
    const flagship = await first.bundle;
    let secondStarted = false;
    const second = cache.use('workloads', WORKLOADS, async () => {
      secondStarted = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondStarted).toBe(false);
    expect(cache.size).toBe(1);
    first.finish();
    await Promise.all([first.done, second]);
    expect(secondStarted).toBe(true);
    expect(cache.size).toBe(1);
    // The flagship was closed to make room.
    await expect(readAfter(flagship)).rejects.toMatchObject({ code: 'BUNDLE_CLOSED' });
  });

  it('closes a bundle nobody read for idleCloseMs, and a tar.gz leaves no temp folder behind', async () => {
    cache = new OpenBundles({ tempDir: temp, idleCloseMs: 50 });
    await cache.use('tar', TAR_GZ, async (bundle) => bundle.facts());
    expect(cache.size).toBe(1);
    await waitFor('the idle bundle to close', () => cache!.size === 0, 5000);
    await waitFor('its temp folder to go', () => readdirSync(temp).length === 0, 5000);
  });

  it('closes a discarded bundle when its last reader is done, and opens it afresh next time', async () => {
    cache = new OpenBundles({ tempDir: temp });
    const reader = holdOpen(cache, 'flagship', FLAGSHIP);
    const held = await reader.bundle;
    cache.discard('flagship');
    const fresh = await cache.use('flagship', FLAGSHIP, async (bundle) => bundle);
    expect(fresh).not.toBe(held);
    reader.finish();
    await reader.done;
    await expect(readAfter(held)).rejects.toMatchObject({ code: 'BUNDLE_CLOSED' });
  });

  it('keeps nothing for a file that cannot be opened', async () => {
    cache = new OpenBundles({ tempDir: temp, maxOpen: 1 });
    await expect(cache.use('missing', join(temp, 'no-such.zip'), async () => undefined)).rejects.toMatchObject({ code: 'BUNDLE_NOT_FOUND' });
    await waitFor('the failed open to be let go', () => cache!.size === 0, 5000);
    expect(await cache.use('flagship', FLAGSHIP, async () => 'read')).toBe('read');
  });
});
