import { minePatterns, openBundle, type Bundle, type LogFile, type LogLine } from '@bundle-triage/core';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthyCluster } from '../../../../testdata/generator/healthy-cluster.js';
import { incidentBundle } from '../../../../testdata/generator/log-profiles/index.js';
import { logrus } from '../../../../testdata/generator/pod-logs.js';
import { SafePattern } from '../rule/safe-pattern.js';
import { LogPass, readLogForPass, type ReadElsewhere } from './log-pass.js';
import { startLogPass } from './log-pass-thread.js';
import type { LogSearch } from './log-search.js';
import { SharedLogScans } from './shared-log-scans.js';

const pattern = (source: string) => new SafePattern(source);

describe('the log pass: one read of each log for the rules and the miner', () => {
  let bundle: Bundle;
  let planned: { file: LogFile; search: LogSearch }[];
  let createdAt: number;
  let folder: string;
  beforeAll(async () => {
    // On disk, so that a thread can open it again by its path.
    folder = mkdtempSync(join(tmpdir(), 'log-pass-'));
    writeFileSync(join(folder, 'incident.zip'), incidentBundle().builder.toZip());
    bundle = await openBundle(join(folder, 'incident.zip'));
    createdAt = Date.parse((await bundle.facts()).createdAt!);
    // Searches like the catalog's: with literals, without, and one on a log the miner does not read.
    planned = [
      ...bundle.logs({ namespace: 'longhorn-system' }).map((file) => ({ file, search: { pattern: 'replica', prefilter: ['replica'] } })),
      ...bundle.logs({ namespace: 'harvester-system' }).map((file) => ({ file, search: { pattern: 'managed chart (?P<chart>\\S+) is not ready' } })),
      ...bundle.logs({ kind: 'node', file: 'logs/kernel.log' }).map((file) => ({ file, search: { pattern: 'I/O error', prefilter: ['I/O error'] } })),
    ];
  });
  afterAll(async () => {
    await bundle?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const answers = async (scans: { search: LogPass['search'] }) => {
    const out: string[] = [];
    for (const { file, search } of planned) {
      const result = await scans.search(file, search);
      out.push(`${file.path} ${search.pattern} ${result.count} ${result.matches.map((match) => `${match.line}:${match.groups.chart ?? ''}`).join(',')}`);
    }
    return out;
  };
  const templates = (report: { templates: { id: string; count: number; first: { line: number } }[] }) => report.templates.map((template) => `${template.id} ${template.count} ${template.first.line}`);

  it('answers every search as SharedLogScans does', async () => {
    const pass = new LogPass(bundle, { planned, pattern, bundleCreatedAt: createdAt });
    expect(await answers(pass)).toEqual(await answers(new SharedLogScans(planned, pattern)));
  });

  it('mines the same templates as minePatterns, whichever logs the rules search and however few lines it may hold', async () => {
    const alone = templates(await minePatterns(bundle));
    for (const options of [{}, { heldLines: { perLog: 1, total: 3 } }, { concurrency: 1 }]) {
      const pass = new LogPass(bundle, { planned, pattern, bundleCreatedAt: createdAt, ...options });
      await answers(pass);
      expect(templates(await pass.patterns()), JSON.stringify(options)).toEqual(alone);
    }
    const noRules = new LogPass(bundle, { planned: [], pattern, bundleCreatedAt: createdAt });
    expect(templates(await noRules.patterns())).toEqual(alone);
  });

  it('takes the lines another thread read of the logs it took, in their turn: the same templates, and a log that failed part way still counts what it gave', async () => {
    const alone = await minePatterns(bundle);
    const mined = bundle.logs();
    const taken = new Set([mined[mined.length - 1]!.path, mined[1]!.path]);
    const readThere = async (log: LogFile) => {
      const lines: LogLine[] = [];
      await readLogForPass(log, undefined, true, undefined, (line) => void lines.push(line));
      return lines;
    };
    const pass = (found: (log: LogFile) => Promise<ReadElsewhere>) => new LogPass(bundle, { planned: [], pattern, bundleCreatedAt: createdAt, claim: (log) => !taken.has(log.path), readElsewhere: found });
    expect(templates(await pass(async (log) => ({ lines: await readThere(log) })).patterns())).toEqual(templates(alone));
    expect(templates(await pass(async () => 'read-here').patterns())).toEqual(templates(alone));
    const failed = await pass(async (log) => ({ lines: await readThere(log), error: 'the log was cut off' })).patterns();
    expect(failed.unreadable.map((entry) => `${entry.path}: ${entry.reason}`).sort()).toEqual([...taken].map((path) => `${path}: the log was cut off`).sort());
    const count = (report: { templates: { count: number }[] }) => report.templates.reduce((sum, template) => sum + template.count, 0);
    expect(count(failed)).toBe(count(alone));
  });

  it('tells which template a cited line belongs to', async () => {
    const pass = new LogPass(bundle, { planned: [], pattern, bundleCreatedAt: createdAt });
    const report = await pass.patterns();
    const loop = report.templates.find((template) => template.loop)!;
    const log = bundle.log(loop.sample.path)!;
    const text = loop.sample.text.replace(/^\S+Z /, '');
    expect(await pass.templateOf(text, log)).toBe(loop.id);
    expect(await pass.templateOf('level=info msg="routine"', log)).toBeUndefined();
  });

  // The thread runs the built script (dist/log-pass-worker.js): `pnpm build` first.
  const built = existsSync(fileURLToPath(new URL('../../dist/log-pass-worker.js', import.meta.url)));
  it.skipIf(!built)('gives the same answers, templates and template lookups from a thread of its own', async () => {
    const here = new LogPass(bundle, { planned, pattern, bundleCreatedAt: createdAt });
    const thread = startLogPass(bundle, { planned, pattern, bundleCreatedAt: createdAt, thread: true });
    try {
      expect(await answers(thread)).toEqual(await answers(here));
      expect(templates(await thread.patterns())).toEqual(templates(await here.patterns()));
      const sample = (await here.patterns()).templates[0]!;
      const log = bundle.log(sample.sample.path)!;
      const text = sample.sample.text.replace(/^\S+Z /, '');
      expect(await thread.templateOf(text, log)).toBe(await here.templateOf(text, log));
    } finally {
      await thread.close();
    }
  });

  it.skipIf(!built)('with mining, this thread reads logs from the back while it waits, and the templates and answers are those of one pass', async () => {
    const expectedAnswers = await answers(new SharedLogScans(planned, pattern));
    const expectedTemplates = templates(await minePatterns(bundle));
    const opened = await openBundle(join(folder, 'incident.zip'));
    try {
      await opened.facts();
      const before = opened.stats.filesRead;
      const thread = startLogPass(opened, { planned: planned.map(({ file, search }) => ({ file: opened.log(file.path)!, search })), pattern, bundleCreatedAt: createdAt, thread: true });
      try {
        // Asked for the templates at once, this thread takes the last log before the thread has started.
        const report = thread.patterns();
        expect(await answers({ search: (file, search) => thread.search(opened.log(file.path)!, search) })).toEqual(expectedAnswers);
        expect(templates(await report)).toEqual(expectedTemplates);
        expect(opened.stats.filesRead).toBeGreaterThan(before);
      } finally {
        await thread.close();
      }
    } finally {
      await opened.close();
    }
  });

  it('without mining, answers every search as SharedLogScans does and has no templates', async () => {
    const pass = new LogPass(bundle, { planned, pattern, mine: false });
    expect(await answers(pass)).toEqual(await answers(new SharedLogScans(planned, pattern)));
    expect(await pass.finished()).toBeUndefined();
    await expect(pass.patterns()).rejects.toThrow(/does not mine/);
  });

  it.skipIf(!built)('without mining, shares the logs with a thread and gives the same answers in any order of asking', async () => {
    const expected = await answers(new SharedLogScans(planned, pattern));
    const reversed = async (scans: { search: LogPass['search'] }) => {
      const out: string[] = [];
      for (const { file, search } of [...planned].reverse()) {
        const result = await scans.search(file, search);
        out.unshift(`${file.path} ${search.pattern} ${result.count} ${result.matches.map((match) => `${match.line}:${match.groups.chart ?? ''}`).join(',')}`);
      }
      return out;
    };
    for (const ask of [answers, reversed]) {
      const thread = startLogPass(bundle, { planned, pattern, thread: true, mine: false });
      try {
        expect(thread.readsAhead).toBe(true);
        expect(await ask(thread)).toEqual(expected);
        await thread.finished();
        await expect(thread.patterns()).rejects.toThrow(/does not mine/);
      } finally {
        await thread.close();
      }
    }
  });

  it('without mining and without a thread, reads a log only when a rule asks', async () => {
    const opened = await openBundle(join(folder, 'incident.zip'));
    try {
      const runner = startLogPass(opened, { planned, pattern, thread: false, mine: false });
      expect(runner.readsAhead).toBe(false);
      const before = opened.stats.filesRead;
      const [first] = planned;
      await runner.search(opened.log(first!.file.path)!, first!.search);
      expect(opened.stats.filesRead - before).toBe(1);
      await runner.finished();
    } finally {
      await opened.close();
    }
  });

  it.skipIf(!built)('runs on this thread when the thread cannot open the bundle, with the same results', async () => {
    const path = join(folder, 'incident.zip');
    const opened = await openBundle(path);
    // The file moves after this bundle opened it: the thread cannot open it again.
    renameSync(path, join(folder, 'moved.zip'));
    try {
      const thread = startLogPass(opened, { planned: [], pattern, bundleCreatedAt: createdAt, thread: true });
      expect(templates(await thread.patterns())).toEqual(templates(await minePatterns(bundle)));
      await thread.close();
    } finally {
      renameSync(join(folder, 'moved.zip'), path);
      await opened.close();
    }
  });

  it.skipIf(!built)('without mining and with the node bundles unopened, the thread ends cleanly and what it found reading reaches the bundle', async () => {
    const builder = healthyCluster({ harvesterVersion: 'v1.4.1', nodes: 1, seed: 7 });
    const createdAt = Date.parse(builder.bundleMetadata.bundleCreatedAt);
    builder.addPodLog('harvester-system', 'harvester-7d9c5b7f9-abcde', 'apiserver', [logrus(new Date(createdAt - 60_000).toISOString(), 'error', 'upload of BADBYTES failed')]);
    const files = builder.toFiles();
    const path = 'logs/harvester-system/harvester-7d9c5b7f9-abcde/apiserver.log';
    const text = Buffer.from(files.get(path)!);
    const at = text.indexOf('BADBYTES');
    text[at] = 0xff;
    text[at + 1] = 0xfe;
    files.set(path, text);
    const { zipSync } = await import('fflate');
    const zip = join(folder, 'bad-bytes.zip');
    writeFileSync(zip, zipSync(Object.fromEntries(files)));
    const opened = await openBundle(zip, { nestedArchives: 'when-needed' });
    try {
      expect(opened.index.unopened.nodeBundles).toBe(true);
      const log = opened.log(path)!;
      const search: LogSearch = { pattern: 'upload of', prefilter: ['upload of'] };
      const runner = startLogPass(opened, { planned: [{ file: log, search }], pattern, thread: true, mine: false });
      try {
        expect((await runner.search(log, search)).count).toBe(1);
        await runner.finished();
      } finally {
        await runner.close();
      }
      expect(opened.diagnostics().filter((diagnostic) => diagnostic.path === path).map((diagnostic) => diagnostic.message)).toEqual(['log holds bytes that are not UTF-8; they read as U+FFFD']);
    } finally {
      await opened.close();
    }
  });

  it.skipIf(!built)('without mining, runs on this thread when the thread cannot open the bundle, with the same answers', async () => {
    const path = join(folder, 'incident.zip');
    const opened = await openBundle(path);
    const reopened = planned.map(({ file, search }) => ({ file: opened.log(file.path)!, search }));
    renameSync(path, join(folder, 'moved.zip'));
    try {
      const thread = startLogPass(opened, { planned: reopened, pattern, thread: true, mine: false });
      const out: string[] = [];
      for (const { file, search } of reopened) {
        const result = await thread.search(file, search);
        out.push(`${file.path} ${search.pattern} ${result.count} ${result.matches.map((match) => `${match.line}:${match.groups.chart ?? ''}`).join(',')}`);
      }
      expect(out).toEqual(await answers(new SharedLogScans(planned, pattern)));
      await thread.finished();
      await thread.close();
    } finally {
      renameSync(join(folder, 'moved.zip'), path);
      await opened.close();
    }
  });
});
