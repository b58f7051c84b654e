import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, fixture, repositoryRoot, runCli, S01, temporaryFolder } from './run-cli.js';

const temp = temporaryFolder('rules');
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS });
beforeAll(assertBuilt);
afterAll(temp.remove);

/** A site rule that warns on the flagship bundle: its Fleet bundle mcc-harvester is not 1/1. */
const SITE_RULE = `# yaml-language-server: $schema=../../packages/rules/schema/rule.schema.json
id: site-chart-not-ready
title: Our change freeze requires every Fleet bundle ready
severity: medium
component: fleet
tags: [site]
inputs:
  fleetBundle: { resource: { group: fleet.cattle.io, resource: bundles, namespace: fleet-local, name: mcc-harvester } }
outcomes:
  - when: { field: { path: fleetBundle/status/display/readyClusters, notEquals: 1/1 } }
    status: warn
    message: Fleet bundle mcc-harvester is {{ fleetBundle/status/display/readyClusters }}
`;

describe('rules', () => {
  it('list --json lists the built-in catalog with signatures', async () => {
    const run = await runCli(['rules', 'list', '--json']);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; signature: string | null }[];
    expect(rules).toContainEqual(expect.objectContaining({ id: S01, signature: 'S01' }));
  });

  it('show accepts a signature', async () => {
    const run = await runCli(['rules', 'show', 'S01']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`${S01} (S01)`);
  });

  it('show of an unknown id is one line, exit 2', async () => {
    const run = await runCli(['rules', 'show', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bundle-triage: unknown rule: nope: no rule has this id or signature (see bundle-triage rules list)\n');
  });

  it('validate passes a valid folder, and a site rule then runs with --rules', async () => {
    const folder = join(temp.path, 'valid');
    mkdirSync(folder);
    writeFileSync(join(folder, 'chart.yaml'), SITE_RULE);
    const validate = await runCli(['rules', 'validate', folder]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('1 rule in');

    const analyze = await runCli(['analyze', fixture.flagshipZip, '--rules', folder, '--only', 'site', '--fail-on', 'warn']);
    const report = JSON.parse(analyze.stdout) as { findings: { ruleId: string; status: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'site-chart-not-ready', status: 'warn' }));
    expect(analyze.code).toBe(3);
  });

  it('validate names file and pointer of each schema error and exits 2', async () => {
    const folder = join(temp.path, 'invalid');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bad-status.yaml'), SITE_RULE.replace('status: warn', 'status: broken'));
    writeFileSync(join(folder, 'built-in-id.yaml'), SITE_RULE.replace('id: site-chart-not-ready', `id: ${S01}`));
    const run = await runCli(['rules', 'validate', relative(repositoryRoot, folder)]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/bad-status\.yaml#\/outcomes\/0\/status: /));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`built-in-id\\.yaml#/id: id "${S01}" is already used`)));
    expect(run.stderr).toMatch(/^bundle-triage: invalid rules: .*: 2 problems in 2 files\n$/);
  });

  it('analyze refuses an invalid --rules folder before reading the bundle', async () => {
    const run = await runCli(['analyze', fixture.flagshipZip, '--rules', join(temp.path, 'invalid')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bundle-triage: invalid rule: .*\.yaml#\/.*; run bundle-triage rules validate (\S+) to see all\n$/);
    expect(run.stderr).toContain(`; run bundle-triage rules validate ${join(temp.path, 'invalid')} to see all`);
  });

  it('validate echoes an absolute folder as absolute, not relative to the working folder', async () => {
    const folder = join(temp.path, 'invalid');
    const run = await runCli(['rules', 'validate', folder]);
    expect(run.code).toBe(2);
    for (const line of run.stdout.trimEnd().split('\n')) expect(line.startsWith(`${folder}/`), line).toBe(true);
  });

  it('validate without a folder says the usage once', async () => {
    const run = await runCli(['rules', 'validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bundle-triage: usage: bundle-triage rules validate <dir> (see bundle-triage rules --help)\n');
  });
});

describe('readiness', () => {
  it('the flagship bundle: the upgrade would be refused (exit 3), and S01 is the reason', async () => {
    const run = await runCli(['readiness', fixture.flagshipZip, '--format', 'json']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(S01);
  });

  it('a healthy bundle: the upgrade would start (exit 0)', async () => {
    const run = await runCli(['readiness', fixture.healthyZip, '--format', 'text']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('counts the checks for other versions on one line, not as checks that could not be made; --verbose lists them', async () => {
    const json = JSON.parse((await runCli(['readiness', fixture.healthyZip, '--format', 'json'])).stdout) as {
      headline: string;
      notChecked: { reason: string }[];
      notApplicable: { count: number };
    };
    expect(json.notApplicable.count).toBeGreaterThan(0);
    expect(json.notChecked.filter((entry) => /; this bundle is v1\.4\.2$/.test(entry.reason))).toEqual([]);
    expect(json.headline).toBe(`No reason found to refuse an upgrade (${json.notChecked.length} checks could not be made from this bundle)`);

    const text = await runCli(['readiness', fixture.healthyZip, '--format', 'text']);
    expect(text.stdout).toContain(`Not applicable to v1.4.2: ${json.notApplicable.count} checks — --verbose lists them`);
    expect(text.stdout).not.toMatch(/this bundle is v1\.4\.2/);
    const verbose = await runCli(['readiness', fixture.healthyZip, '--format', 'text', '--verbose']);
    expect(verbose.stdout).not.toBe(text.stdout);
    expect(verbose.stdout).toContain(`Not applicable to v1.4.2: ${json.notApplicable.count} checks:`);
    expect(verbose.stdout).toMatch(/this bundle is v1\.4\.2/);
  });

  it('refuses --out r.html, a format readiness does not write, rather than writing JSON into it', async () => {
    const out = join(temp.path, 'r.html');
    const run = await runCli(['readiness', fixture.healthyZip, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'bundle-triage: usage: --out: .html is html, which readiness does not write (it writes text, md, json); use --format (see bundle-triage readiness --help)\n',
    );
  });
});

describe('--help and --version', () => {
  it.each([[[]], [['analyze']], [['readiness']], [['rules']], [['batch']], [['diff']]])('--help of %j documents the exit codes', async (command) => {
    const run = await runCli([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: bundle-triage/);
    expect(run.stdout).toContain('Exit codes:');
  });

  it('--version prints the version', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^bundle-triage \d+\.\d+\.\d+\n$/);
  });

  it('no command: usage on stderr, exit 2', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: bundle-triage/);
  });
});
