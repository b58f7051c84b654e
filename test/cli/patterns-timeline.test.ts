// `patterns` and `timeline` through main() in-process (against the sources), on a generated
// bundle of a failed upgrade in every packaging, and their one-line errors; then the built CLI
// once on the committed flagship folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode, main } from '@bundle-triage/cli';
import { captureIo } from './capture-io.js';
import type { LogTemplate, TimelineEntry } from '@bundle-triage/core';
import { incidentBundle, type IncidentBundle } from '../../testdata/generator/log-profiles/index.js';
import { assertBuilt, CLI_TEST_TIMEOUT_MS, fixture, runCli } from './run-cli.js';

async function run(args: string[], options: { stdoutIsTTY?: boolean; stdin?: Buffer; columns?: number } = {}) {
  const captured = captureIo(options);
  const code = await main(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('bundle-triage patterns and timeline', () => {
  let incident: IncidentBundle;
  let work: string;
  const inputs: Record<'zip' | 'tar.gz' | 'folder', string> = { zip: '', 'tar.gz': '', folder: '' };

  beforeAll(() => {
    incident = incidentBundle();
    work = mkdtempSync(join(tmpdir(), 'patterns-cli-'));
    inputs.zip = join(work, 'incident.zip');
    inputs['tar.gz'] = join(work, 'incident.tar.gz');
    inputs.folder = join(work, 'incident');
    writeFileSync(inputs.zip, incident.builder.toZip());
    writeFileSync(inputs['tar.gz'], incident.builder.toTarGz());
    incident.builder.writeDirectory(inputs.folder);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('patterns: the same JSON on a zip, a tar.gz, a folder and stdin, the requeue loop first', async () => {
    const outputs = [];
    for (const input of [inputs.zip, inputs['tar.gz'], inputs.folder]) {
      const result = await run(['patterns', input, '--format', 'json', '--all']);
      expect(result.code, result.stderr).toBe(ExitCode.ok);
      expect(result.stderr).toBe('');
      outputs.push(JSON.parse(result.stdout) as { templates: LogTemplate[] });
    }
    const stdin = await run(['patterns', '-', '--all'], { stdin: incident.builder.toZip() as Buffer });
    outputs.push(JSON.parse(stdin.stdout) as { templates: LogTemplate[] });
    const ids = outputs.map((output) => output.templates.map((template) => [template.id, template.count]));
    for (const other of ids.slice(1)) expect(other).toEqual(ids[0]);
    expect(outputs[0]!.templates[0]!.loop).toBeDefined();
    expect(outputs[0]!.templates.length).toBeGreaterThan(20);
  }, CLI_TEST_TIMEOUT_MS);

  it('patterns: text by default on a terminal, the first 20 by rank unless --limit or --all', async () => {
    const text = await run(['patterns', inputs.zip], { stdoutIsTTY: true });
    expect(text.code).toBe(ExitCode.ok);
    expect(text.stdout).toMatch(/log templates from \d+ warning\/error lines in \d+ logs .*the first 20 by rank/);
    expect(text.stdout).toContain('LOOP every 30 s');
    const three = JSON.parse((await run(['patterns', inputs.zip, '--limit', '3'])).stdout) as { templates: LogTemplate[]; stats: { templates: number } };
    expect(three.templates).toHaveLength(3);
    expect(three.stats.templates).toBeGreaterThan(3);
  }, CLI_TEST_TIMEOUT_MS);

  it('timeline: the failed upgrade in order, with --since relative to the bundle and --object', async () => {
    const result = await run(['timeline', inputs.zip, '--since', '3h', '--format', 'json']);
    expect(result.code, result.stderr).toBe(ExitCode.ok);
    const { entries, filter } = JSON.parse(result.stdout) as { entries: TimelineEntry[]; filter: { since: string } };
    expect(filter.since).toBe(new Date(Date.parse(incident.createdAt) - 3 * 3600_000).toISOString().replace('.000Z', 'Z'));
    expect(entries.every((entry) => entry.at >= Date.parse(filter.since))).toBe(true);
    const kinds = new Set(entries.map((entry) => entry.kind));
    for (const kind of ['created', 'condition', 'job-finished', 'container-terminated', 'node-boot', 'upgrade-state', 'event', 'log-first']) expect(kinds).toContain(kind);
    const object = await run(['timeline', inputs.folder, '--object', `Pod/default/${incident.oomPod}`, '--no-logs', '-f', 'json']);
    const about = (JSON.parse(object.stdout) as { entries: TimelineEntry[] }).entries;
    expect(about.length).toBeGreaterThan(2);
    expect(about.every((entry) => entry.object?.name === incident.oomPod)).toBe(true);
  }, CLI_TEST_TIMEOUT_MS);

  it('timeline: text marks inferred years (~) and collected states (@) and explains them', async () => {
    const result = await run(['timeline', inputs['tar.gz'], '--since', '2h', '--no-logs'], { stdoutIsTTY: true });
    expect(result.stdout).toMatch(/Z *@ ERROR Upgrade harvester-system\/hvst-upgrade-x7k2p node harvester-node-1: Failed/);
    expect(result.stdout).toContain('@ a state with no time of its own');
    expect(result.stdout).toMatch(/Z *~ info  node harvester-node-1 booted/);
  }, CLI_TEST_TIMEOUT_MS);

  it("timeline: text wraps its legend and notes to the terminal's width, as the text report wraps its prose, and leaves entry lines whole", async () => {
    const narrow = await run(['timeline', inputs.zip, '--since', '2h', '--no-logs'], { stdoutIsTTY: true, columns: 40 });
    const lines = narrow.stdout.split('\n');
    const entries = lines.filter((line) => /^\d{4}-\d\d-\d\dT/.test(line));
    expect(entries.some((line) => line.length > 40)).toBe(true);
    const prose = lines.filter((line) => !entries.includes(line));
    // Only a word longer than the line (a path) may pass the width, never two words.
    for (const line of prose) if (line.length > 40) expect(line.trim(), line).not.toMatch(/\s/);
    // The legend's continuation lines sit under the words after the mark.
    const legend = lines.indexOf('@ a state with no time of its own: as');
    expect(legend, narrow.stdout).toBeGreaterThan(0);
    expect(lines.slice(legend, legend + 3)).toEqual(['@ a state with no time of its own: as', '  recorded when the bundle was made', lines[legend + 2]]);
    // Not on a terminal: the text report's 100 columns.
    const piped = await run(['timeline', inputs.zip, '--since', '2h', '--no-logs', '--format', 'text'], { columns: 40 });
    expect(piped.stdout).toContain('@ a state with no time of its own: as recorded when the bundle was made\n');
  }, CLI_TEST_TIMEOUT_MS);

  it.each([
    [['timeline', 'X', '--since', 'yesterday'], /^bundle-triage: usage: --since: "yesterday" is neither an RFC 3339 time/],
    [['timeline', 'X', '--object', 'Pod'], /^bundle-triage: usage: --object: "Pod" is not KIND\/NAMESPACE\/NAME or KIND\/NAME/],
    [['timeline', 'X', '--object', 'Pod/default/not-there', '--no-logs'], /^bundle-triage: unknown object: Pod\/default\/not-there: no such object in the bundle$/],
    [['timeline', 'X', '--object', 'Gadget/default/x', '--no-logs'], /^bundle-triage: unknown object: Gadget\/default\/x: the bundle has no Gadget list in namespace default$/],
    [['timeline', 'X', '--namespace', 'nowhere', '--no-logs'], /^bundle-triage: unknown namespace: nowhere: not in this bundle/],
    [['timeline', 'X', '--since', '1h', '--until', '2h', '--no-logs'], /^bundle-triage: usage: --since: 1h is after --until 2h/],
    [['patterns', 'X', '--all', '--limit', '3'], /^bundle-triage: usage: --all: give --all or --limit, not both/],
    [['patterns', 'X', '--format', 'html'], /^bundle-triage: usage: --format: "html" is not a format of patterns; use text or json/],
    [['patterns', 'missing.zip'], /^bundle-triage: cannot open bundle: missing\.zip/],
  ])('%j fails with one line and exit 2', async (args, message) => {
    const result = await run(args.map((arg) => (arg === 'X' ? inputs.zip : arg)));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  }, CLI_TEST_TIMEOUT_MS);

  it('the built command runs both on the committed flagship folder', async () => {
    assertBuilt();
    const patterns = await runCli(['patterns', fixture.flagshipFolder, '--format', 'json']);
    expect(patterns.code, patterns.stderr).toBe(0);
    expect((JSON.parse(patterns.stdout) as { stats: { files: number } }).stats.files).toBeGreaterThan(5);
    const timeline = await runCli(['timeline', fixture.flagshipFolder, '--format', 'text', '--limit', '5']);
    expect(timeline.code, timeline.stderr).toBe(0);
    expect(timeline.stdout).toMatch(/the latest 5 of \d+ entries/);
  }, CLI_TEST_TIMEOUT_MS);
});
