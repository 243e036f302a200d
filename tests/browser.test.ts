/**
 * The pages and the feed stylesheet in a real browser: Debian's headless Chromium (never a
 * downloaded one) driven by playwright-core, against `kliping serve`. Screenshots go to
 * tests/artifacts/ (gitignored) for a human to look at. Skipped when /usr/bin/chromium is
 * missing, except under CI, where .ci/run installs it and a missing browser fails the run.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempWorkspace } from './support/cli.js';
import { ROOT, SAMPLE } from './support/paths.js';
import { kliping, start, type Running } from './support/spawn.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run must install the Debian package chromium`);

const SLUG = 'setelah-lima-jam-negosiasi-macron-memperingatkan-kedua-belah-pihak-perlu';

describe.skipIf(!haveChromium)('the pages and the RSS stylesheet in headless Chromium', () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let server: Running;
  let browser: Browser;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    ws = await tempWorkspace('kliping-browser-');
    const ingest = kliping(['ingest', SAMPLE], ws.dir);
    expect(ingest.code, ingest.stderr).toBe(0);
    server = start(['serve', '--port', '0'], ws.dir);
    await server.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\//);
    base = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(server.stdout())![1]!;
    await mkdir(ARTIFACTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    // launch() gives every run a fresh temporary profile.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // A phone-sized window: the pages must be readable there.
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.done;
    }
    await ws?.cleanup();
  });

  async function open(urlPath: string, shot: string): Promise<string> {
    const response = await page.goto(new URL(urlPath, base).href);
    expect(response?.status(), urlPath).toBe(200);
    // Chromium 156 lays its own "XSLT is being removed" banner over a styled feed; it is not
    // part of our page, and would hide the subscribe box in the screenshot.
    await page.evaluate("document.querySelector('xslt-warning-banner')?.remove()");
    await page.screenshot({ path: path.join(ARTIFACTS, shot), fullPage: true });
    return page.locator('body').innerText();
  }

  it('the index shows the newest article and the months, without horizontal scrolling on a phone', async () => {
    const text = await open('/', 'index.png');
    expect(text).toContain('Newest articles');
    expect(text).toContain('Setelah lima jam negosiasi, Macron memperingatkan');
    expect(text).toContain('2022-02');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  it('a month page lists the article under its day', async () => {
    const text = await open('/2022/02/', 'month.png');
    expect(text).toContain('Articles of 2022-02');
    expect(text).toContain('2022-02-08');
    expect(text).toContain('Setelah lima jam negosiasi');
  });

  it('an article page shows the cleaned text and metadata, with the removed lines collapsed until opened', async () => {
    const text = await open(`/2022/02/08/${SLUG}.html`, 'article.png');
    expect(text).toContain('Published');
    expect(text).toContain('Removed by the cleaner: 4 lines');
    expect(text).not.toContain('Cek Berita dan Artikel yang lain di');
    const dropped = page.getByText('id.related.baca');
    expect(await dropped.isVisible()).toBe(false);
    await page.locator('details.removed summary').click();
    expect(await dropped.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'article-removed-open.png'), fullPage: true });
  });

  it('the RSS feed opens as a page through its XSL stylesheet', async () => {
    const text = await open('/feeds/rss.xml', 'rss.png');
    expect(text).toContain('This is a web feed');
    expect(text).toContain('http://localhost:8080/feeds/rss.xml');
    expect(text).toContain('Setelah lima jam negosiasi');
    expect(await page.locator('h1').innerText()).toBe('kliping');
  });

  it('the Atom feed opens as a page through the same stylesheet', async () => {
    const text = await open('/feeds/atom.xml', 'atom.png');
    expect(text).toContain('This is a web feed');
    expect(text).toContain('http://localhost:8080/feeds/atom.xml');
    expect(text).toContain('Setelah lima jam negosiasi');
  });
});
