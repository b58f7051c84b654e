/**
 * The report page renders the final report shapes: the overview at the top, each finding's log
 * patterns and window, the patterns no rule explains, the timeline grouped by minute — and an
 * older report without them still renders, with the bundle facts every report has.
 */
import { openBundle } from '@bundle-triage/core';
import { redactReport } from '@bundle-triage/report';
import { analyze, loadCatalog, type Report } from '@bundle-triage/rules';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../src/store/records.js';
import { reportPage } from '../src/ui/pages/report-page.js';

const WORKLOADS = fileURLToPath(new URL('../../../testdata/bundles/workloads-v1.4.2.zip', import.meta.url));

const analysis: AnalysisRecord = {
  id: '2b7f0d6e-6c1e-4f57-9a55-0d8a3c1b9e11',
  bundleSha256: 'a'.repeat(64),
  status: 'done',
  attempts: 1,
  progress: 1,
  queuedAt: '2025-03-12T10:00:00Z',
  startedAt: '2025-03-12T10:00:01Z',
  finishedAt: '2025-03-12T10:00:03Z',
  fileName: 'workloads-v1.4.2.zip',
  size: 1000,
  format: 'zip',
  bundleFileRemoved: false,
  error: null,
  cluster: null,
  harvesterVersion: 'v1.4.2',
  kubernetesVersion: 'v1.31.4+rke2r1',
  bundleCreatedAt: '2025-03-12T09:14:07Z',
  bundleRoot: null,
  summary: null,
  maskedSecrets: 0,
  tickets: [],
  labels: [],
};

let report: Report;
beforeAll(async () => {
  const bundle = await openBundle(WORKLOADS);
  try {
    report = redactReport(await analyze(bundle, { rules: await loadCatalog(), only: ['precheck-pod-status'], includePass: true })).report;
  } finally {
    await bundle.close();
  }
});

describe('the report page', () => {
  it('opens with the overview: versions, a table of nodes, and the health findings linked to their place on the page', () => {
    const page = reportPage(analysis, report, null);
    const overview = page.slice(page.indexOf('<section class="card" id="overview">'), page.indexOf('</section>', page.indexOf('id="overview"')));
    expect(overview).toContain('<dt>Versions</dt><dd>Harvester v1.4.2 · Kubernetes v1.31.4+rke2r1 · Longhorn v1.7.3</dd>');
    expect(overview).toMatch(/<dt>Pods<\/dt><dd>70, 1 not ready: harvester-system 1 \(harvester-network-controller-manager-\S+ CrashLoopBackOff\)<\/dd>/);
    expect(overview).toContain('<table class="nodes">');
    const finding = report.findings.find((item) => item.ruleId === 'precheck-pod-status')!;
    expect(overview).toContain(`<a href="#finding-${finding.fingerprint}">precheck-pod-status</a>`);
    expect(page).toContain(`id="finding-${finding.fingerprint}"`);
  });

  it("shows under the finding its log patterns and its window, whose times link to the same entries in the timeline", () => {
    const page = reportPage(analysis, report, null);
    const finding = report.findings.find((item) => item.ruleId === 'precheck-pod-status')!;
    const block = page.slice(page.indexOf(`id="finding-${finding.fingerprint}"`), page.indexOf('</details>\n', page.indexOf('<details class="window">')));
    expect(block).toContain('<h3>Log patterns (2)</h3>');
    expect(block).toContain(`<summary>Timeline before it: ${finding.timelineWindow!.entries.length} entries</summary>`);
    const anchors = [...block.matchAll(/<a href="#(timeline-\d+)">/g)].map((match) => match[1]!);
    expect(anchors).toHaveLength(finding.timelineWindow!.entries.length);
    for (const anchor of anchors) expect(page).toContain(`<li id="${anchor}" class="entry`);
  });

  it('lists the log patterns no rule explains and the timeline grouped by minute, the finding\'s own entries highlighted', () => {
    const page = reportPage(analysis, report, null);
    expect(page).toContain('<h2 id="patterns">Log patterns not explained by any rule (4 of 4)</h2>');
    expect(page).toContain('<code>Error starting manager: failed to wait for caches to sync</code>');
    const minutes = [...page.matchAll(/<li class="minute"><h3>([^<]+)<\/h3>/g)].map((match) => match[1]!);
    expect(minutes).toEqual([...new Set(report.timeline!.entries.map((entry) => entry.time.slice(0, 16).replace('T', ' ')))]);
    expect(page).toMatch(/<li id="timeline-\d+" class="entry level-warning own">/);
  });

  it('escapes bundle text in the new parts', () => {
    const hostile: Report = structuredClone(report);
    hostile.patterns!.templates[0]!.template = '<script>alert(1)</script>';
    hostile.timeline!.entries[0]!.text = '<img src=x onerror=alert(2)>';
    const page = reportPage(analysis, hostile, null);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renders a report from before the overview, patterns and timeline with the bundle facts it has', () => {
    const { overview: _overview, patterns: _patterns, timeline: _timeline, ...older } = report;
    const page = reportPage(analysis, { ...older, findings: older.findings.map(({ timelineWindow: _window, ...finding }) => finding) }, null);
    expect(page).toContain('<dt>Harvester version from</dt>');
    expect(page).not.toContain('id="timeline"');
    expect(page).not.toContain('id="patterns"');
  });
});
