import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRuleDirectory, parseRule } from './load-rules.js';

const GOOD = `id: good-rule
title: A good rule
severity: low
component: test
inputs:
  nodes: { resource: { group: '', resource: nodes } }
outcomes:
  - when: { field: { path: nodes/0/metadata/name, exists: true } }
    status: info
    message: first node {{ nodes/0/metadata/name }}
`;

let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

describe('loading rules', () => {
  it('loads a directory with one broken rule: reports its file and JSON pointer, loads the rest', async () => {
    folder = mkdtempSync(join(tmpdir(), 'rules-'));
    mkdirSync(join(folder, 'site'));
    writeFileSync(join(folder, 'good.yaml'), GOOD);
    writeFileSync(join(folder, 'site', 'broken.yaml'), GOOD.replace('id: good-rule', 'id: broken-rule').replace('status: info', 'status: maybe'));
    const { rules, problems } = await loadRuleDirectory(folder);
    expect(rules.map((rule) => rule.id)).toEqual(['good-rule']);
    expect(problems).toEqual([
      { file: expect.stringMatching(/site\/broken\.yaml$/), pointer: '/outcomes/0/status', message: 'must be one of "fail", "warn", "info", "pass", "skip"' },
    ]);
  });

  it('refuses a condition that names an unknown input, with the pointer of the path', () => {
    const { rule, problems } = parseRule(GOOD.replace('path: nodes/0/metadata/name', 'path: node/0/metadata/name'), 'r.yaml');
    expect(rule).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: 'r.yaml', pointer: '/outcomes/0/when/field/path', message: expect.stringContaining('"node" is not an input') });
  });

  it('refuses an unknown field with its name, and invalid YAML with its line', () => {
    expect(parseRule(`${GOOD}colour: red\n`, 'r.yaml').problems).toEqual([{ file: 'r.yaml', pointer: '/', message: 'unknown field "colour"' }]);
    expect(parseRule('id: [unclosed\n', 'r.yaml').problems[0]?.message).toMatch(/^not valid YAML \(line \d+\)/);
  });

  it('refuses a catch-all outcome that is not last, since the outcomes after it could never match', () => {
    const text = GOOD.replace('outcomes:\n', 'outcomes:\n  - status: pass\n    message: always\n');
    expect(parseRule(text, 'r.yaml').problems[0]).toMatchObject({ pointer: '/outcomes/0', message: expect.stringContaining('put it last') });
  });

  it('refuses two rules with one id, naming both files', async () => {
    folder = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(folder, 'a.yaml'), GOOD);
    writeFileSync(join(folder, 'b.yaml'), GOOD);
    const { rules, problems } = await loadRuleDirectory(folder);
    expect(rules).toEqual([]);
    expect(problems.map((problem) => problem.pointer)).toEqual(['/id', '/id']);
  });

  it('refuses a pattern that could backtrack (lookahead) and names its pointer', () => {
    const text = GOOD.replace("{ field: { path: nodes/0/metadata/name, exists: true } }", "{ field: { path: nodes/0/metadata/name, matches: 'a(?=b)' } }");
    expect(parseRule(text, 'r.yaml').problems[0]).toMatchObject({ pointer: '/outcomes/0/when/field/matches', message: expect.stringContaining('RE2') });
  });
});
