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
  for (const name of ['a.zip', 'b.tar.gz', 'c.tgz', 'notes.txt', '.hidden.zip']) writeFileSync(join(root, 'inbox', name), '');
  writeFileSync(join(root, 'inbox', 'nested', 'd.zip'), '');

  it('takes a folder’s archives and bundle folders, not its other files, sorted', async () => {
    const inbox = join(root, 'inbox');
    expect(await expandBatchInputs([inbox])).toEqual(['a.zip', 'b.tar.gz', 'c.tgz', 'extracted', 'nested'].map((name) => join(inbox, name)));
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
