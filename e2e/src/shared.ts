import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { ARTIFACTS } from './server.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** First sign-in of a coordinator: enrol TOTP, keep the secret, pass the recovery codes. */
export async function enrolTotp(page: Page): Promise<string> {
  const box = page.getByTestId('totp-secret');
  await box.waitFor();
  const secret = (await box.getAttribute('data-secret'))!;
  await page.getByLabel('Mã xác thực').fill(totp(secret));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
  return secret;
}

/** Codes are single-use: wait for a fresh 30-second step before using the same secret again. */
export async function totpStep(page: Page, secret: string): Promise<void> {
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  await page.getByLabel('Mã xác thực').fill(totp(secret));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
}

/** Mantine selects: type to search when the box is searchable, then pick the option. */
export async function pickOption(page: Page, scope: Locator, combobox: string, search: string, option: RegExp): Promise<void> {
  const box = scope.getByRole('combobox', { name: combobox, exact: true });
  await box.click();
  if (await box.isEditable()) await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** A JSON call as the person signed in on `p`, with their CSRF token; fails the test unless it succeeds. */
export async function apiCall<T>(p: Page, base: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown): Promise<T> {
  const me = (await (await p.request.get(`${base}/api/v1/auth/me`)).json()) as { csrfToken: string };
  const r = await p.request.fetch(`${base}${url}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(r.status(), `${method} ${url}: ${await r.text()}`).toBeLessThan(300);
  return (await r.json()) as T;
}
