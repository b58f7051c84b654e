/**
 * The web UI in a real browser: Debian's headless Chromium driven by playwright-core (no browser
 * download). Sign in, upload the flagship zip with the progress bar, wait for the live status to
 * turn the page into the report, see the headline, open the fix, copy the patch command. Then
 * the object browser: from a finding of the workloads bundle's report, open the pod it cites,
 * see its conditions, follow its owner, open its log and filter it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bundles, S01 } from './helpers/built-server.js';
import { startTestService, type TestService } from './helpers/test-service.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const RESULTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const profile = mkdtempSync(join(tmpdir(), 'bt-chromium-'));

function needBrowser(): boolean {
  if (CHROMIUM) return true;
  if (process.env.CI) throw new Error('chromium is required in CI (.ci/run installs the Debian package) but was not found');
  console.warn('skipping the web UI browser test: no chromium found (apt-get install chromium)');
  return false;
}

let service: TestService;
let browser: Browser | undefined;

beforeAll(async () => {
  assertBuilt();
  service = await startTestService();
  if (CHROMIUM) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The flags this machine needs: no sandbox as root, and none of Chromium's own network traffic.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      headless: true,
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('the web UI in headless Chromium', () => {
  it('signs in, uploads the flagship zip, shows the headline, opens the fix and copies the patch command', async (context) => {
    if (!needBrowser()) return context.skip();
    const browserContext = await browser!.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 1600 } });
    const page = await browserContext.newPage();
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(request.url()));
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));

    await page.goto(service.url);
    expect(page.url()).toMatch(/\/login\?next=%2F$/);
    await page.fill('input[name=token]', service.tokens.uploader);
    await page.click('button[type=submit]');
    await page.waitForURL(`${service.url}/`);

    await page.fill('#upload-form input[name=ticket]', 'SUP-1234');
    await page.setInputFiles('#upload-form input[type=file]', join(bundles, 'flagship-v1.4.1.zip'));
    await page.click('#upload-form button[type=submit]');
    // The progress bar shows, then the page moves to the analysis; live status reloads it when done.
    await page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/);
    const headline = page.locator('#headline');
    await headline.waitFor({ timeout: 120_000 });
    expect(await headline.textContent()).toBe('Upgrade blocked: "managed chart harvester is not ready" (mcc-harvester Modified on the snapshot-validation-webhook)');
    expect(await page.locator('.headline').textContent()).toContain('managed chart harvester is not ready');
    // The overview at the top, the timeline below the findings.
    expect(await page.locator('#overview').textContent()).toContain('Harvester v1.4.1 · Kubernetes v1.30.7+rke2r1');
    expect(await page.locator('#overview').textContent()).toContain('fleet-local/mcc-harvester Modified 0/1');
    expect(await page.locator('#timeline').textContent()).toMatch(/^Timeline \(\d+\)$/);
    expect(await page.locator('li.entry.own').count()).toBeGreaterThan(0);

    const finding = page.locator('details.finding').filter({ has: page.locator('summary', { hasText: S01 }) });
    const fix = finding.locator('details.fix');
    expect(await fix.evaluate((element) => (element as unknown as { open: boolean }).open)).toBe(false);
    await fix.locator('summary').click();
    expect(await fix.evaluate((element) => (element as unknown as { open: boolean }).open)).toBe(true);
    const copy = fix.locator('.patch-command button.copy');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    // The page's own clipboard (the test has no DOM types).
    const clipboard = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(clipboard).toMatch(/^kubectl patch managedcharts\.management\.cattle\.io harvester -n fleet-local --type=json -p '\[\{"op":"add","path":"\/spec\/diff\/comparePatches\/-"/);
    expect(clipboard).toBe(await fix.locator('.patch-command pre').textContent());

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'server-report.png'), fullPage: false });

    // The list shows the analysis, done, with its ticket.
    await page.goto(`${service.url}/?ticket=SUP-1234`);
    expect(await page.locator('tbody tr .status').first().textContent()).toBe('done');
    expect(failedRequests.filter((url) => !url.includes('/api/events'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await browserContext.close();
  }, 180_000);

  it("opens the object a finding cites, sees its conditions and owner, and reads the pod's log", async (context) => {
    if (!needBrowser()) return context.skip();
    const { body } = await service.upload(readFileSync(join(bundles, 'workloads-v1.4.2.zip')), '?ticket=SUP-2000');
    expect((await service.finished(body.analysisId)).status).toBe('done');
    const browserContext = await browser!.newContext({ viewport: { width: 1280, height: 1600 } });
    const page = await browserContext.newPage();
    const problems = watchProblems(page);
    await signIn(page, service.tokens.reader, `/analyses/${body.analysisId}`);

    // The report: the failing finding names the pod; its evidence links to the pod's page.
    const finding = page.locator('details.finding').filter({ has: page.locator('summary', { hasText: 'precheck-pod-status' }) });
    const cited = finding.locator('a.object-link').first();
    expect(await cited.textContent()).toBe(`Pod harvester-system/${POD}`);
    await cited.click();
    await page.waitForURL(new RegExp(`/analyses/${body.analysisId}/objects/pod/${POD}\\?namespace=harvester-system$`));
    expect(await page.locator('#object-title').textContent()).toBe(`Pod harvester-system/${POD}`);

    // Its conditions, and the finding that brought us here, linked back to the report.
    const ready = page.locator('#conditions tr').filter({ has: page.locator('td', { hasText: /^Ready$/ }) });
    expect(await ready.locator('td').nth(1).textContent()).toBe('False');
    expect(await ready.locator('td').nth(3).textContent()).toBe('ContainersNotReady');
    // The pod is cited by the crash loop, the pre-check and the not-Ready check the crash loop explains.
    const findingLinks = page.locator('a.finding-link');
    expect(await findingLinks.count()).toBe(3);
    expect(await findingLinks.filter({ hasText: 'Pre-check Pod-Status: pods that are not ready' }).getAttribute('href')).toBe(`/analyses/${body.analysisId}#finding-b6279015280de0f9`);
    for (let index = 0; index < 3; index += 1) expect(await findingLinks.nth(index).getAttribute('href')).toMatch(new RegExp(`^/analyses/${body.analysisId}#finding-[0-9a-f]{16}$`));
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'server-object.png'), fullPage: false });

    // Up the owner chain and back.
    await page.locator('#owners a', { hasText: 'ReplicaSet/' }).click();
    expect(await page.locator('#object-title').textContent()).toBe('ReplicaSet harvester-system/harvester-network-controller-manager-p2z294f4b');
    await page.goBack();

    // The log of its previous run, each line with its place in the bundle, then filtered.
    await page.locator('#logs a', { hasText: 'previous run' }).click();
    await page.waitForURL(/\/logs\/pods\/harvester-system\//);
    const lines = page.locator('#log-lines tr');
    expect(await lines.count()).toBeGreaterThan(2);
    expect(await lines.first().locator('td.place').textContent()).toBe('harvester-network-manager.log.1:1');
    await page.fill('#log-filters input[name=grep]', 'level=(error|fatal)');
    await page.click('#log-filters button[type=submit]');
    await page.waitForURL(/grep=level/);
    const texts = await page.locator('#log-lines td.text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => /level=(error|fatal)/.test(text))).toBe(true);
    expect(page.url()).toContain('previous=true');
    await page.screenshot({ path: join(RESULTS, 'server-log.png'), fullPage: false });

    expect(problems.failedRequests.filter((url) => !url.includes('/api/events'))).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await browserContext.close();
  }, 180_000);
});

const POD = 'harvester-network-controller-manager-p2z294f4b-dwz47';

/** Requests that failed and console errors: a page that works shows neither. */
function watchProblems(page: Page): { failedRequests: string[]; consoleErrors: string[] } {
  const problems = { failedRequests: [] as string[], consoleErrors: [] as string[] };
  page.on('requestfailed', (request) => problems.failedRequests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && problems.consoleErrors.push(message.text()));
  return problems;
}

/** Signs in on the login page the service redirects to, and lands on `path`. */
async function signIn(page: Page, token: string, path: string): Promise<void> {
  await page.goto(`${service.url}${path}`);
  expect(page.url()).toContain('/login?next=');
  await page.fill('input[name=token]', token);
  await page.click('button[type=submit]');
  await page.waitForURL(`${service.url}${path}`);
}
