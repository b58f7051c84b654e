import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport, validateReport, type Report } from './index.js';
import { sectionsReport } from './test-reports.js';
import { xmlProblems } from './test-xml.js';

// The overview, the log patterns and the timeline in every format, on the workloads fixture: a
// crash-looping network controller whose pod the pod-status pre-check fails on.
let report: Report;
let podName: string;
beforeAll(async () => {
  report = await sectionsReport();
  podName = report.overview!.pods.namespaces[0]!.pods[0]!.name;
});
const finding = () => report.findings.find((item) => item.ruleId === 'precheck-pod-status')!;

describe('the overview opens every human format', () => {
  it('text: versions, nodes one per line, the pod not ready with its reason, the health finding', () => {
    const text = renderReport(report, 'text', { width: 400 });
    const top = text.slice(0, text.indexOf('✖ FAIL high  precheck-pod-status'));
    expect(top).toMatch(/^Versions {7}Harvester v1\.4\.2 · Kubernetes v1\.31\.4\+rke2r1 · Longhorn v1\.7\.3$/m);
    expect(top).toMatch(/^Nodes {10}3, all Ready$/m);
    expect(top).toMatch(/^ {15}harvester-node-0 {2}control-plane, etcd, master {2}Ready {2}5\.14\.21/m);
    expect(top).toContain(`Pods           70, 1 not ready: harvester-system 1 (${podName} CrashLoopBackOff)`);
    expect(top).toMatch(/^Health {9}1 fail, 0 warn: precheck-pod-status$/m);
  });

  it('text: findings of one rule are counted on the health line, not repeated', () => {
    const copy = structuredClone(report);
    const health = copy.overview!.health;
    const listed = (ruleId: string, fingerprint: string, causedBy?: string) => ({
      ...health.findings[0]!,
      ruleId,
      fingerprint,
      ...(causedBy ? { causedBy: [{ ruleId: causedBy, fingerprint: 'f0' }] } : {}),
    });
    health.findings = [listed('object-deletion-stuck', 'f1'), listed('pod-crash-looping', 'f2'), listed('object-deletion-stuck', 'f3'), listed('object-deletion-stuck', 'f4', 'node-not-ready')];
    const text = renderReport(copy, 'text', { width: 400 });
    expect(text).toMatch(/^Health {9}1 fail, 0 warn: object-deletion-stuck ×2, pod-crash-looping, object-deletion-stuck \(caused by node-not-ready\)$/m);
  });

  it('Markdown: the facts table and a table of nodes', () => {
    const markdown = renderReport(report, 'markdown');
    expect(markdown).toContain('| Fleet bundles | 7, all ready |');
    expect(markdown).toContain('| Node | Roles | Ready | Cordoned | Kernel | OS | Where |');
    expect(markdown).toMatch(/\| harvester-node-2 \| control-plane, etcd, master \| Ready \| no \| 5\.14\.21-150500\.55\.88-default \| Harvester v1\.4\.2 \| `yamls\/cluster\/v1\/nodes\.yaml:\d+` \|/);
  });

  it('HTML: the facts and a table of nodes in the summary', () => {
    const html = renderReport(report, 'html');
    const summary = html.slice(html.indexOf('<section id="summary"'), html.indexOf('<section id="findings"'));
    expect(summary).toContain('<dt>Pods</dt>');
    expect(summary).toContain('<table class="nodes">');
  });

  it('JUnit: as suite properties; SARIF: in the run\'s properties', () => {
    const junit = renderReport(report, 'junit');
    expect(xmlProblems(junit)).toEqual([]);
    expect(junit).toContain(`<property name="overview.pods" value="70, 1 not ready: harvester-system 1 (${podName} CrashLoopBackOff)" />`);
    expect(junit).toMatch(/<property name="patterns" value="4 of 6 log templates not explained by any rule/);
    const sarif = JSON.parse(renderReport(report, 'sarif')) as { runs: { properties: { overview: Report['overview'] } }[] };
    expect(sarif.runs[0]!.properties.overview!.pods.notReady).toBe(1);
  });
});

describe('each finding shows the log patterns it explains and what happened before it', () => {
  it('text: its templates, then the last entries of its window with its own marked', () => {
    const text = renderReport(report, 'text', { width: 400 });
    expect(text).toContain('  Log patterns (2):\n    FATAL ×2  network controller manager exited: leader election lost');
    expect(text).not.toContain('the Markdown and HTML reports list all');
    expect(text).toMatch(/ {2}Before it \(the last 8 of \d+ timeline entries; ▸ about its own objects\):\n/);
    expect(text).toMatch(/ {3}▸ 2025-03-12T09:13:07Z WARN {2}Warning BackOff Pod harvester-system\/harvester-network-controller-manager-\S+: last of 397: Back-off restarting failed container/);
  });

  it('text: a finding with more templates than it shows says how many it left out', () => {
    const many: Report = structuredClone(report);
    const explained = many.patterns!.templates.filter((template) => template.explainedBy.length > 0);
    const spare = many.patterns!.templates.filter((template) => template.explainedBy.length === 0).slice(0, 2);
    for (const template of spare) template.explainedBy = [...explained[0]!.explainedBy];
    const text = renderReport(many, 'text', { width: 400 });
    expect(text).toContain('  Log patterns (the first 3 of 4; the Markdown and HTML reports list all):\n');
  });

  it('Markdown: the whole window folded under the finding, its own entries in bold', () => {
    const markdown = renderReport(report, 'markdown');
    const window = markdown.slice(markdown.indexOf('<details><summary>Timeline before it'), markdown.indexOf('</details>', markdown.indexOf('<details><summary>Timeline before it')));
    expect(window).toContain(`<details><summary>Timeline before it: ${finding().timelineWindow!.entries.length} entries, its own in bold</summary>`);
    expect(window).toMatch(/\| `2025-03-12T09:11:07Z` \| ERROR \| \*\*Pod harvester-system\/harvester-network-controller-manager-\S+ container harvester-network-manager previous instance terminated: Error/);
  });

  it('HTML: its window links to the same entries in the timeline view', () => {
    const html = renderReport(report, 'html');
    const article = html.slice(html.indexOf('<article class="finding status-fail"'), html.indexOf('</article>'));
    const anchors = [...article.matchAll(/<a href="#(t-\d+)">/g)].map((match) => match[1]!);
    expect(anchors).toHaveLength(finding().timelineWindow!.entries.length);
    for (const anchor of anchors) expect(html).toContain(`<li id="${anchor}" class="entry`);
  });

  it('SARIF: the window and the templates in the result\'s properties', () => {
    const sarif = JSON.parse(renderReport(report, 'sarif')) as { runs: { results: { properties: { timelineWindow: { location: string; closeness: string }[]; logPatterns: { template: string }[] } }[] }[] };
    const properties = sarif.runs[0]!.results[0]!.properties;
    expect(properties.timelineWindow.length).toBe(finding().timelineWindow!.entries.length);
    expect(properties.timelineWindow.at(-1)).toMatchObject({ closeness: 'object', location: expect.stringMatching(/^yamls\/namespaced\/harvester-system\/v1\/events\.yaml:\d+$/) });
    expect(properties.logPatterns.map((template) => template.template)).toContain('network controller manager exited: leader election lost');
  });
});

describe('the log patterns no rule explains', () => {
  it('text and Markdown list the best-ranked ten with their sample line', () => {
    const text = renderReport(report, 'text', { width: 400 });
    expect(text).toContain('Log patterns not explained by any rule: 4 (2 templates explained by findings; 12 warning/error lines in 48 logs)');
    // Numbered by rank among all templates, as `bundle-triage patterns` numbers them (explained ones are left out).
    expect(text).toMatch(/\n {4}#3 FATAL ×1 {2}Error starting manager: failed to wait for caches to sync\n {7}logs\/longhorn-system\/longhorn-manager-\S+\/longhorn-manager\.log\.1:3 {2}2025-03-12T08:27:07\.162000000Z/);
    const markdown = renderReport(report, 'markdown');
    expect(markdown).toContain('## Log patterns not explained by any rule: 4');
    expect(markdown).toMatch(/\| 4 \| WARN \| ×1 \| `Failed to list \*v1beta2\.Volume: Get "<name>": dial tcp <ip>: connect: connection refused` \|/);
  });

  it('Markdown keeps a template holding a pipe or a backtick inside its table cell', () => {
    const odd: Report = structuredClone(report);
    odd.patterns!.templates.find((template) => template.explainedBy.length === 0)!.template = 'a | b `c` d';
    expect(renderReport(odd, 'markdown')).toContain('| `` a \\| b `c` d `` |');
  });

  it('HTML lists every template the report holds, the explained ones linked to their finding, bundle text escaped', () => {
    const odd: Report = structuredClone(report);
    odd.patterns!.templates[0]!.template = '<script>alert(1)</script>';
    const html = renderReport(odd, 'html');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const patterns = html.slice(html.indexOf('<section id="patterns"'), html.indexOf('</section>', html.indexOf('<section id="patterns"')));
    expect(patterns.match(/<tr id="template-/g)).toHaveLength(report.patterns!.templates.length);
    expect(patterns).toContain(`<a href="#finding-precheck-pod-status-${finding().fingerprint}"><code>precheck-pod-status</code></a>`);
  });
});

describe('the timeline view of the HTML report', () => {
  it('groups the entries by minute, highlights the findings\' own, and notes what it left out', () => {
    const html = renderReport(report, 'html');
    const timeline = html.slice(html.indexOf('<section id="timeline"'), html.indexOf('</section>', html.indexOf('<section id="timeline"')));
    const minutes = [...timeline.matchAll(/<li class="minute"><h3>([^<]+)<\/h3>/g)].map((match) => match[1]!);
    expect(minutes).toEqual([...new Set(report.timeline!.entries.map((entry) => entry.time.slice(0, 16).replace('T', ' ')))]);
    const own = [...timeline.matchAll(/<li id="t-(\d+)" class="entry level-\w+ own" data-findings="([^"]+)"/g)];
    expect(own.length).toBe(finding().timelineWindow!.entries.filter((item) => item.closeness === 'object' || item.closeness === 'owner').length);
    expect(own.every((match) => match[2]!.includes(`finding-precheck-pod-status-${finding().fingerprint}`))).toBe(true);
    expect(timeline).toContain(`${report.timeline!.omitted} more the bundle records are not listed`);
  });

  it('JSON keeps the timeline and the window indexes, valid against the schema', () => {
    const json = JSON.parse(renderReport(report, 'json')) as Report;
    expect(validateReport(json)).toEqual({ valid: true, errors: [] });
    const window = json.findings[0]!.timelineWindow!;
    expect(window.entries.every((item) => json.timeline!.entries[item.entry] !== undefined)).toBe(true);
    expect(window.until).toBe(json.timeline!.entries[window.entries.at(-1)!.entry]!.time);
  });
});
