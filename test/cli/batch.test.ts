import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchLine } from '@bundle-triage/cli';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { healthyCluster } from '../../testdata/generator/healthy-cluster.js';
import { logrus } from '../../testdata/generator/pod-logs.js';
import { writeNonBundleZip, writeTruncatedZip } from './broken-inputs.js';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, bundles, runCli, S01, temporaryFolder } from './run-cli.js';


const temp = temporaryFolder('batch');
vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS });
beforeAll(assertBuilt);
afterAll(temp.remove);

const parseLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as BatchLine);

describe('batch', () => {
  it('a broken bundle is one error line; the rest of the batch is analysed', async () => {
    for (const name of ['flagship-v1.4.1.zip', 'flagship-v1.4.1-fixed.zip', 'healthy-v1.4.2-3node.zip', 'flagship-v1.4.1.tar.gz']) {
      copyFileSync(join(bundles, name), join(temp.path, name));
    }
    writeTruncatedZip(join(temp.path, 'cut-short.zip'));
    await writeNonBundleZip(join(temp.path, 'holiday-photos.zip'));
    // A ticket folder also holds attachments: a folder that is not a bundle is no bundle to report.
    mkdirSync(join(temp.path, 'screenshots'));
    writeFileSync(join(temp.path, 'screenshots', 'upgrade-error.png'), '');

    const run = await runCli(['batch', temp.path, '--jobs', '3']);
    expect(run.code).toBe(2);
    const lines = parseLines(run.stdout);
    expect(lines).toHaveLength(6);
    const byName = new Map(lines.map((line) => [line.path.split(/[\\/]/).pop()!, line]));

    for (const broken of ['cut-short.zip', 'holiday-photos.zip']) {
      const line = byName.get(broken)!;
      expect(line.error, broken).toMatch(/^cannot read bundle: /);
      expect(line.errorCode).toBe('BUNDLE_FORMAT');
      expect(line.headline).toBeNull();
    }
    for (const flagship of ['flagship-v1.4.1.zip', 'flagship-v1.4.1.tar.gz']) {
      const line = byName.get(flagship)!;
      expect(line.error).toBeUndefined();
      expect(line.headline).toBe(S01);
      expect(line.fail).toContain(S01);
      expect(line.fingerprints.length).toBeGreaterThanOrEqual(line.fail.length);
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
    // The same cluster's finding has the same fingerprint whatever the archive format.
    expect(byName.get('flagship-v1.4.1.zip')!.fingerprints).toEqual(byName.get('flagship-v1.4.1.tar.gz')!.fingerprints);
    expect(byName.get('flagship-v1.4.1-fixed.zip')!.fail).not.toContain(S01);
    // Not a terminal: stderr only says what went wrong, in one line.
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('2 of 6 bundles could not be analysed');
  });

  it('names the folders it skipped with --verbose', async () => {
    const folder = join(temp.path, 'verbose');
    mkdirSync(join(folder, 'screenshots'), { recursive: true });
    copyFileSync(join(bundles, 'healthy-v1.4.2-3node.zip'), join(folder, 'healthy.zip'));
    const run = await runCli(['batch', folder, '--verbose']);
    expect(run.code).toBe(0);
    expect(parseLines(run.stdout)).toHaveLength(1);
    expect(run.stderr).toBe(`bundle-triage: batch: skipped ${join(folder, 'screenshots')}: not a bundle (no metadata.yaml or yamls/, nor a single supportbundle_* folder holding them)\n`);
  });

  it('does not make the missing folders of --out FILE', async () => {
    const out = join(temp.path, 'no-such', 'results.jsonl');
    const run = await runCli(['batch', 'testdata/bundles/healthy-*.zip', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`bundle-triage: cannot write results: ${out}: no such folder\n`);
    expect(existsSync(join(temp.path, 'no-such'))).toBe(false);
  });

  it('takes a quoted glob, writes --out results.jsonl, exits 0 when every bundle was read', async () => {
    mkdirSync(join(temp.path, 'out'));
    const out = join(temp.path, 'out', 'results.jsonl');
    const run = await runCli(['batch', 'testdata/bundles/*.zip', '--jobs', '2', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const lines = parseLines(readFileSync(out, 'utf8'));
    expect(lines.map((line) => line.path).sort()).toEqual([
      'testdata/bundles/flagship-v1.4.1-fixed.zip',
      'testdata/bundles/flagship-v1.4.1.zip',
      'testdata/bundles/healthy-v1.4.1-1node.zip',
      'testdata/bundles/healthy-v1.4.2-3node.zip',
      'testdata/bundles/workloads-v1.4.2.zip',
    ]);
  });

  it('refuses a glob that matches nothing, and a bad --jobs', async () => {
    const none = await runCli(['batch', 'testdata/bundles/*.rar']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^bundle-triage: usage: testdata\/bundles\/\*\.rar: matches no bundle/);
    const jobs = await runCli(['batch', 'testdata/bundles', '--jobs', '0']);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toMatch(/^bundle-triage: usage: --jobs: /);
  });

  it('--patterns writes the log templates no rule explains that recur in several bundles', async () => {
    const folder = join(temp.path, 'recurring');
    mkdirSync(folder);
    copyFileSync(join(bundles, 'workloads-v1.4.2.zip'), join(folder, 'ticket-1.zip'));
    copyFileSync(join(bundles, 'workloads-v1.4.2.zip'), join(folder, 'ticket-2.zip'));
    copyFileSync(join(bundles, 'flagship-v1.4.1.zip'), join(folder, 'ticket-3.zip'));
    const out = join(temp.path, 'recurring.json');
    const run = await runCli(['batch', folder, '--jobs', '2', '--patterns', out]);
    expect(run.code).toBe(0);
    expect(parseLines(run.stdout)).toHaveLength(3);
    const recurring = JSON.parse(readFileSync(out, 'utf8')) as { bundles: number; minBundles: number; templates: { id: string; template: string; bundles: number; explainedIn: number; paths: string[] }[] };
    expect(recurring).toMatchObject({ bundles: 3, minBundles: 2 });
    // Every generated node logs the BMC's empty virtual CD-ROM failing a read (benign, so no rule
    // explains it): those two kernel templates recur in all three bundles. The workloads cluster's
    // own templates are explained there (the crash loop's by its findings, the longhorn-manager's
    // by pod-restarted-recently), so they are not listed. Equal bundles and lines: in id order.
    expect(recurring.templates.map((template) => template.template).sort()).toEqual([
      expect.stringMatching(/^I\/O error, dev sr0, /),
      expect.stringMatching(/^sr <num>:<num>:<num>:<num>: \[sr0\] tag#<num> FAILED /),
    ]);
    expect(recurring.templates.map((template) => template.id)).toEqual(recurring.templates.map((template) => template.id).sort());
    for (const template of recurring.templates) {
      expect(template).toMatchObject({ bundles: 3, explainedIn: 0 });
      expect(template.paths.map((path) => path.split(/[\\/]/).pop())).toEqual(['ticket-1.zip', 'ticket-2.zip', 'ticket-3.zip']);
    }
    const once = JSON.parse(readFileSync(out, 'utf8')) as { templates: { id: string }[] };
    const again = await runCli(['batch', folder, '--patterns', out, '--min-bundles', '4']);
    expect(again.code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { templates: unknown[] }).templates).toEqual([]);
    expect(once.templates.length).toBe(2);
  });

  it('--min-bundles 2 lists a template two of three bundles share and no rule explains; 3 leaves it out', async () => {
    const folder = join(temp.path, 'two-of-three');
    mkdirSync(folder);
    // Two tickets whose rancher pod keeps failing to reach a downstream cluster (no rule knows
    // it), and the flagship, which does not log it.
    const withUnknownError = (seed: number) => {
      const builder = healthyCluster({ harvesterVersion: 'v1.4.2', nodes: 1, seed });
      const createdAt = Date.parse(builder.bundleMetadata.bundleCreatedAt);
      const at = (minutesBefore: number) => new Date(createdAt - minutesBefore * 60_000).toISOString();
      const lines = Array.from({ length: 24 }, (_, index) => logrus(at(60 - index * 2), 'error', `error syncing cluster c-m-${(1000 + index * 7).toString(36)}: dial tcp 10.52.${index}.9:443: connect: connection refused`));
      builder.addPodLog('cattle-system', 'rancher-6d7b9f8c4d-x2kqp', 'rancher', lines);
      return builder.toZip();
    };
    writeFileSync(join(folder, 'ticket-a.zip'), withUnknownError(11));
    writeFileSync(join(folder, 'ticket-b.zip'), withUnknownError(12));
    copyFileSync(join(bundles, 'flagship-v1.4.1.zip'), join(folder, 'ticket-c.zip'));
    const out = join(temp.path, 'two-of-three.json');
    type Recurring = { bundles: number; minBundles: number; templates: { template: string; bundles: number; explainedIn: number; paths: string[] }[] };
    const shared = (recurring: Recurring) => recurring.templates.filter((template) => template.template.startsWith('error syncing cluster'));

    const two = await runCli(['batch', folder, '--patterns', out, '--min-bundles', '2']);
    expect(two.code, two.stderr).toBe(0);
    const atTwo = JSON.parse(readFileSync(out, 'utf8')) as Recurring;
    expect(atTwo).toMatchObject({ bundles: 3, minBundles: 2 });
    expect(shared(atTwo)).toHaveLength(1);
    expect(shared(atTwo)[0]).toMatchObject({ bundles: 2, explainedIn: 0 });
    expect(shared(atTwo)[0]!.paths.map((path) => path.split(/[\\/]/).pop())).toEqual(['ticket-a.zip', 'ticket-b.zip']);

    const three = await runCli(['batch', folder, '--patterns', out, '--min-bundles', '3']);
    expect(three.code, three.stderr).toBe(0);
    const atThree = JSON.parse(readFileSync(out, 'utf8')) as Recurring;
    expect(shared(atThree)).toEqual([]);
    // What all three share (the BMC's empty virtual CD-ROM) is still listed.
    expect(atThree.templates.length).toBeGreaterThan(0);
    for (const template of atThree.templates) expect(template.bundles).toBe(3);
  });

  it('refuses --min-bundles without --patterns', async () => {
    const run = await runCli(['batch', 'testdata/bundles', '--min-bundles', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bundle-triage: usage: --min-bundles: goes with --patterns FILE/);
  });
});
