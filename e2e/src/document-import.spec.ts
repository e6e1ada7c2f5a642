/**
 * A scanned dispatch (a PDF of page images, stamped and a little askew) uploaded in Chromium:
 * the import page shows the background job's progress, then the draft beside the page images,
 * with the fields OCR was unsure of marked; on a 375 px phone the images go under the form.
 * The scan is made from the Mường Lay seed by apps/server/test/support/scan-fixtures.ts.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadSeeds, scanPdf, SCAN_SETTINGS, seedDispatchDoc, seedPdfs } from '../../apps/server/test/support/scan-fixtures.js';
import { ARTIFACTS, startProduct, type RunningServer } from './server.js';
import { CHROMIUM_ARGS, enrolTotp, shot, signIn } from './shared.js';

const COORDINATOR = 'dieuphoi.tinh@khien.local';

let server: RunningServer;
let browser: Browser;
let page: Page;
let scan: string;
const errors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const seed = loadSeeds().find((s) => s.name === 'dispatch-muong-lay-2026')!;
  scan = (await scanPdf((await seedPdfs())[seed.name]!, seedDispatchDoc(seed), SCAN_SETTINGS[seed.name])).pdf;
  server = await startProduct();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/40[13]/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('importing a scanned dispatch', () => {
  it('shows the progress, then the draft beside the page images, doubtful fields marked', async () => {
    await signIn(page, server.url, COORDINATOR, server.demoPassword);
    await enrolTotp(page);
    await page.goto(`${server.url}/directives/import`);
    await page.getByTestId('dispatch-drop-zone').locator('input[type=file]').setInputFiles(scan);
    // what the server said OCR was unsure of, to hold the page's orange marks against
    let lowConfidence: { field: string; words: string[] }[] | null = null;
    page.on('response', (res) => {
      if (!/\/api\/v1\/directives\/imports\/[^/]+$/.test(new URL(res.url()).pathname) || res.status() !== 200) return;
      void res
        .json()
        .then((body: { status?: string; result?: { document?: { lowConfidence?: { field: string; words: string[] }[] } } }) => {
          if (body.result?.document?.lowConfidence) lowConfidence = body.result.document.lowConfidence;
        })
        .catch(() => undefined);
    });
    await page.getByRole('button', { name: 'Phân tích' }).click();
    await page.getByTestId('import-side-by-side').waitFor({ timeout: 120_000 });

    const number = page.getByRole('textbox', { name: 'Số, ký hiệu' });
    expect(await number.inputValue()).toBe('1082/UBND-CA');
    const images = page.getByTestId('document-pages').locator('img');
    expect(await images.count()).toBe(2);
    await expect.poll(() => images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.getByTestId('document-pages').textContent()).toContain('Con dấu');
    // the generated scan is noisy and stamped: OCR doubts some words, and each doubtful field is marked with them
    await expect.poll(() => lowConfidence).not.toBeNull();
    const flagged = lowConfidence! as { field: string; words: string[] }[];
    expect(flagged.length).toBeGreaterThan(0);
    const notes = page.getByTestId('low-confidence-note');
    await expect.poll(() => notes.count()).toBeGreaterThan(0);
    expect(await notes.count()).toBeLessThanOrEqual(new Set(flagged.map((f) => f.field)).size);
    expect(await page.locator('[data-low-confidence="true"]').count()).toBeGreaterThan(0);
    const doubted = flagged.flatMap((f) => f.words);
    // each orange note names words the server doubted, nothing else
    for (const text of await notes.allTextContents())
      expect(
        doubted.some((w) => text.includes(`“${w}”`)),
        text,
      ).toBe(true);
    // side by side on a wide screen: the pages to the right of the form
    const form = (await page.getByTestId('directive-editor').boundingBox())!;
    const pages = (await page.getByTestId('document-pages').boundingBox())!;
    expect(pages.x).toBeGreaterThan(form.x + form.width - 1);
    await images.last().scrollIntoViewIfNeeded();
    await shot(page, 'ocr-01-side-by-side');

    // a phone: the pages under the form, nothing wider than the screen
    await page.setViewportSize({ width: 375, height: 800 });
    await expect
      .poll(async () => (await page.getByTestId('document-pages').boundingBox())!.y)
      .toBeGreaterThan((await page.getByTestId('directive-editor').boundingBox())!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'ocr-02-phone');
    expect(errors).toEqual([]);
  });
});
