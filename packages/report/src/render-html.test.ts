import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Report } from '@bundle-triage/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from './index.js';
import { fixtureReport, sectionsReport } from './test-reports.js';

const run = promisify(execFile);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path));
const RESULTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bundle-triage-html-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('HTML is self-contained and escapes everything', () => {
  it('loads nothing from the network: no external src/href except reference links, and a CSP that forbids it', async () => {
    const html = renderReport(await fixtureReport('flagship'), 'html');
    expect(html).not.toMatch(/\s(?:src|srcset|action|formaction)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.filter((href) => !href.startsWith('#') && !href.startsWith('https://github.com/harvester/') && href !== 'https://fleet.rancher.io/bundle-diffs')).toEqual([]);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  });

  it('allows exactly its own inline style and script, by hash', async () => {
    const html = renderReport(await fixtureReport('flagship'), 'html');
    const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(html).toContain(`style-src &#39;${hash(style)}&#39;`);
    expect(html).toContain(`script-src &#39;${hash(script)}&#39;`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('renders a finding message containing <script> as text, not markup', async () => {
    const report: Report = structuredClone(await fixtureReport('flagship'));
    report.findings[0]!.message = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    report.findings[0]!.evidence[0]!.excerpt = '</pre><script>alert(2)</script>';
    report.findings[0]!.component = '"><script>alert(3)</script>';
    report.findings[0]!.references.push({ title: 'javascript link', url: 'javascript:alert(4)' });
    const html = renderReport(report, 'html');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says plainly that nothing was found for the healthy fixture', async () => {
    expect(renderReport(await fixtureReport('healthy'), 'html')).toMatch(/<h1 id="headline" class="headline status-pass">✔ No problems found: 0 fail, 0 warn;/);
  });
});

/** Headless Chromium when it is there; in CI it must be. */
function needBrowser(what: string): boolean {
  if (CHROMIUM) return true;
  if (process.env.CI) throw new Error('chromium is required in CI (.ci/run installs the Debian package) but was not found');
  console.warn(`skipping the headless-browser ${what}: no chromium found (install Debian chromium to run it)`);
  return false;
}

function chromium(args: string[], profile = 'profile') {
  return run(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${join(scratch, profile)}`, ...args], {
    timeout: 60_000,
    maxBuffer: 32 * 1024 * 1024,
  });
}

describe('HTML in a real browser (headless Chromium)', () => {
  it('shows the headline and the flagship finding, and saves a screenshot to test-results/report-html.png', async (context) => {
    if (!needBrowser('HTML test')) return context.skip();
    const file = join(scratch, 'flagship.html');
    writeFileSync(file, renderReport(await fixtureReport('flagship'), 'html'));
    const { stdout: dom } = await chromium(['--virtual-time-budget=2000', '--dump-dom', pathToFileURL(file).href]);
    const visible = domText(dom);
    expect(visible).toContain('✖ FAIL · critical — An upgrade would be refused with');
    expect(visible).toContain('Upgrade blocked: "managed chart harvester is not ready" (mcc-harvester Modified on the snapshot-validation-webhook)');
    expect(visible).toContain('yamls/namespaced/fleet-local/fleet.cattle.io/v1alpha1/bundles.yaml:248');
    // The script ran (allowed by its CSP hash): the filter toolbar and copy buttons were revealed.
    expect(dom).toMatch(/<div class="filters" role="toolbar" aria-label="Filter findings">/);
    expect(dom).not.toMatch(/<button type="button" class="copy" hidden/);

    mkdirSync(RESULTS, { recursive: true });
    const screenshot = join(RESULTS, 'report-html.png');
    rmSync(screenshot, { force: true });
    await chromium([`--screenshot=${screenshot}`, '--window-size=1280,2000', '--virtual-time-budget=2000', pathToFileURL(file).href]);
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });
});

describe('the HTML timeline view in a real browser (headless Chromium)', () => {
  it('shows the overview, the log patterns and the timeline grouped by minute, and saves test-results/report-html-timeline.png', async (context) => {
    if (!needBrowser('HTML timeline test')) return context.skip();
    const browse = (args: string[]) => chromium(args, 'profile-timeline');
    const report = await sectionsReport();
    const file = join(scratch, 'sections.html');
    writeFileSync(file, renderReport(report, 'html'));
    const { stdout: dom } = await browse(['--virtual-time-budget=2000', '--dump-dom', pathToFileURL(file).href]);
    const visible = domText(dom);
    expect(visible).toContain('Pods70, 1 not ready: harvester-system 1');
    expect(visible).toContain('Not explained by any rule (4)');
    expect(visible).toMatch(/Timeline \d+ entries, times in UTC/);
    expect(visible).toContain('2025-03-12 09:13');
    expect(visible).toContain('Back-off restarting failed container');
    // The findings' own entries are marked for highlighting, and each finding links to the view.
    expect(dom).toMatch(/<li id="t-\d+" class="entry level-warning own" data-findings="finding-precheck-pod-status-/);
    expect(dom).toMatch(/<a class="show-on-timeline" href="#timeline" data-finding="finding-precheck-pod-status-/);

    mkdirSync(RESULTS, { recursive: true });
    const screenshot = join(RESULTS, 'report-html-timeline.png');
    rmSync(screenshot, { force: true });
    await browse([`--screenshot=${screenshot}`, '--window-size=1280,4000', '--virtual-time-budget=2000', pathToFileURL(file).href]);
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });
});

/** The text a reader sees: the DOM without the style and script elements or tags, entities decoded. */
function domText(dom: string): string {
  return dom
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
