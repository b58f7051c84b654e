import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RuleLoadResult } from '@bundle-triage/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../errors/cli-error.js';
import { loadRuleSet, loadUsableRuleSet, withPathsAsGiven } from './load-rule-set.js';

const RULE = (id: string) => `id: ${id}
title: A site rule
severity: low
component: test
inputs:
  nodes: { resource: { group: '', resource: nodes, namespace: null } }
outcomes:
  - { status: fail, message: never }
`;

describe('rule folders', () => {
  // Outside the working folder, so the rules package names its files `../../…`.
  const root = mkdtempSync(join(tmpdir(), 'bundle-triage-rules-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'site', 'fleet'), { recursive: true });
  writeFileSync(join(root, 'site', 'broken.yaml'), 'id: [not, an, id]\n');
  writeFileSync(join(root, 'site', 'a.yaml'), RULE('site-twice'));
  writeFileSync(join(root, 'site', 'fleet', 'b.yaml'), RULE('site-twice'));

  it('name each problem under an absolute folder as it was given, also in messages that name other files', async () => {
    const folder = join(root, 'site');
    const { problems } = await loadRuleSet([folder]);
    expect([...new Set(problems.map((problem) => problem.file))].sort()).toEqual([join(folder, 'a.yaml'), join(folder, 'broken.yaml'), join(folder, 'fleet', 'b.yaml')]);
    expect(problems.find((problem) => problem.file === join(folder, 'a.yaml'))?.message).toBe(`id "site-twice" is also used by ${join(folder, 'fleet', 'b.yaml')}`);
  });

  it('keep a relative folder relative, spelled as given', () => {
    const loaded: RuleLoadResult = {
      rules: [],
      problems: [
        { file: 'rules/site/a.yaml', pointer: '/id', message: 'id "x" is also used by rules/site/b.yaml' },
        { file: 'rules/site/b.yaml', pointer: '/id', message: 'id "x" is also used by rules/site/a.yaml' },
      ],
    };
    expect(withPathsAsGiven(loaded, './rules/site/', '/work').problems).toEqual([
      { file: './rules/site/a.yaml', pointer: '/id', message: 'id "x" is also used by ./rules/site/b.yaml' },
      { file: './rules/site/b.yaml', pointer: '/id', message: 'id "x" is also used by ./rules/site/a.yaml' },
    ]);
  });

  it('point at "rules validate <the folder>" when a broken rule stops a run', async () => {
    const folder = join(root, 'site');
    const error = await loadUsableRuleSet([folder]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message.endsWith(`; run bundle-triage rules validate ${folder} to see all`)).toBe(true);
  });
});
