import { minePatterns, openBundle, type Bundle, type LogFile } from '@bundle-triage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBundle } from '../../../../testdata/generator/log-profiles/index.js';
import { SafePattern } from '../rule/safe-pattern.js';
import { LogPass } from './log-pass.js';
import type { LogSearch } from './log-search.js';
import { SharedLogScans } from './shared-log-scans.js';

const pattern = (source: string) => new SafePattern(source);

describe('the log pass: one read of each log for the rules and the miner', () => {
  let bundle: Bundle;
  let planned: { file: LogFile; search: LogSearch }[];
  let createdAt: number;
  beforeAll(async () => {
    bundle = await openBundle(incidentBundle().builder.toZip());
    createdAt = Date.parse((await bundle.facts()).createdAt!);
    // Searches like the catalog's: with literals, without, and one on a log the miner does not read.
    planned = [
      ...bundle.logs({ namespace: 'longhorn-system' }).map((file) => ({ file, search: { pattern: 'replica', prefilter: ['replica'] } })),
      ...bundle.logs({ namespace: 'harvester-system' }).map((file) => ({ file, search: { pattern: 'managed chart (?P<chart>\\S+) is not ready' } })),
      ...bundle.logs({ kind: 'node', file: 'logs/kernel.log' }).map((file) => ({ file, search: { pattern: 'I/O error', prefilter: ['I/O error'] } })),
    ];
  });
  afterAll(async () => bundle?.close());

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

  it('tells which template a cited line belongs to', async () => {
    const pass = new LogPass(bundle, { planned: [], pattern, bundleCreatedAt: createdAt });
    const report = await pass.patterns();
    const loop = report.templates.find((template) => template.loop)!;
    const log = bundle.log(loop.sample.path)!;
    const text = loop.sample.text.replace(/^\S+Z /, '');
    expect(await pass.templateOf(text, log)).toBe(loop.id);
    expect(await pass.templateOf('level=info msg="routine"', log)).toBeUndefined();
  });
});
