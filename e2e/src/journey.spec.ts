/**
 * The foundation's journey, in Debian's Chromium: an admin signs in and enrols TOTP,
 * signs in again with a code, creates an org, adds a user with a grant, and finds both
 * in the audit log. Screenshots go to e2e/artifacts/.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ADMIN, ARTIFACTS, startProduct, type RunningServer } from './server.js';
import { CHROMIUM_ARGS, pickOption as pick, shot as shotOf, signIn as signInAt, totp } from './shared.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProduct();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
  page.on('console', (m) => {
    // a signed-out page load asks /auth/me and gets 401: Chromium logs that as a failed resource
    if (m.type() === 'error' && !m.text().includes('401')) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (name: string) => shotOf(page, name);
const code = totp;
const signIn = (email: string, password: string) => signInAt(page, server.url, email, password);
const pickOption = (scope: Locator, combobox: string, search: string, option: RegExp) => pick(page, scope, combobox, search, option);

describe('foundation journey', () => {
  let totpSecret = '';
  const orgName = `Trường THCS Hoa Ban ${Date.now() % 100000}`;
  const userEmail = `lo.thi.mai.${Date.now() % 100000}@dienbien.khien.vn`;

  it('serves the Vietnamese sign-in page', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.url()).toContain('/sign-in');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await shot('01-sign-in');
  });

  it('signs the admin in and enrols TOTP with recovery codes', async () => {
    await signIn(ADMIN.email, ADMIN.password);
    const secretBox = page.getByTestId('totp-secret');
    await secretBox.waitFor();
    totpSecret = (await secretBox.getAttribute('data-secret'))!;
    expect(totpSecret).toMatch(/^[A-Z2-7]+=*$/);
    await shot('02-totp-enrol');
    await page.getByLabel('Mã xác thực').fill(code(totpSecret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await page.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
  });

  it('signs out and back in with a TOTP code', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    // codes are single-use: wait for the next 30-second step after enrolment's
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await signIn(ADMIN.email, ADMIN.password);
    await page.getByLabel('Mã xác thực').fill(code(totpSecret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    await shot('03-signed-in');
  });

  it('creates an org under a commune', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    await page.getByTestId('org-tree').waitFor();
    await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
    await pickOption(page.getByRole('dialog'), 'Đơn vị cấp trên', 'Mường Lay', /Phường Mường Lay/);
    await page.getByRole('dialog').getByRole('textbox', { name: 'Tên đơn vị', exact: true }).fill(orgName);
    await pickOption(page.getByRole('dialog'), 'Loại đơn vị', 'Trường', /Trường học/);
    await shot('04-create-org');
    await page.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await page.getByRole('heading', { name: orgName }).waitFor();
    expect(await page.getByTestId('org-detail').getAttribute('data-org-id')).toBeTruthy();
    await shot('05-org-detail');
  });

  it('adds a user and grants them a role on the new org', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByRole('textbox', { name: 'Email đăng nhập' }).fill(userEmail);
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Lò Thị Mai');
    await pickOption(page.getByRole('dialog'), 'Đơn vị công tác', 'Hoa Ban', new RegExp(orgName));
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const temp = page.getByTestId('temporary-password');
    await temp.waitFor();
    expect((await temp.textContent())!.trim().length).toBeGreaterThanOrEqual(12);
    await page.getByRole('link', { name: 'Mở hồ sơ để phân quyền' }).click();
    await pickOption(page.getByTestId('grant-add-form'), 'Vai trò', 'CNTT', /Cán bộ phụ trách CNTT/);
    await pickOption(page.getByTestId('grant-add-form'), 'Phạm vi (đơn vị)', 'Hoa Ban', new RegExp(orgName));
    await page.getByRole('button', { name: 'Cấp quyền' }).click();
    await expect.poll(async () => page.getByTestId('grants-table').textContent()).toContain('Cán bộ phụ trách CNTT');
    await shot('06-user-grant');
  });

  it('shows both changes in the audit log', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await expect.poll(async () => page.locator('[data-action="org.created"]').count()).toBeGreaterThan(0);
    await expect.poll(async () => page.locator('[data-action="grant.added"]').count()).toBeGreaterThan(0);
    await expect.poll(async () => page.locator('[data-action="user.created"]').count()).toBeGreaterThan(0);
    const text = await table.textContent();
    expect(text).toContain('admin@khien.local');
    // in words, not codes: the action, the object type, the person's name
    expect(text).toContain('Tạo đơn vị');
    expect(text).toContain('Phân quyền');
    expect(text).toContain('Quản trị hệ thống');
    expect(text).not.toContain('org.created');
    await shot('07-audit-log');
  });

  it('works on a 375 px phone', async () => {
    await page.setViewportSize({ width: 375, height: 780 });
    await page.getByRole('button', { name: 'Mở thanh điều hướng' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    await page.getByTestId('org-tree').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(380);
    await shot('08-phone-orgs');
  });

  it('signs a checkpoint of the audit chain from the auditor view, on a phone', async () => {
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('audit-checkpoints').waitFor();
    await page.getByTestId('audit-checkpoint-create').click();
    await page.getByTestId('audit-checkpoints-table').waitFor();
    await expect.poll(() => page.getByTestId('audit-checkpoints-table').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await shot('09-phone-audit-checkpoint');
  });

  it('replaces the authenticator from the account page with the password and a current code, on a phone', async () => {
    await page.goto(`${server.url}/account/password`);
    await page.getByRole('button', { name: 'Đổi ứng dụng xác thực' }).click();
    const panel = page.getByTestId('totp-replace');
    await panel.getByLabel('Mật khẩu hiện tại').fill(ADMIN.password);
    // the code used to sign in is spent: wait for the next 30-second step
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await panel.getByLabel('Mã từ ứng dụng hiện tại').fill(code(totpSecret));
    await panel.getByRole('button', { name: 'Tiếp tục' }).click();
    const secretBox = panel.getByTestId('totp-secret');
    await secretBox.waitFor();
    const newSecret = (await secretBox.getAttribute('data-secret'))!;
    expect(newSecret).not.toBe(totpSecret);
    await panel.getByLabel('Mã xác thực').fill(code(newSecret));
    await panel.getByRole('button', { name: 'Xác nhận' }).click();
    await panel.getByTestId('recovery-codes').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await shot('10-phone-totp-replaced');
    await panel.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục' }).click();
    await panel.getByRole('button', { name: 'Đổi ứng dụng xác thực' }).waitFor();
  });

  it('logged no errors in the browser', () => {
    expect(consoleErrors).toEqual([]);
  });
});
