import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits.js';
import type { BundleSource, SourceEntry } from './bundle-source.js';
import { openSource } from './open-source.js';
import { makeTempDir, readTree, removeDir, tarGzBytes, underFolder, zipBytes } from './test-archives.js';

/** The real Harvester v1.0 bundle (extracted), set by vitest.config.ts; absent on some machines. */
const sample = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';
const present = sample !== '' && existsSync(join(sample, 'metadata.yaml'));
const FOLDER = 'supportbundle_9b6b22de_2022-03-22T23-49-32Z';
const limits = { ...DEFAULT_LIMITS };
const hasInfoZip = spawnSync('zip', ['-v']).status === 0;

describe.skipIf(!present)(`real sample bundle (${present ? sample : 'BUNDLE_TRIAGE_SAMPLE_V10 not found: skipped'})`, () => {
  let work: string;
  let folderSource: BundleSource;
  const outerFiles = (entries: readonly SourceEntry[]) => entries.filter((e) => e.kind !== 'directory' && !e.path.includes('!/'));

  beforeAll(async () => {
    work = await makeTempDir('sample');
    folderSource = await openSource(sample, { limits, tempDir: work });
  });

  afterAll(async () => {
    await folderSource?.close();
    await removeDir(work);
  });

  it('lists its 1,175 files and the 39 members of nodes/node1.zip, with no diagnostics', () => {
    expect(folderSource.format).toBe('directory');
    expect(outerFiles(folderSource.entries)).toHaveLength(1175);
    expect(folderSource.entries.filter((e) => e.path.startsWith('nodes/node1.zip!/'))).toHaveLength(39);
    expect(folderSource.entries).toContainEqual({ path: 'nodes/node1.zip', kind: 'archive', size: expect.any(Number) });
    expect(folderSource.diagnostics).toEqual([]);
  });

  it('streams a node log out of the nested zip', async () => {
    let lines = 0;
    for await (const chunk of await folderSource.openStream('nodes/node1.zip!/node1/logs/kernel.log')) {
      for (const byte of chunk as Buffer) if (byte === 10) lines++;
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('lists the same entries zipped (top folder) and tar.gz-ed', async () => {
    const tree = underFolder(FOLDER, await readTree(sample));
    const zipped = await openSource(await zipBytes(tree), { limits });
    const tarred = await openSource(await tarGzBytes(tree), { limits, tempDir: work });
    try {
      for (const source of [zipped, tarred]) {
        expect(source.root).toBe(FOLDER);
        expect(source.entries).toEqual(folderSource.entries);
        expect(source.diagnostics).toEqual([]);
      }
    } finally {
      await Promise.all([zipped.close(), tarred.close()]);
    }
  });

  it.skipIf(!hasInfoZip)('lists the same entries zipped by Info-ZIP `zip -r`, as Harvester zips it (skipped without zip)', async () => {
    await cp(sample, join(work, FOLDER), { recursive: true });
    execFileSync('zip', ['-qr', 'bundle.zip', FOLDER], { cwd: work });
    const zipped = await openSource(join(work, 'bundle.zip'), { limits });
    try {
      expect(zipped.root).toBe(FOLDER);
      expect(zipped.entries).toEqual(folderSource.entries);
    } finally {
      await zipped.close();
    }
  });
});
