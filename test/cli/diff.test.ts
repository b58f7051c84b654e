import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDiff } from '@bundle-triage/cli';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, expectOneLineError, fixture, runCli, S01, temporaryFolder } from './run-cli.js';


vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS });
beforeAll(assertBuilt);

describe('diff', () => {
  it('S01 disappears between the flagship bundle and its fixed version, and the exit code says the fix worked', async () => {
    const run = await runCli(['diff', fixture.flagshipZip, fixture.flagshipFixedZip, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout) as ReportDiff;
    expect(diff.sameCluster).toBe(true);
    expect(diff.disappeared).toContainEqual(expect.objectContaining({ ruleId: S01, signature: 'S01', status: 'fail' }));
    expect(diff.appeared.map((entry) => entry.ruleId)).not.toContain(S01);
    expect(diff.stayed.map((entry) => entry.ruleId)).not.toContain(S01);
  });

  it('the other way round S01 appears and the exit code is 3', async () => {
    const run = await runCli(['diff', fixture.flagshipFixedZip, fixture.flagshipZip, '--format', 'json']);
    expect(run.code).toBe(3);
    expect((JSON.parse(run.stdout) as ReportDiff).appeared.map((entry) => entry.ruleId)).toContain(S01);
  });

  it('a finding in both bundles stays (zip against its own tar.gz)', async () => {
    const run = await runCli(['diff', fixture.flagshipZip, fixture.flagshipTarGz, '--format', 'json']);
    expect(run.code).toBe(3);
    const diff = JSON.parse(run.stdout) as ReportDiff;
    expect(diff.stayed.map((entry) => entry.ruleId)).toContain(S01);
    // The same cluster in two archive formats: nothing comes or goes.
    expect(diff.appeared).toEqual([]);
    expect(diff.disappeared).toEqual([]);
  });

  it('text says what disappeared', async () => {
    const run = await runCli(['diff', fixture.flagshipZip, fixture.flagshipFixedZip, '--format', 'text']);
    expect(run.stdout).toMatch(/^Disappeared \(\d+\):$/m);
    expect(run.stdout).toMatch(/^ {2}- fail {2}mcc-harvester-modified-snapshot-validation-webhook \(S01\): /m);
  });

  it('warns on stderr when the bundles come from different clusters', async () => {
    const run = await runCli(['diff', fixture.flagshipZip, fixture.healthyZip, '--format', 'json']);
    expect((JSON.parse(run.stdout) as ReportDiff).sameCluster).toBe(false);
    expect(run.stderr).toMatch(/^bundle-triage: warning: .* come from different clusters/);
  });

  it('writes the format --out FILE names (d.md is Markdown), and refuses one diff cannot write', async () => {
    const temp = temporaryFolder('diff');
    try {
      const markdown = await runCli(['diff', fixture.flagshipZip, fixture.flagshipFixedZip, '--out', join(temp.path, 'd.md')]);
      expect(markdown.code).toBe(0);
      expect(readFileSync(join(temp.path, 'd.md'), 'utf8')).toMatch(/^# Findings from `/);
      const html = await runCli(['diff', fixture.flagshipZip, fixture.flagshipFixedZip, '--out', join(temp.path, 'd.html')]);
      expect(html.code).toBe(2);
      expect(expectOneLineError(html.stderr)).toBe(
        'bundle-triage: usage: --out: .html is html, which diff does not write (it writes text, md, json); use --format (see bundle-triage diff --help)',
      );
    } finally {
      temp.remove();
    }
  });

  it('needs exactly two bundles', async () => {
    const run = await runCli(['diff', fixture.flagshipZip]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bundle-triage: usage: needs two bundles: the old one, then the new one (see bundle-triage diff --help)\n');
  });
});
