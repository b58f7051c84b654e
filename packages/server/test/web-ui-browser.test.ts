/**
 * The web UI in a real browser: Debian's headless Chromium driven by playwright-core (no browser
 * download). Sign in, upload the flagship zip with the progress bar, wait for the live status to
 * turn the page into the report, see the headline, open the fix, copy the patch command.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
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
});
