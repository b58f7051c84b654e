import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateReport } from '@bundle-triage/report';
import type { Report } from '@bundle-triage/rules';
import { missingFile, writeNonBundleZip, writeTruncatedZip } from './broken-inputs.js';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, expectOneLineError, fixture, repositoryRoot, runCli, S01, temporaryFolder } from './run-cli.js';

const temp = temporaryFolder('analyze');
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS });
beforeAll(assertBuilt);
afterAll(temp.remove);

function parseReport(stdout: string): Report {
  const report = JSON.parse(stdout) as Report;
  const validation = validateReport(report);
  expect(validation.errors).toEqual([]);
  return report;
}

describe('analyze: the four ways a bundle arrives', () => {
  it.each([
    ['a zip', fixture.flagshipZip],
    ['a tar.gz', fixture.flagshipTarGz],
    ['an extracted folder', fixture.flagshipFolder],
  ])('finds S01 in the flagship bundle as %s, prints only the JSON report, exits 3', async (_kind, bundle) => {
    const run = await runCli(['analyze', bundle, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    const report = parseReport(run.stdout);
    expect(report.summary.headline).toBe(S01);
    expect(report.findings.find((finding) => finding.ruleId === S01)?.status).toBe('fail');
    expect(report.bundle.source).toBe(bundle);
  });

  it('reads a zip from stdin when the bundle is "-"', async () => {
    const run = await runCli(['analyze', '-', '--format', 'json'], { stdin: readFileSync(join(repositoryRoot, fixture.flagshipZip)) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(parseReport(run.stdout).summary.headline).toBe(S01);
  });

  it('reads a tar.gz from stdin too', async () => {
    const run = await runCli(['analyze', '-'], { stdin: readFileSync(join(repositoryRoot, fixture.flagshipTarGz)) });
    expect(run.code).toBe(3);
    expect(parseReport(run.stdout).summary.headline).toBe(S01);
  });

  it('writes JSON by default when stdout is not a terminal', async () => {
    const run = await runCli(['analyze', fixture.healthyZip]);
    expect(run.code).toBe(0);
    expect(parseReport(run.stdout).summary.fail).toBe(0);
  });
});

describe('analyze: formats', () => {
  it('text names the finding and points at evidence as path:line', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--format', 'text']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(S01);
    expect(run.stdout).toMatch(/bundles\.yaml:\d+/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('md is Markdown', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--format', 'md']);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^#/m);
    expect(run.stdout).toContain(S01);
  });

  it('html is one HTML document', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--format', 'html']);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/<html|<!doctype html/i);
  });

  it('sarif is SARIF 2.1.0 JSON with the S01 result', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--format', 'sarif']);
    expect(run.code).toBe(3);
    const sarif = JSON.parse(run.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toContain(S01);
  });

  it('junit is JUnit XML naming S01', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--format', 'junit']);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/<testsuites?[\s>]/);
    expect(run.stdout).toContain(S01);
  });

  it('junit has one test case per rule that ran, passes included, without --include-pass', async () => {
    const run = await runCli(['analyze', fixture.healthyZip, '--format', 'junit']);
    expect(run.code).toBe(0);
    const report = parseReport((await runCli(['analyze', fixture.healthyZip, '--format', 'json', '--include-pass'])).stdout);
    const rulesThatRan = new Set(report.findings.map((finding) => finding.ruleId)).size;
    expect(report.summary.pass).toBeGreaterThan(0);
    const failing = new Set(report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'warn').map((finding) => finding.ruleId)).size;
    const expected = `tests="${rulesThatRan + report.skipped.length + report.errors.length}" failures="${failing}" skipped="${report.skipped.length}"`;
    expect(run.stdout).toContain(`<testsuites name="bundle-triage" ${expected}`);
    const passed = report.findings.find((finding) => finding.status === 'pass')!;
    expect(run.stdout).toContain(`<testcase classname="${passed.component}" name="${passed.ruleId}" />`);
  });

  it('the other formats still leave passes out unless --include-pass', async () => {
    const report = parseReport((await runCli(['analyze', fixture.healthyZip, '--format', 'json'])).stdout);
    expect(report.summary.pass).toBeGreaterThan(0);
    expect(report.findings.filter((finding) => finding.status === 'pass')).toEqual([]);
  });

  it('refuses an unknown format as a usage error', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--format', 'yaml']);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toContain('--format');
  });
});

describe('analyze: exit codes, --fail-on, --only, --skip', () => {
  it('exits 0 on a healthy bundle', async () => {
    const run = await runCli(['analyze', fixture.healthyZip, '--format', 'json']);
    expect(run.code).toBe(0);
  });

  it('exits 3 on a fail with the default --fail-on fail, and with --fail-on warn', async () => {
    expect((await runCli(['analyze', fixture.flagshipZip, '--fail-on', 'fail'])).code).toBe(3);
    expect((await runCli(['analyze', fixture.flagshipZip, '--fail-on', 'warn'])).code).toBe(3);
  });

  it('--fail-on warn exits 3 exactly when the report has a warn or a fail', async () => {
    const run = await runCli(['analyze', fixture.healthyOneNodeZip, '--fail-on', 'warn']);
    const report = parseReport(run.stdout);
    expect(run.code).toBe(report.summary.fail + report.summary.warn > 0 ? 3 : 0);
  });

  it('refuses a --fail-on level it does not know', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--fail-on', 'info']);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr);
  });

  it('--only runs just the named rules (by id, by signature, by tag)', async () => {
    for (const selector of [S01, 'S01', 'upgrade-gate']) {
      const run = await runCli(['analyze', fixture.flagshipZip, '--only', selector]);
      expect(run.code, selector).toBe(3);
      const report = parseReport(run.stdout);
      expect(report.run?.rules, selector).toBeGreaterThan(0);
      expect(report.findings.every((finding) => finding.tags.includes('upgrade-gate')), selector).toBe(true);
    }
  });

  it('--skip S01 leaves the flagship finding out and the exit code follows', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--skip', 'S01']);
    const report = parseReport(run.stdout);
    expect(report.findings.some((finding) => finding.ruleId === S01)).toBe(false);
    expect(run.code).toBe(report.summary.fail > 0 ? 3 : 0);
  });

  it('refuses an --only selector that names no rule, before reading the bundle', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--only', 'no-such-rule']);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toBe(
      'bundle-triage: unknown rule selector: no-such-rule: no rule has this id, signature, tag or component (see bundle-triage rules list)',
    );
    expect(run.stdout).toBe('');
  });

  it('--include-pass keeps pass findings', async () => {
    const run = await runCli(['analyze', fixture.healthyZip, '--include-pass']);
    const report = parseReport(run.stdout);
    expect(report.findings.filter((finding) => finding.status === 'pass')).toHaveLength(report.summary.pass);
  });
});

describe('analyze: --out', () => {
  it('writes one report to a FILE, in the format its extension names, and nothing to stdout', async () => {
    mkdirSync(join(temp.path, 'single'));
    const out = join(temp.path, 'single', 'flagship.json');
    const run = await runCli(['analyze', fixture.flagshipZip, '--out', out]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(parseReport(readFileSync(out, 'utf8')).summary.headline).toBe(S01);
  });

  it('writes <bundle>.<ext> for each bundle into a DIR', async () => {
    const out = join(temp.path, 'reports');
    mkdirSync(out);
    const run = await runCli(['analyze', fixture.flagshipZip, fixture.healthyZip, fixture.flagshipFolder, '--format', 'sarif', '--out', out]);
    expect(run.code).toBe(3);
    expect(readdirSync(out).sort()).toEqual(['flagship-v1.4.1-2.sarif', 'flagship-v1.4.1.sarif', 'healthy-v1.4.2-3node.sarif']);
  });

  it.each([
    ['r.htm', /^<!doctype html>/i],
    ['r.markdown', /^# /],
    ['r.txt', /^✖ FAIL/],
    ['r.sarif.json', /"version": "2\.1\.0"/],
    ['r.junit.xml', /^<\?xml/],
  ])('knows the format of --out %s from its extension', async (name, start) => {
    const out = join(temp.path, `extension-${name}`);
    const run = await runCli(['analyze', fixture.flagshipZip, '--out', out]);
    expect(run.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(start);
  });

  it.each(['r.pdf', 'r.yaml', 'report'])('refuses --out %s, whose extension names no format, and writes nothing', async (name) => {
    const out = join(temp.path, name);
    const run = await runCli(['analyze', fixture.flagshipZip, '--out', out]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/^bundle-triage: usage: --out: cannot tell the format from (\.pdf|\.yaml|"report" \(no extension\)); use --format/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the --format it is given into a file of any extension', async () => {
    const out = join(temp.path, 'given.pdf');
    const run = await runCli(['analyze', fixture.flagshipZip, '--out', out, '--format', 'md']);
    expect(run.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
  });

  it('does not make the missing folders of a FILE', async () => {
    const out = join(temp.path, 'no-such', 'folder', 'r.json');
    const run = await runCli(['analyze', fixture.flagshipZip, '--out', out]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toBe(`bundle-triage: cannot write report: ${out}: no such folder`);
    expect(existsSync(join(temp.path, 'no-such'))).toBe(false);
  });

  it('makes a DIR that ends in /, as documented', async () => {
    const out = `${join(temp.path, 'new', 'reports')}/`;
    const run = await runCli(['analyze', fixture.flagshipZip, '--format', 'json', '--out', out]);
    expect(run.code).toBe(3);
    expect(readdirSync(out)).toEqual(['flagship-v1.4.1.json']);
  });

  it('refuses several bundles with --out FILE', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, fixture.healthyZip, '--out', join(temp.path, 'both.json')]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/^bundle-triage: usage: --out: 2 bundles need a folder/);
  });

  it('prints several JSON reports on stdout as one array', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, fixture.healthyZip, '--format', 'json']);
    expect(run.code).toBe(3);
    const reports = JSON.parse(run.stdout) as Report[];
    expect(reports.map((report) => report.bundle.source)).toEqual([fixture.flagshipZip, fixture.healthyZip]);
  });
});

describe('analyze: one-line errors on unusable input (exit 2, no stack)', () => {
  it('a missing file', async () => {
    const path = relative(repositoryRoot, missingFile(temp.path));
    const run = await runCli(['analyze', path]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toBe(`bundle-triage: cannot open bundle: ${path}: no such file or folder`);
    expect(run.stdout).toBe('');
  });

  it('a zip that is not a support bundle', async () => {
    const path = await writeNonBundleZip(join(temp.path, 'quarterly-report.zip'));
    const run = await runCli(['analyze', path]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(/^bundle-triage: cannot read bundle: .*quarterly-report\.zip: not a Harvester support bundle/);
  });

  it('a truncated zip', async () => {
    const path = writeTruncatedZip(join(temp.path, 'cut-short.zip'));
    const run = await runCli(['analyze', path]);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toMatch(
      /^bundle-triage: cannot read bundle: .*cut-short\.zip: not a readable zip \(truncated or corrupt\): no end-of-archive record \(\d+ bytes; download cut short\?\)$/,
    );
  });

  it('a truncated zip on stdin', async () => {
    const whole = readFileSync(join(repositoryRoot, fixture.flagshipZip));
    const run = await runCli(['analyze', '-'], { stdin: whole.subarray(0, 5000) });
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toBe('bundle-triage: cannot read bundle: <stdin>: not a readable zip (truncated or corrupt): no end-of-archive record (5000 bytes; download cut short?)');
  });

  it('one broken bundle among good ones: the others are reported, the exit code is 2', async () => {
    const broken = relative(repositoryRoot, missingFile(temp.path));
    const run = await runCli(['analyze', fixture.flagshipZip, broken, '--format', 'json']);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr);
    expect((JSON.parse(run.stdout) as Report[]).map((report) => report.bundle.source)).toEqual([fixture.flagshipZip]);
  });

  it('an unknown option', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--frmat', 'json']);
    expect(run.code).toBe(2);
    expect(expectOneLineError(run.stderr)).toBe('bundle-triage: usage: --frmat: unknown option (see bundle-triage analyze --help)');
  });
});

describe('analyze: the overview, log patterns and timeline', () => {
  it('are in the JSON report by default, and --no-patterns --no-timeline leave those two out', async () => {
    const full = parseReport((await runCli(['analyze', 'testdata/bundles/workloads-v1.4.2.zip', '--format', 'json'])).stdout);
    expect(full.overview!.pods.notReady).toBe(1);
    expect(full.patterns!.templates.length).toBeGreaterThan(0);
    expect(full.timeline!.entries.length).toBeGreaterThan(0);
    expect(full.findings.find((finding) => finding.ruleId === 'precheck-pod-status')!.timelineWindow!.entries.length).toBeGreaterThan(0);

    const fast = parseReport((await runCli(['analyze', 'testdata/bundles/workloads-v1.4.2.zip', '--format', 'json', '--no-patterns', '--no-timeline'])).stdout);
    expect(fast.overview).toEqual(full.overview);
    expect(fast.patterns).toBeUndefined();
    expect(fast.timeline).toBeUndefined();
    expect(fast.findings.map((finding) => finding.fingerprint)).toEqual(full.findings.map((finding) => finding.fingerprint));
  });
});
