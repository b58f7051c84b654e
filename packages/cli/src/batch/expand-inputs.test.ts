import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandBatchInputs, globRegExp } from './expand-inputs.js';

describe('globRegExp', () => {
  it.each([
    ['tickets/*.zip', 'tickets/a.zip', true],
    ['tickets/*.zip', 'tickets/sub/a.zip', false],
    ['tickets/**/*.zip', 'tickets/a.zip', true],
    ['tickets/**/*.zip', 'tickets/2025/03/a.zip', true],
    ['*.{zip,tar.gz}', 'a.tar.gz', true],
    ['*.{zip,tar.gz}', 'a.tgz', false],
    ['bundle-?.zip', 'bundle-1.zip', true],
    ['bundle-[!0-4].zip', 'bundle-7.zip', true],
    ['bundle-[!0-4].zip', 'bundle-3.zip', false],
    ['a+b.zip', 'a+b.zip', true],
  ])('%s matches %s: %s', (pattern, path, matches) => {
    expect(globRegExp(pattern).test(path)).toBe(matches);
  });
});

describe('expandBatchInputs', () => {
  const root = mkdtempSync(join(tmpdir(), 'bundle-triage-expand-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'inbox', 'extracted', 'yamls'), { recursive: true });
  mkdirSync(join(root, 'inbox', 'nested'), { recursive: true });
  mkdirSync(join(root, 'inbox', 'screenshots'), { recursive: true });
  mkdirSync(join(root, 'inbox', 'unzipped', 'supportbundle_x_2025-03-12T09-14-07Z'), { recursive: true });
  for (const name of ['a.zip', 'b.tar.gz', 'c.tgz', 'notes.txt', '.hidden.zip']) writeFileSync(join(root, 'inbox', name), '');
  writeFileSync(join(root, 'inbox', 'nested', 'd.zip'), '');
  writeFileSync(join(root, 'inbox', 'screenshots', 'error.png'), '');
  writeFileSync(join(root, 'inbox', 'unzipped', 'supportbundle_x_2025-03-12T09-14-07Z', 'metadata.yaml'), '');

  it('takes a folder’s archives and the folders that look like bundles, not its other files or folders, sorted', async () => {
    const inbox = join(root, 'inbox');
    expect(await expandBatchInputs([inbox])).toEqual(['a.zip', 'b.tar.gz', 'c.tgz', 'extracted', 'unzipped'].map((name) => join(inbox, name)));
  });

  it('says which folders it skipped, for --verbose', async () => {
    const skipped: string[] = [];
    await expandBatchInputs([join(root, 'inbox')], (path) => skipped.push(path));
    expect(skipped).toEqual([join(root, 'inbox', 'nested'), join(root, 'inbox', 'screenshots')]);
  });

  it('skips a folder a glob matches when it is not a bundle', async () => {
    expect(await expandBatchInputs([`${root}/inbox/*`])).not.toContain(join(root, 'inbox', 'screenshots'));
  });

  it('takes a folder holding one unzipped supportbundle_* folder as one bundle', async () => {
    expect(await expandBatchInputs([join(root, 'inbox', 'unzipped')])).toEqual([join(root, 'inbox', 'unzipped')]);
  });

  it('refuses a folder with no bundle in it', async () => {
    await expect(expandBatchInputs([join(root, 'inbox', 'screenshots')])).rejects.toThrow(/matches no bundle/);
  });

  it('takes an extracted bundle folder as one bundle', async () => {
    expect(await expandBatchInputs([join(root, 'inbox', 'extracted')])).toEqual([join(root, 'inbox', 'extracted')]);
  });

  it('expands a quoted glob across folders', async () => {
    expect(await expandBatchInputs([`${root}/**/*.zip`])).toEqual([join(root, 'inbox', 'a.zip'), join(root, 'inbox', 'nested', 'd.zip')]);
  });

  it('refuses a glob that matches nothing and a path that does not exist', async () => {
    await expect(expandBatchInputs([`${root}/*.rar`])).rejects.toThrow(/matches no bundle/);
    await expect(expandBatchInputs([join(root, 'nope')])).rejects.toThrow(/no such file or folder/);
  });
});
