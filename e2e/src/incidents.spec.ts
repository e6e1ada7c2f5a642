/**
 * The school's IT officer on a 375 px phone files the initial incident report: the demo opened a
 * case from the school's Wazuh alert; the officer finds it on the incidents list, sees its 24 h
 * deadline counting down, opens form 03 (pre-filled from the case), adds the missing phone and system,
 * submits, and the deadline reads "Đã gửi" — and the page never scrolls sideways.
 * Screenshots go to e2e/artifacts/i-*.png.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ARTIFACTS, startProduct, type RunningServer } from './server.js';
import { CHROMIUM_ARGS, shot, signIn } from './shared.js';

const OFFICER = 'cntt.thcs.trancan@khien.local';
const CASE_TITLE = 'Máy tính phòng tin học nhiễm mã độc';

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProduct();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: 'vi-VN' });
  page.on('pageerror', (e) => errors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an incident report on a phone', () => {
  it('the officer finds the case, opens form 03 and files it', async () => {
    await signIn(page, server.url, OFFICER, server.demoPassword);
    // a unit officer lands on what they owe
    await page.waitForURL(/\/work$/);
    await page.goto(`${server.url}/incidents`);
    await page
      .getByText(CASE_TITLE)
      .first()
      .waitFor()
      .catch(async (e: unknown) => {
        await shot(page, 'i-list-failed');
        throw e;
      });
    await page.getByText(CASE_TITLE).first().click();
    await page.getByText('Báo cáo và hạn nộp').waitFor();
    expect(await sideways()).toBe(0);
    await shot(page, 'i-case');
    await page
      .getByRole('link', { name: 'Mở báo cáo' })
      .or(page.getByRole('button', { name: 'Mở báo cáo' }))
      .first()
      .click();
    await page.getByText('Mô tả sơ bộ về sự cố').first().waitFor();
    expect(await sideways()).toBe(0);
    // the form is pre-filled from the case: the unit is there already
    await expect.poll(() => page.getByText(/Còn \d+ mục bắt buộc chưa điền/).count()).toBeGreaterThan(0);
    await page.getByLabel('Điện thoại').first().fill('0912 345 678');
    // the demo's PC belongs to no registered system: the form says so and the officer names it
    await page.getByLabel('Tên hệ thống thông tin').fill('Mạng nội bộ phòng tin học');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu nháp').first().waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page
      .getByText('Đã gửi')
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (e: unknown) => {
        await shot(page, 'i-submit-failed');
        throw e;
      });
    expect(await sideways()).toBe(0);
    await shot(page, 'i-report-submitted');
    expect(errors).toEqual([]);
  });
});
