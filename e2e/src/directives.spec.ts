/**
 * A directive from pasted text to an accepted report, by different people in Chromium:
 * the province coordinator imports the Mường Lay dispatch and issues it to every unit of
 * Phường Điện Biên Phủ; a school's IT officer acknowledges, reports the tasks and saves them
 * together on a 375 px phone (asked before leaving with unsaved edits), is refused while a task
 * is unreported and asked again when one is not done, then submits; the coordinator accepts. Screenshots go to e2e/artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ARTIFACTS, ROOT, startProduct, type RunningServer } from './server.js';
import { CHROMIUM_ARGS, enrolTotp, pickOption, shot, signIn, signOut, totpStep } from './shared.js';

const SEED = fs.readFileSync(path.resolve(ROOT, '../shared/seeds/dispatch-muong-lay-2026.txt'), 'utf8');
const COORDINATOR = 'dieuphoi.tinh@khien.local';
const OFFICER = 'cntt.thcs.trancan@khien.local';

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
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

describe('directive journey', () => {
  let secret = '';
  let directiveUrl = '';
  let assignmentId = '';

  it('the coordinator imports a pasted dispatch, corrects the draft and saves it', async () => {
    await signIn(page, server.url, COORDINATOR, server.demoPassword);
    secret = await enrolTotp(page);
    await page.goto(`${server.url}/directives`);
    await page.getByRole('button', { name: 'Nhập từ văn bản' }).click();
    await page.getByRole('textbox', { name: 'Nội dung công văn' }).fill(SEED);
    await page.getByRole('button', { name: 'Phân tích' }).click();
    await page.getByRole('button', { name: 'Lưu nháp' }).waitFor();
    await pickOption(page, page.locator('body'), 'Đơn vị ban hành', 'Công an tỉnh', /Công an tỉnh Điện Biên/);
    const rule = page.getByTestId('default-rule');
    await rule.getByText('Tất cả đơn vị loại … thuộc …').click();
    await pickOption(page, rule, 'Thuộc đơn vị', 'Điện Biên Phủ', /Phường Điện Biên Phủ/);
    await shot(page, 'd01-import-draft');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect.poll(() => page.getByTestId('directive-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('draft');
    directiveUrl = page.url();
    expect(directiveUrl).toMatch(/\/directives\/[0-9a-f-]{36}$/);
    expect(await page.textContent('body')).toContain('1082/UBND-CA');
  });

  it('issues it to every unit of the ward', async () => {
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const count = page.getByTestId('issue-recipient-count');
    await count.waitFor();
    expect(Number(await count.getAttribute('data-count'))).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: 'Xác nhận ban hành' }).click();
    await expect.poll(() => page.getByTestId('directive-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('issued');
    await page.getByTestId('rollup-matrix').waitFor();
    await shot(page, 'd02-issued-matrix');
    const docx = await page.request.get(`${server.url}/api/v1/directives/${directiveUrl.split('/').pop()}/export.docx`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await signOut(page);
  });

  it('a school officer acknowledges, reports every task and submits, on a phone', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server.url, OFFICER, server.demoPassword);
    await page.getByRole('button', { name: 'Mở thanh điều hướng' }).waitFor();
    const all = (await (await page.request.get(`${server.url}/api/v1/assignments`)).json()) as {
      items: { id: string; orgName: string; directiveId: string }[];
    };
    // the demo's own dispatch to the schools is there too
    const mine = all.items.filter((a) => directiveUrl.endsWith(`/${a.directiveId}`));
    expect(mine.map((a) => a.orgName)).toEqual(['Trường THCS Trần Can']);
    assignmentId = mine[0]!.id;
    await page.goto(`${server.url}/assignments/${assignmentId}`);
    const status = page.getByTestId('assignment-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('pending');
    await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('acknowledged');
    const cards = page.locator('[data-testid^="task-card-"]');
    const n = await cards.count();
    expect(n).toBe(7);
    // edit every task but the last, one of them not done with its reason, and save them together
    for (let i = 1; i < n; i++) {
      const card = page.getByTestId(`task-card-${i}`);
      if (i === n - 1) {
        await card.getByText('Không thực hiện được', { exact: true }).click();
        await card.getByRole('textbox', { name: 'Lý do không thực hiện được' }).fill('Chưa có kinh phí mua thiết bị.');
      } else {
        await card.getByText('Đã xong', { exact: true }).click();
        await card.getByRole('textbox', { name: 'Báo cáo kết quả' }).fill(`Đã thực hiện nội dung ${i} tại trường.`);
      }
      await expect.poll(() => card.getAttribute('data-dirty')).toBe('true');
    }
    await expect.poll(() => page.getByTestId('unsaved-count').getAttribute('data-count')).toBe(String(n - 1));
    // leaving with unsaved edits asks first; staying keeps them
    await page.getByRole('link', { name: '‹ Việc được giao' }).click();
    const leave = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Hủy' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(page.url()).toContain(`/assignments/${assignmentId}`);
    await shot(page, 'd03-officer-phone-unsaved');
    await page.getByTestId('save-all').click();
    await page.getByTestId('save-bar').waitFor({ state: 'detached' });
    for (let i = 1; i < n; i++) await expect.poll(() => page.getByTestId(`task-card-${i}`).getAttribute('data-status')).toBe(i === n - 1 ? 'not_done' : 'done');
    await page.getByTestId('saved-note').waitFor();

    // the last task is not reported: the submission is refused, naming it
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const refused = page.getByTestId('submit-refused');
    await refused.waitFor();
    expect(await refused.getByTestId('submit-task-list').locator('li').count()).toBe(1);
    await page.getByRole('button', { name: 'Đến nhiệm vụ đầu tiên' }).click();
    await refused.waitFor({ state: 'detached' });
    const last = page.getByTestId(`task-card-${n}`);
    await last.getByText('Không áp dụng', { exact: true }).click();
    await last.getByRole('textbox', { name: 'Lý do không áp dụng' }).fill('Trường không có hệ thống này.');
    await page.getByTestId('save-all').click();
    await expect.poll(() => last.getAttribute('data-status')).toBe('not_applicable');

    // one task not done: asked again, with the list and its reason
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const confirm = page.getByTestId('submit-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Chưa có kinh phí mua thiết bị.');
    await shot(page, 'd03-officer-phone-confirm');
    await confirm.getByRole('button', { name: 'Vẫn gửi báo cáo' }).click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('submitted');
    await shot(page, 'd03-officer-phone');
    const report = await page.request.get(`${server.url}/api/v1/assignments/${assignmentId}/report.docx`);
    expect(report.status()).toBe(200);
    expect((await report.body()).subarray(0, 2).toString()).toBe('PK');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(380);
    await page.getByRole('button', { name: 'Mở thanh điều hướng' }).click();
    await signOut(page);
  });

  it('the coordinator accepts the report and sees it in the roll-up', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.url, COORDINATOR, server.demoPassword);
    await totpStep(page, secret);
    await page.goto(`${server.url}/assignments/${assignmentId}`);
    const status = page.getByTestId('assignment-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('submitted');
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('accepted');
    await shot(page, 'd04-accepted');
    const roll = (await (await page.request.get(`${server.url}/api/v1/directives/${directiveUrl.split('/').pop()}/rollup?by=kind`)).json()) as {
      rows: { key: string; accepted: number }[];
    };
    expect(roll.rows.find((r) => r.key === 'school')?.accepted).toBe(1);
    const report = await page.request.get(`${server.url}/api/v1/directives/${directiveUrl.split('/').pop()}/report.docx`);
    expect(report.status()).toBe(200);
  });

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
