import { describe, expect, it } from 'vitest';
import type { LogLine } from '../logs/log-file.js';
import { splitJournalLine, splitPodLogLine } from '../logs/log-timestamps.js';
import { PatternMiner, type PatternSource } from './pattern-miner.js';

const CREATED = Date.parse('2025-03-12T09:14:07Z');
const POD: PatternSource = { path: 'logs/longhorn-system/longhorn-manager-abcde/longhorn-manager.log', kind: 'pod', timestampStyle: 'pod', namespace: 'longhorn-system', pod: 'longhorn-manager-abcde', container: 'longhorn-manager' };
const KERNEL: PatternSource = { path: 'nodes/node1.zip!/node1/logs/kernel.log', kind: 'node', timestampStyle: 'journal', node: 'node1', file: 'logs/kernel.log' };

function podLine(line: number, at: number, payload: string): LogLine {
  const raw = `${new Date(at).toISOString().slice(0, 19)}.123456789Z ${payload}`;
  const split = splitPodLogLine(raw);
  return { line, raw, text: split.text, ...(split.time === undefined ? {} : { time: split.time }) };
}

function journalLine(line: number, raw: string): LogLine {
  const split = splitJournalLine(raw, CREATED);
  return { line, raw, text: split.text, ...(split.time === undefined ? {} : { time: split.time }) };
}

const logrus = (level: string, message: string) => `time="2025-03-12T08:00:00Z" level=${level} msg="${message}"`;

describe('PatternMiner', () => {
  it('groups warning and error lines into templates and drops routine lines', () => {
    const miner = new PatternMiner({ bundleCreatedAt: CREATED });
    const start = CREATED - 3600_000;
    miner.add(podLine(1, start, logrus('info', 'Starting controller')), POD);
    for (let index = 0; index < 5; index += 1) {
      miner.add(podLine(2 + index, start + index * 1000, logrus('error', `Failed to sync volume pvc-${index}aa0b1c2 on node node-${index}`)), POD);
    }
    const { templates, stats } = miner.result();
    expect(stats).toMatchObject({ linesExamined: 6, minedLines: 5, templates: 1 });
    expect(templates[0]).toMatchObject({ level: 'error', levelFrom: 'format', format: 'logrus', count: 5, rank: 1 });
    expect(templates[0]!.template).toBe('Failed to sync volume <*> on node node-<num>');
    expect(templates[0]!.sample).toMatchObject({ path: POD.path, line: 2 });
    expect(templates[0]!.first).toMatchObject({ path: POD.path, line: 2, time: { precision: 'ns' } });
    expect(templates[0]!.last.line).toBe(6);
    expect(templates[0]!.sources).toEqual([expect.objectContaining({ path: POD.path, count: 5, namespace: 'longhorn-system', pod: 'longhorn-manager-abcde' })]);
  });

  it('gives the same template the same id whatever order its lines came in (ids are stable across bundles)', () => {
    const lines = ['Failed to attach a-1 to n-1', 'Failed to attach b-2 to n-2', 'Failed to attach c-3 to n-3'];
    const idOf = (order: string[]) => {
      const miner = new PatternMiner();
      order.forEach((message, index) => miner.add(podLine(index + 1, CREATED - index * 1000, logrus('error', message)), POD));
      return miner.result().templates.map((template) => template.id);
    };
    expect(idOf(lines)).toEqual(idOf([...lines].reverse()));
  });

  it('flags a loop (same template every 30 s for 10 minutes) and ranks it first, with its interval', () => {
    const miner = new PatternMiner({ bundleCreatedAt: CREATED });
    const start = CREATED - 3600_000;
    for (let index = 0; index < 20; index += 1) miner.add(podLine(index + 1, start + index * 30_000, logrus('warning', 'Error syncing Longhorn volume longhorn-system/pvc-1')), POD);
    for (let index = 0; index < 50; index += 1) miner.add(podLine(100 + index, CREATED - 60_000 + index, logrus('error', `unrelated failure number ${index}`)), POD);
    const [first, second] = miner.result().templates;
    expect(first!.loop).toMatchObject({ intervalMs: 30_000, occurrences: 20, path: POD.path });
    expect(first!.loop!.from!.time).toBe(`${new Date(start).toISOString().slice(0, 19)}.123456789Z`);
    expect(second!.loop).toBeUndefined();
    expect(second!.score).toBeGreaterThan(first!.score); // more, and more recent; the loop still comes first
  });

  it('keeps the precision of each log: journal seconds with an inferred year, loops in whole seconds', () => {
    const miner = new PatternMiner({ bundleCreatedAt: CREATED });
    for (let index = 0; index < 10; index += 1) {
      const second = String(index * 30 % 60).padStart(2, '0');
      const minute = String(10 + Math.floor(index / 2)).padStart(2, '0');
      miner.add(journalLine(index + 1, `Mar 12 08:${minute}:${second} node1 kernel: EXT4-fs error (device sdc): __ext4_find_entry:1535: inode #${1000 + index}`), KERNEL);
    }
    const [template] = miner.result().templates;
    expect(template!.first.time).toEqual({ at: Date.parse('2025-03-12T08:10:00Z'), time: '2025-03-12T08:10:00Z', precision: 's', inferred: 'year' });
    expect(template!.loop?.intervalMs).toBe(30_000);
    expect(template!.levelFrom).toBe('wording');
    expect(template!.sources[0]).toMatchObject({ kind: 'node', node: 'node1', file: 'logs/kernel.log' });
  });

  it('reports bursts: runs of occurrences after a silence', () => {
    const miner = new PatternMiner({ bundleCreatedAt: CREATED, burstMinCount: 3, burstGapMs: 60_000 });
    const times = [0, 1, 2, 3, 600, 601, 602, 1200].map((seconds) => CREATED - 7200_000 + seconds * 1000);
    times.forEach((at, index) => miner.add(podLine(index + 1, at, logrus('error', 'webhook call failed')), POD));
    const [template] = miner.result().templates;
    expect(template!.bursts.map((burst) => [burst.start.line, burst.end.line, burst.count])).toEqual([
      [1, 4, 4],
      [5, 7, 3],
    ]);
  });

  it('remembers the object names its lines mention, most frequent first', () => {
    const miner = new PatternMiner();
    for (const name of ['fleet-local/mcc-harvester', 'fleet-local/mcc-harvester', 'fleet-local/mcc-rancher-monitoring']) {
      miner.add(podLine(1, CREATED, logrus('error', `bundle ${name} not ready`)), POD);
    }
    expect(miner.result().templates[0]!.mentions).toEqual(['fleet-local/mcc-harvester', 'fleet-local/mcc-rancher-monitoring']);
  });

  it('counts lines past maxTemplates as unclustered instead of dropping them in silence', () => {
    const miner = new PatternMiner({ maxTemplates: 1 });
    miner.add(podLine(1, CREATED, logrus('error', 'disk full')), POD);
    miner.add(podLine(2, CREATED, logrus('error', 'a completely different failure with more words')), POD);
    expect(miner.result().stats).toMatchObject({ minedLines: 2, unclusteredLines: 1, templates: 1 });
  });

  it('bounds the logs it tracks per template and counts the others', () => {
    const miner = new PatternMiner({ maxSourcesPerTemplate: 2 });
    for (let index = 0; index < 5; index += 1) miner.add(podLine(1, CREATED, logrus('error', 'probe failed')), { ...POD, path: `logs/ns/pod-${index}/c.log` });
    const [template] = miner.result().templates;
    expect(template!.sources).toHaveLength(2);
    expect(template!.otherSources).toBe(3);
    expect(template!.count).toBe(5);
  });

  it('tells which template a line (a finding\'s evidence) belongs to, without counting it', () => {
    const miner = new PatternMiner();
    for (let index = 0; index < 3; index += 1) miner.add(podLine(index + 1, CREATED, logrus('error', `webhook denied upgrade hvst-upgrade-${index}ab: chart not ready`)), POD);
    const [template] = miner.result().templates;
    expect(miner.templateOf(logrus('error', 'webhook denied upgrade hvst-upgrade-9zz: chart not ready'), POD)).toBe(template!.id);
    expect(miner.templateOf(logrus('info', 'webhook denied upgrade hvst-upgrade-9zz: chart not ready'), POD)).toBeUndefined();
    expect(miner.templateOf(logrus('error', 'something else entirely'), POD)).toBeUndefined();
    expect(miner.result().templates[0]!.count).toBe(3);
  });
});
