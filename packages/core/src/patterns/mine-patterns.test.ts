import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_LOOP_TEMPLATE, incidentBundle, type IncidentBundle } from '../../../../testdata/generator/log-profiles/index.js';
import { openBundle, type Bundle } from '../bundle.js';
import { minePatterns } from './mine-patterns.js';
import type { PatternReport } from './pattern-types.js';

describe('minePatterns on a generated bundle with labelled logs', () => {
  let incident: IncidentBundle;
  let folder: string;
  const reports = new Map<string, PatternReport>();

  beforeAll(async () => {
    incident = incidentBundle();
    folder = mkdtempSync(join(tmpdir(), 'patterns-'));
    incident.builder.writeDirectory(folder);
    for (const [format, input] of [
      ['zip', incident.builder.toZip()],
      ['tar.gz', incident.builder.toTarGz()],
      ['folder', folder],
    ] as const) {
      const bundle = await openBundle(input);
      try {
        reports.set(format, await minePatterns(bundle));
      } finally {
        await bundle.close();
      }
    }
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('finds the same templates, counts and positions in a zip, a tar.gz and a folder', () => {
    const [zip, tarGz, directory] = ['zip', 'tar.gz', 'folder'].map((format) => reports.get(format)!);
    const summary = (report: PatternReport) => report.templates.map(({ id, count, first, last, loop }) => ({ id, count, first, last, loop }));
    expect(summary(tarGz!)).toEqual(summary(zip!));
    expect(summary(directory!)).toEqual(summary(zip!));
    expect(zip!.unreadable).toEqual([]);
  });

  it('mines every warning and error line written into the logs, and no routine line', () => {
    const report = reports.get('zip')!;
    const mined = incident.lines.filter((line) => line.level !== 'info').length;
    expect(report.stats.minedLines).toBe(mined);
    expect(report.templates.reduce((sum, template) => sum + template.count, 0)).toBe(mined);
  });

  it('ranks the requeue loop first, with its 30 s interval, pod and sample line', () => {
    const [first] = reports.get('zip')!.templates;
    const loopLines = incident.lines.filter((line) => line.template === INCIDENT_LOOP_TEMPLATE);
    expect(first!.loop).toBeDefined();
    expect(Math.round(first!.loop!.intervalMs / 1000)).toBe(30);
    expect(first!.count).toBe(loopLines.length);
    expect(first!.sources[0]).toMatchObject({ kind: 'pod', namespace: 'harvester-system', container: 'apiserver' });
    expect(first!.template).toContain('handler harvester-upgrade-controller: managed chart <*> is not ready, requeuing');
    expect(first!.mentions[0]).toMatch(/^harvester-system\/hvst-upgrade-/);
  });

  it('points each template\'s sample at its line as it is in the bundle', async () => {
    const bundle: Bundle = await openBundle(incident.builder.toZip());
    try {
      for (const template of reports.get('zip')!.templates) {
        expect(await bundle.lineText(template.sample.path, template.sample.line)).toBe(template.sample.text);
      }
    } finally {
      await bundle.close();
    }
  });

  it('dates kernel lines from the journal with the year taken from the bundle, and kubelet lines from klog', () => {
    const templates = reports.get('zip')!.templates;
    const kernel = templates.find((template) => template.template.startsWith('blk_update_request'))!;
    expect(kernel.first.time).toMatchObject({ precision: 'us', inferred: 'year' });
    expect(kernel.first.time!.time.startsWith('2025-03-12T')).toBe(true);
    const kubelet = templates.find((template) => template.template.includes('PullImage from image service failed'))!;
    expect(kubelet.format).toBe('klog');
    expect(kubelet.first.time).toMatchObject({ precision: 'us', inferred: 'year' });
  });

  it('reads the same with and without the prefilter (the prefilter only skips lines that are not warnings)', async () => {
    const bundle = await openBundle(incident.builder.toZip());
    try {
      const all = await minePatterns(bundle, { prefilter: false });
      const filtered = reports.get('zip')!;
      expect(all.templates.map(({ id, count }) => ({ id, count }))).toEqual(filtered.templates.map(({ id, count }) => ({ id, count })));
      expect(all.stats.linesExamined).toBeGreaterThan(filtered.stats.linesExamined);
    } finally {
      await bundle.close();
    }
  });
});

const sample = process.env.BUNDLE_TRIAGE_SAMPLE_V10 ?? '';

describe.skipIf(sample === '')(`minePatterns on the real v1.0 sample (${sample || 'BUNDLE_TRIAGE_SAMPLE_V10 not set: skipped'})`, () => {
  it('finds the EXT4 error storm on node1 and the etcd connection loop in rke2-server.log', async () => {
    const bundle = await openBundle(sample);
    try {
      const report = await minePatterns(bundle);
      const ext4 = report.templates.find((template) => template.template.startsWith('EXT4-fs error (device sdc): __ext4_find_entry'));
      expect(ext4?.count).toBeGreaterThan(100_000);
      expect(ext4?.sources[0]).toMatchObject({ kind: 'node', node: 'node1', file: 'logs/kernel.log' });
      const grpc = report.templates.find((template) => template.template.includes('addrConn.createTransport failed to connect'));
      expect(grpc?.loop?.intervalMs).toBeGreaterThan(60_000);
      expect(report.templates[0]!.loop).toBeDefined();
      expect(report.unreadable).toEqual([]);
    } finally {
      await bundle.close();
    }
  });
});
