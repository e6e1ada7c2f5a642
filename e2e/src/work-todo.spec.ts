/**
 * The unit officer's to-do list on a 375 px phone: a school's IT officer opens "Việc cần làm", sees a
 * directive to report on and a system whose level checklist is owed, opens the system, marks a
 * requirement met with a report, attaches a photo as evidence, and the page never scrolls sideways.
 * Screenshots go to e2e/artifacts/w-*.png.
 *
 * The school's work is made first through the API, as people would: the province coordinator (in
 * their own browser context, TOTP enrolled) issues a directive to the school, and the officer
 * registers the school's system and answers its level wizard.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TodoPage, WorkItem } from '@khien/contracts';
import { ARTIFACTS, startProduct, type RunningServer } from './server.js';
import { apiCall, CHROMIUM_ARGS, enrolTotp, shot, signIn } from './shared.js';

const OFFICER = 'cntt.thcs.trancan@khien.local';
const COORDINATOR = 'dieuphoi.tinh@khien.local';
const SCHOOL = 'Trường THCS Trần Can';
// the smallest valid PNG: 1×1, one grey pixel
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABc3UBGAAAAABJRU5ErkJggg==', 'base64');

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

async function api<T>(url: string): Promise<T> {
  const r = await page.request.get(`${server.url}${url}`);
  expect(r.status(), url).toBe(200);
  return (await r.json()) as T;
}
const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProduct();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: 'vi-VN' });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/40[13]/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
});

const call = <T>(p: Page, method: 'POST' | 'PUT', url: string, data: unknown) => apiCall<T>(p, server.url, method, url, data);

/** The coordinator issues a directive to the school; the officer registers and classifies the school's system. */
async function makeWork(): Promise<void> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const coord = await context.newPage();
  try {
    await signIn(coord, server.url, COORDINATOR, server.demoPassword);
    await enrolTotp(coord);
    const roots = (await (await coord.request.get(`${server.url}/api/v1/orgs/roots`)).json()) as { items: { id: string }[] };
    const province = roots.items[0];
    const schools = (await (await coord.request.get(`${server.url}/api/v1/orgs?q=${encodeURIComponent('Trần Can')}&kind=school`)).json()) as {
      items: { id: string }[];
    };
    const draft = await call<{ id: string; version: number }>(coord, 'POST', '/api/v1/directives', {
      issuerOrgId: province!.id,
      number: '15/CAT-PA05',
      subject: 'rà soát tài khoản quản trị và bật xác thực hai yếu tố',
      dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      sections: [
        {
          heading: 'Các trường học',
          rule: { orgIds: [schools.items[0]!.id] },
          tasks: [{ text: 'Rà soát tài khoản quản trị' }, { text: 'Bật xác thực hai yếu tố' }],
        },
      ],
    });
    await call(coord, 'POST', `/api/v1/directives/${draft.id}/issue`, { version: draft.version });
  } finally {
    await context.close();
  }
  const me = (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()) as { homeOrgId: string };
  const system = await call<{ id: string; version: number }>(page, 'POST', '/api/v1/systems', {
    orgId: me.homeOrgId,
    name: 'Trang thông tin điện tử của trường',
    category: 'portal',
  });
  await call(page, 'POST', `/api/v1/systems/${system.id}/classify`, { answers: {}, preview: false, version: system.version });
}

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the to-do list on a phone', () => {
  let systemItemId = '';

  it('the officer lands on "Việc cần làm" and sees a directive and a system owed by the school', async () => {
    await signIn(page, server.url, OFFICER, server.demoPassword);
    // the first nav entry is the home page of everyone who owes work
    await page.waitForURL(/\/work$/);
    await makeWork();
    await page.reload();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    const todo = await api<TodoPage>('/api/v1/work?state=open');
    const kinds = new Set(todo.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['directive', 'incident_report', 'incident_task', 'system']);
    expect(todo.items.every((i) => i.orgName === SCHOOL)).toBe(true);

    const cards = page.locator('[data-testid^="work-card-"]');
    await cards.first().waitFor();
    expect(await page.locator('[data-testid^="work-card-"][data-kind="directive"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="work-card-"][data-kind="system"]').count()).toBeGreaterThan(0);
    // cards, not a table, at this width; each names the owing unit and its progress
    expect(await page.getByTestId('work-table').count()).toBe(0);
    await expect.poll(() => cards.first().textContent()).toContain(SCHOOL);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await shot(page, 'w01-todo-phone');

    // the kind chips filter the list
    // a Mantine chip is a hidden radio and its label: tap the label, as a person would
    const chipId = await page.getByTestId('kind-system').getAttribute('id');
    await page.locator(`label[for="${chipId}"]`).click();
    await expect.poll(() => page.locator('[data-testid^="work-card-"][data-kind="directive"]').count()).toBe(0);
    systemItemId = todo.items.find((i) => i.kind === 'system')!.id;
  });

  it('opens the system, marks a requirement met with a report, and attaches evidence', async () => {
    await page.getByTestId(`work-card-${systemItemId}`).click();
    await page.getByTestId('work-item-page').waitFor();
    expect(await page.getByTestId('work-item-page').getAttribute('data-kind')).toBe('system');
    const item = await api<WorkItem>(`/api/v1/work/${systemItemId}`);
    expect(item.canReport).toBe(true);
    const open = item.checks.find((c) => c.status === 'not_started' || c.status === 'in_progress');
    expect(open, 'a requirement still to do').toBeDefined();

    const card = page.getByTestId(`work-check-${open!.key}`);
    // a requirement's "done" reads "Đạt"
    await card.getByTestId('check-status-select').selectOption({ label: 'Đạt' });
    await card.getByRole('textbox', { name: 'Kết quả thực hiện' }).fill('Đã bật xác thực hai yếu tố cho tài khoản quản trị cổng thông tin.');
    await card.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId(`work-check-${open!.key}`).getAttribute('data-status')).toBe('done');

    const again = page.getByTestId(`work-check-${open!.key}`);
    await again.getByText('Tối đa 25 MB mỗi tệp').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), again.getByRole('button', { name: 'Đính kèm minh chứng' }).click()]);
    await chooser.setFiles({ name: 'xac-thuc-hai-yeu-to.png', mimeType: 'image/png', buffer: PNG });
    await again.getByTestId('evidence-list').getByText('xac-thuc-hai-yeu-to.png').waitFor();
    const after = await api<WorkItem>(`/api/v1/work/${systemItemId}`);
    expect(after.checks.find((c) => c.key === open!.key)?.evidence.map((f) => f.filename)).toEqual(['xac-thuc-hai-yeu-to.png']);

    expect(await sideways()).toBeLessThanOrEqual(0);
    await shot(page, 'w02-item-phone');
  });

  it('refuses a file over 25 MB in words, before sending it', async () => {
    const card = page.locator('[data-testid^="work-check-"]').first();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByRole('button', { name: 'Đính kèm minh chứng' }).click()]);
    await chooser.setFiles({ name: 'video.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(25 * 1024 * 1024 + 1) });
    await card.getByText('Tệp quá lớn').waitFor();
  });

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
