import { minePatterns, openBundle, type Bundle } from '@bundle-triage/core';
import { validateReport, type Report } from '@bundle-triage/report';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBundle } from '../../../../testdata/generator/log-profiles/index.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { analyze, type AnalyzeOptions } from '../engine/analyze.js';
import type { Rule } from '../rule/rule.js';

const WORKLOADS = fileURLToPath(new URL('../../../../testdata/bundles/workloads-v1.4.2.zip', import.meta.url));

async function analysed(source: string | Uint8Array, options: Partial<AnalyzeOptions> = {}): Promise<{ report: Report; bundle: Bundle }> {
  const bundle = await openBundle(source instanceof Uint8Array ? Buffer.from(source) : source);
  const report = await analyze(bundle, { rules: catalog, ...options });
  delete report.run;
  return { report, bundle };
}

let catalog: Rule[];
beforeAll(async () => {
  catalog = await loadCatalog();
});

describe('the report sections beside the findings (the workloads cluster: a crash-looping controller)', () => {
  let report: Report;
  let bundle: Bundle;
  beforeAll(async () => ({ report, bundle } = await analysed(WORKLOADS)));
  afterAll(async () => bundle?.close());
  const finding = (ruleId: string) => report.findings.find((candidate) => candidate.ruleId === ruleId)!;
  const podFinding = () => finding('precheck-pod-status');

  it('validates against the report schema', () => {
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
  });

  it('opens with the overview: versions, nodes, the pod not ready, and the fail and warn findings pointed at, causes first', () => {
    expect(report.overview!.versions.map((version) => version.component)).toEqual(['harvester', 'kubernetes', 'longhorn']);
    expect(report.overview!.pods).toMatchObject({ notReady: 1, namespaces: [{ namespace: 'harvester-system', notReady: 1, pods: [{ reason: 'CrashLoopBackOff' }] }] });
    // The crash loop (its Deployment unavailable, the pre-check's not-ready pod: caused by it) and
    // the longhorn-manager that restarted 47 minutes ago (the workloads history).
    const pointer = (ruleId: string) => {
      const { fingerprint, status, severity, title, causedBy } = finding(ruleId);
      return { ruleId, fingerprint, status, severity, title, ...(causedBy ? { causedBy } : {}) };
    };
    const loop = { ruleId: 'pod-crash-looping', fingerprint: finding('pod-crash-looping').fingerprint };
    expect(report.overview!.health).toEqual({
      fail: 3,
      warn: 1,
      findings: [pointer('pod-crash-looping'), pointer('pod-restarted-recently'), { ...pointer('deployment-unavailable'), causedBy: [loop] }, { ...pointer('precheck-pod-status'), causedBy: [loop] }],
      more: 0,
    });
    expect(finding('pod-restarted-recently').message).toMatch(/^pod longhorn-system\/longhorn-manager-/);
  });

  it('attaches the crash-looping pod\'s log templates to the findings about it, and lists the others as not explained', () => {
    const link = (ruleId: string) => ({ ruleId, fingerprint: finding(ruleId).fingerprint });
    const explained = report.patterns!.templates.filter((template) => template.explainedBy.length > 0);
    expect(explained.map((template) => template.template)).toEqual([
      'network controller manager exited: leader election lost',
      expect.stringContaining('failed to sync vlanconfig'),
      'Error starting manager: failed to wait for caches to sync',
      expect.stringContaining('Failed to list *v1beta2.Volume'),
    ]);
    const [loop, sync, longhorn, list] = explained;
    // The crash-looping pod's templates: every finding about the pod or its Deployment.
    for (const template of [loop!, sync!]) {
      expect(template.explainedBy).toEqual(['deployment-unavailable', 'pod-crash-looping', 'pod-not-ready', 'precheck-pod-status'].map(link));
      expect(template.sources[0]!.pod).toBe(report.overview!.pods.namespaces[0]!.pods[0]!.name);
    }
    // The restarted longhorn-manager's: the finding about that restart.
    for (const template of [longhorn!, list!]) {
      expect(template.explainedBy).toEqual([link('pod-restarted-recently')]);
      expect(template.sources[0]!.pod).toMatch(/^longhorn-manager-/);
    }
    expect(report.patterns!.templates.filter((template) => template.explainedBy.length === 0).length).toBeGreaterThan(0);
    expect(report.patterns!.stats).toMatchObject({ templates: report.patterns!.templates.length, explained: 4, listed: report.patterns!.templates.length });
  });

  it('gives the finding its window: the pod\'s events, conditions, termination and log lines before its last sign, each with its line', async () => {
    const window = podFinding().timelineWindow!;
    const entries = window.entries.map((item) => ({ ...report.timeline!.entries[item.entry]!, closeness: item.closeness }));
    const own = entries.filter((entry) => entry.closeness === 'object');
    expect(own.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['condition', 'event', 'event-last', 'container-terminated', 'log-first', 'log-last']));
    expect(window.until).toBe(entries.at(-1)!.time);
    const backOff = own.find((entry) => entry.kind === 'event' && entry.text.includes('BackOff'))!;
    expect(await bundle.lineText(backOff.source.path, backOff.source.line!)).toMatch(/^\s*firstTimestamp: /);
    const logLine = own.find((entry) => entry.kind === 'log-last')!;
    expect(await bundle.lineText(logLine.source.path, logLine.source.line!)).toContain('failed to sync vlanconfig');
  });

  it('bounds the timeline to the findings\' windows and the last day, saying how many entries it left out', () => {
    const timeline = report.timeline!;
    expect(timeline.omitted).toBeGreaterThan(0);
    const since = Date.parse(timeline.recentSince!);
    const inWindows = new Set(report.findings.flatMap((finding) => finding.timelineWindow?.entries.map((item) => item.entry) ?? []));
    timeline.entries.forEach((entry, index) => expect(inWindows.has(index) || Date.parse(entry.time) >= since, entry.text).toBe(true));
    const times = timeline.entries.map((entry) => Date.parse(entry.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('mines the same templates as minePatterns: the rules\' pass does not change what the miner sees', async () => {
    const alone = await minePatterns(bundle);
    const byId = (templates: { id: string; count: number }[]) => templates.map((template) => `${template.id} ${template.count}`).sort();
    expect(byId(report.patterns!.templates)).toEqual(byId(alone.templates));
  });
});

describe('the report sections are deterministic and do not depend on the rules chosen', () => {
  it('gives the same sections on a second run and the same templates with another rule selection', async () => {
    const incident = incidentBundle();
    const zip = incident.builder.toZip();
    const first = await analysed(zip);
    const second = await analysed(zip, { concurrency: 1 });
    const fewer = await analysed(zip, { only: ['mcc-harvester-modified-snapshot-validation-webhook'] });
    try {
      expect(JSON.stringify(second.report)).toBe(JSON.stringify(first.report));
      expect(fewer.report.patterns!.templates.map((template) => [template.id, template.count])).toEqual(
        first.report.patterns!.templates.map((template) => [template.id, template.count]),
      );
      expect(first.report.patterns!.templates.find((template) => template.loop)).toBeDefined();
    } finally {
      await Promise.all([first, second, fewer].map(({ bundle }) => bundle.close()));
    }
  });
});

describe('the fastest run', () => {
  it('leaves out what is switched off, and reads only the logs rules search without patterns', async () => {
    const reads: string[] = [];
    const bundle = await openBundle(WORKLOADS, { onProgress: (event) => void (event.phase === 'read' && reads.push(event.path)) });
    try {
      const report = await analyze(bundle, { rules: catalog, overview: false, patterns: false, timeline: false });
      expect(report.overview).toBeUndefined();
      expect(report.patterns).toBeUndefined();
      expect(report.timeline).toBeUndefined();
      expect(report.findings.every((finding) => finding.timelineWindow === undefined)).toBe(true);
      expect(validateReport(report)).toEqual({ valid: true, errors: [] });
    } finally {
      await bundle.close();
    }
  });

  it('decodes each list once: the overview and the timeline take what the rules decoded, and hold nothing after', async () => {
    const heldAfter = async (options: Partial<AnalyzeOptions>) => {
      const bundle = await openBundle(WORKLOADS);
      const decoded = new Map<string, number>();
      bundle.onResourcesDecoded((path) => decoded.set(path, (decoded.get(path) ?? 0) + 1));
      try {
        await analyze(bundle, { rules: catalog, ...options });
        return { twice: [...decoded].filter(([, count]) => count > 1), held: bundle.heldResourceFiles().sort() };
      } finally {
        await bundle.close();
      }
    };
    const withSections = await heldAfter({});
    expect(withSections.twice).toEqual([]);
    expect(withSections.held).toEqual((await heldAfter({ overview: false, patterns: false, timeline: false })).held);
  });
});
