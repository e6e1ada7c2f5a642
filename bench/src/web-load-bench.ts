/**
 * The web app on a phone's weak link (issue 12, item 9): the built app served by `khien serve`
 * (as e2e starts it), Debian's Chromium with the e2e flags, and CDP network emulation of a weak
 * mobile link — 1.6 Mbps down, 750 kbps up, 150 ms round trip — with the cache disabled. A school's
 * IT officer signs in at full speed; then every load is cold and throttled. Measured from navigation
 * start to the page being usable, as marked in the page itself by a MutationObserver:
 *   - the to-do page: the "Việc cần làm" heading and its first row (or its empty state) shown;
 *   - the sign-in page: the "Đăng nhập" button shown.
 * Next to the time, the script the page downloaded (what Chromium was sent: brotli, and headers) and
 * the same files' gzip size, against the gzip size of every script of the build: what every page would
 * load were the app one bundle. KHIEN_WEB_DIST=<another build> measures that build instead (the
 * unsplit app, say), as the server serves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startProduct } from '../../e2e/src/server.js';
import { CHROMIUM_ARGS, signIn } from '../../e2e/src/shared.js';
import type { Row } from './directives-bench.js';
import { ROOT } from './process.js';

const OFFICER = 'cntt.thcs.trancan@khien.local';
const RUNS = 5;
const GOAL_MS = 3000;
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const WORKLOAD = '1.6 Mbps down, 750 kbps up, 150 ms RTT, cache disabled; Chromium, 375 px';
/** The build being measured: the server's (KHIEN_WEB_DIST, as in platform/config.ts), else apps/web/dist. */
const STATIC = path.join(process.env.KHIEN_WEB_DIST ? path.resolve(process.env.KHIEN_WEB_DIST) : path.join(ROOT, 'apps/web/dist'), 'static');

/**
 * Runs in the page before its own scripts (CDP, so the CSP does not apply): records
 * performance.now() — milliseconds since navigation start — when `selector` first matches a shown
 * element whose text includes `text`, and, if `also` is given, an element matching `also` is shown too.
 */
function usableMarker(selector: string, text: string, also?: string): string {
  return `(() => {
    const shown = (el) => el.getClientRects().length > 0;
    const check = () => {
      if (window.__usableAt !== undefined) return;
      const main = [...document.querySelectorAll(${JSON.stringify(selector)})].some((el) => shown(el) && el.textContent.includes(${JSON.stringify(text)}));
      const more = ${also ? `[...document.querySelectorAll(${JSON.stringify(also)})].some(shown)` : 'true'};
      if (main && more) window.__usableAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  })();`;
}

interface Marked {
  __usableAt?: number;
}

interface Load {
  ms: number;
  scripts: Map<string, number>;
}

/** One cold, throttled load of `url` in a new page of `context`. */
async function throttledLoad(context: BrowserContext, url: string, marker: string): Promise<Load> {
  const page: Page = await context.newPage();
  try {
    await page.addInitScript(marker);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
    const scriptRequests = new Map<string, string>();
    const scripts = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script' || e.response.mimeType.includes('javascript')) scriptRequests.set(e.requestId, new URL(e.response.url).pathname);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const name = scriptRequests.get(e.requestId);
      if (name) scripts.set(name, e.encodedDataLength);
    });
    await page.goto(url, { waitUntil: 'commit' });
    // functions, not strings: the page's CSP has no 'unsafe-eval'
    await page.waitForFunction(() => (globalThis as Marked).__usableAt !== undefined, undefined, { timeout: 60_000, polling: 100 });
    const ms = await page.evaluate(() => (globalThis as Marked).__usableAt!);
    // the chunks fetched after the page is usable count for its bytes too
    await page.waitForLoadState('networkidle');
    await cdp.detach();
    return { ms, scripts };
  } finally {
    await page.close();
  }
}

function gzipOf(file: string): number {
  try {
    return fs.statSync(path.join(STATIC, `${path.basename(file)}.gz`)).size;
  } catch {
    return Number.NaN;
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function row(target: string, loads: Load[], buildGzip: number): Row {
  const times = loads.map((l) => l.ms);
  const last = loads.at(-1)!;
  const wire = [...last.scripts.values()].reduce((n, b) => n + b, 0);
  const gzip = [...last.scripts.keys()].reduce((n, f) => n + gzipOf(f), 0);
  const med = median(times);
  const max = Math.max(...times);
  return {
    target,
    workload: `${WORKLOAD}; ${last.scripts.size} scripts: ${kb(wire)} on the wire (brotli, with headers), ${kb(gzip)} as gzip, of ${kb(buildGzip)} gzip for every script of the build`,
    measured: `${(med / 1000).toFixed(2)} s median, ${(max / 1000).toFixed(2)} s max (${RUNS} runs)`,
    goal: `< ${GOAL_MS / 1000} s`,
    ok: max < GOAL_MS,
  };
}

export async function benchWebLoad(): Promise<Row[]> {
  const buildGzip = fs
    .readdirSync(STATIC)
    .filter((f) => f.endsWith('.js.gz'))
    .reduce((n, f) => n + fs.statSync(path.join(STATIC, f)).size, 0);
  if (buildGzip === 0) throw new Error(`no built web app in ${STATIC}: npm run build first`);
  const server = await startProduct();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const options = { viewport: { width: 375, height: 800 }, locale: 'vi-VN' };
    const officer = await browser.newContext(options);
    // at full speed: sign in, and register the school's website and answer its level wizard, so
    // that the to-do list has a row (the checklist the officer owes for it)
    const page = await officer.newPage();
    await signIn(page, server.url, OFFICER, server.demoPassword);
    await page.waitForURL(/\/work$/);
    const me = (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()) as { homeOrgId: string; csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const created = await page.request.post(`${server.url}/api/v1/systems`, {
      headers,
      data: { orgId: me.homeOrgId, name: 'Trang thông tin điện tử của trường', category: 'portal' },
    });
    if (!created.ok()) throw new Error(`POST /api/v1/systems: ${created.status()} ${await created.text()}`);
    const system = (await created.json()) as { id: string; version: number };
    const classified = await page.request.post(`${server.url}/api/v1/systems/${system.id}/classify`, {
      headers,
      data: { answers: {}, preview: false, version: system.version },
    });
    if (!classified.ok()) throw new Error(`POST /api/v1/systems/…/classify: ${classified.status()} ${await classified.text()}`);
    await page.close();

    const todo = usableMarker('h1, h2, h3', 'Việc cần làm', '[data-testid^="work-card-"], [data-testid^="work-row-"], [data-testid="empty-state"]');
    const todoLoads: Load[] = [];
    for (let i = 0; i < RUNS; i++) todoLoads.push(await throttledLoad(officer, `${server.url}/work`, todo));
    await officer.close();

    const signedOut = await browser.newContext(options);
    const signInPage = usableMarker('button', 'Đăng nhập');
    const signInLoads: Load[] = [];
    for (let i = 0; i < RUNS; i++) signInLoads.push(await throttledLoad(signedOut, `${server.url}/sign-in`, signInPage));
    await signedOut.close();

    return [
      row('web: to-do page usable (cold, weak mobile link)', todoLoads, buildGzip),
      row('web: sign-in page usable (cold, same link)', signInLoads, buildGzip),
    ];
  } finally {
    await browser?.close();
    await server.stop();
  }
}
