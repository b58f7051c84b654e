// Hostile rules: a user rule with a catastrophic regex, a rule that throws, a rule that never
// ends. Users bring declarative rules with `--rules DIR`; code rules exist only in programs that
// use the library (the CLI loads no code), so the throwing and endless rules are shown there,
// and through the CLI what a user can actually hand it: a broken rule file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBundle } from '@bundle-triage/core';
import { renderReport, validateReport } from '@bundle-triage/report';
import { analyze, defineCodeRule, loadCatalog, type Report } from '@bundle-triage/rules';
import { BundleBuilder } from '@bundle-triage/rules/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, expectOneLineError, fixture, repositoryRoot, S01 } from '../cli/run-cli.js';
import { boundViolations, runCliBounded, runFolder } from './run-bounded.js';

const work = runFolder('rules');
beforeAll(assertBuilt);
afterAll(work.remove);

let folders = 0;
/** A fresh folder for one run (the CLI's scratch space must start empty). */
function freshFolder(): string {
  const path = join(work.path, String(++folders));
  mkdirSync(path);
  return path;
}

function ruleFolder(files: Record<string, string>): string {
  const folder = freshFolder();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** A site rule over the harvester-webhook logs with the given pattern (YAML single-quoted). */
const logPatternRule = (id: string, pattern: string) => `id: ${id}
title: A webhook log line made only of the letter a
severity: low
component: test
inputs:
  webhook: { logs: { namespace: harvester-system, podPrefix: harvester-webhook } }
outcomes:
  - when: { log: { input: webhook, pattern: '${pattern}' } }
    status: warn
    message: '{{ webhookCount }} line(s) of only a'
`;

const GOOD_RULE = `id: site-good-rule
title: Nodes are listed
severity: low
component: test
inputs:
  nodes: { resource: { group: '', resource: nodes } }
outcomes:
  - when: { field: { path: nodes/0/metadata/name, equals: no-such-node } }
    status: warn
    message: never
`;

/** The worst input for a backtracking engine: a million a's that `(a+)+$` can never end on. */
function bundleWithLongLine(): string {
  const bundle = new BundleBuilder({ createdAt: '2025-03-06T22:45:28Z', kubernetesVersion: 'v1.30.7+rke2r1' });
  bundle.collectNamespace('harvester-system');
  bundle.addObject({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node1' } });
  bundle.addPodLog('harvester-system', 'harvester-webhook-abc', 'harvester-webhook', [
    { time: '2025-03-06T11:00:00.000000001Z', text: `${'a'.repeat(1_000_000)}!` },
    { time: '2025-03-06T11:00:01.000000001Z', text: 'aaaa' },
  ]);
  const path = join(freshFolder(), 'long-line.zip');
  bundle.writeZip(path);
  return path;
}

describe('a user rule with a catastrophic regex', () => {
  it('runs (a+)+$ in linear time over a line of a million a\'s, through the CLI', async () => {
    const rules = ruleFolder({ 'only-a.yaml': logPatternRule('site-only-a', '^(a+)+$') });
    const validate = await runCliBounded(['rules', 'validate', rules], freshFolder());
    expect(validate.code).toBe(0);

    const run = await runCliBounded(['analyze', bundleWithLongLine(), '--rules', rules, '--only', 'site-only-a', '--format', 'json', '--quiet'], freshFolder());
    expect(boundViolations(run)).toEqual([]);
    expect(run.wallMs).toBeLessThan(10_000);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(validateReport(report).errors).toEqual([]);
    const finding = report.findings.find((candidate) => candidate.ruleId === 'site-only-a');
    // Only the short line matches; the long one was searched to its end and did not hang.
    expect(finding?.status).toBe('warn');
    expect(finding?.evidence.map((evidence) => evidence.line)).toEqual([2]);
  });

  it.each([
    ['a lookahead', 'lookahead.yaml', 'a(?=b)'],
    ['a backreference', 'backreference.yaml', '(a)\\1'],
  ])('refuses %s when the rule is loaded: rules validate and analyze --rules exit 2 naming file and pointer', async (_what, file, pattern) => {
    const rules = ruleFolder({ 'good.yaml': GOOD_RULE, [file]: logPatternRule('site-backtracking', pattern) });
    const scratch = freshFolder();
    // The folder is given as an absolute path, so the CLI names its files absolute too.
    const location = `${join(rules, file)}#/outcomes/0/when/log/pattern`;

    const validate = await runCliBounded(['rules', 'validate', rules], scratch);
    expect(validate.code).toBe(2);
    const problems = validate.stdout.trimEnd().split('\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${escapeRegExp(location)}: pattern .* is refused: .*RE2`));
    expect(expectOneLineError(validate.stderr)).toBe(`bundle-triage: invalid rules: ${rules}: 1 problem in 1 file`);

    const analyzeScratch = freshFolder();
    const analyzeRun = await runCliBounded(['analyze', join(repositoryRoot, fixture.flagshipZip), '--rules', rules, '--format', 'json'], analyzeScratch);
    expect(boundViolations(analyzeRun)).toEqual([]);
    expect(analyzeRun.code).toBe(2);
    expect(analyzeRun.stdout).toBe('');
    expect(expectOneLineError(analyzeRun.stderr)).toMatch(new RegExp(`^bundle-triage: invalid rule: ${escapeRegExp(location)}: pattern .* is refused: `));
  });
});

describe('a broken rule among good ones', () => {
  it('is named by file and pointer, and stops analyze before any bundle is read', async () => {
    const broken = GOOD_RULE.replace('site-good-rule', 'site-broken-rule').replace('status: warn', 'status: explode');
    const rules = ruleFolder({ 'a-good.yaml': GOOD_RULE, 'b-broken.yaml': broken });
    const scratch = freshFolder();
    const location = `${join(rules, 'b-broken.yaml')}#/outcomes/0/status`;

    const validate = await runCliBounded(['rules', 'validate', rules], scratch);
    expect(validate.code).toBe(2);
    expect(validate.stdout.trimEnd().split('\n').map((line) => line.slice(0, location.length + 1))).toEqual([`${location}:`]);

    const analyzeScratch = freshFolder();
    const analyzeRun = await runCliBounded(['analyze', join(repositoryRoot, fixture.flagshipZip), '--rules', rules, '--format', 'json'], analyzeScratch);
    expect(boundViolations(analyzeRun)).toEqual([]);
    expect(analyzeRun.code).toBe(2);
    expect(analyzeRun.stdout).toBe('');
    expect(expectOneLineError(analyzeRun.stderr).startsWith(`bundle-triage: invalid rule: ${location}: `)).toBe(true);
  });
});

describe('code rules that throw or never end (library: the CLI loads no code rules)', () => {
  it('become error entries while the catalog still runs to the end', async () => {
    const throwing = defineCodeRule({
      id: 'site-throws',
      title: 'throws',
      severity: 'low',
      component: 'test',
      whyCode: 'hostile test',
      evaluate: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'status')");
      },
    });
    const endless = defineCodeRule({
      id: 'site-never-ends',
      title: 'never ends',
      severity: 'low',
      component: 'test',
      whyCode: 'hostile test',
      evaluate: () => new Promise(() => undefined),
    });
    const bundle = await openBundle(join(repositoryRoot, fixture.flagshipZip));
    const started = Date.now();
    let report: Report;
    try {
      // A budget that a real catalog rule never reaches, even on a loaded machine; the endless rule does.
      report = await analyze(bundle, { rules: [...(await loadCatalog()), throwing, endless], ruleTimeoutMs: 3000 });
    } finally {
      await bundle.close();
    }
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.errors).toEqual([
      { ruleId: 'site-never-ends', message: expect.stringMatching(/time budget of 3 s/) },
      { ruleId: 'site-throws', message: "TypeError: Cannot read properties of undefined (reading 'status')" },
    ].sort((a, b) => a.ruleId.localeCompare(b.ruleId)));
    expect(report.summary.errors).toBe(2);
    expect(report.findings.find((finding) => finding.ruleId === S01)?.status).toBe('fail');
    expect(validateReport(report).errors).toEqual([]);
    expect(renderReport(report, 'text', { verbose: true })).toMatch(/site-never-ends/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
