/**
 * A directive follows the chain (issue 11), on 375 px phones in Chromium, with the demo's own
 * dispatch 907/CAT-PA05 (Công an tỉnh → every commune and ward): the coordinator of Phường Mường
 * Lay relays it to the ward's units (a pre-filled draft, numbered and issued), the IT officer of the
 * ward's high school reports a task with evidence, the ward's coordinator sees "Tổng hợp từ đơn vị
 * trực thuộc" and fills the ward's report from it (then saves), and the province's coordinator
 * follows the cascade down to the school. Screenshots go to e2e/artifacts/.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS, startProduct, type RunningServer } from './server.js';
import { apiCall, CHROMIUM_ARGS, enrolTotp, shot, signIn } from './shared.js';
import { findPageProblems } from './page-checks.js';

const PROVINCE = 'dieuphoi.tinh@khien.local';
const WARD = 'dieuphoi.muonglay@khien.local';
const WARD_NAME = 'Phường Mường Lay';
/** the ward's own row in the tree, not its police ("Công an phường Mường Lay") */
const WARD_ROW = new RegExp(`^${WARD_NAME}`);
const SCHOOL = 'Trường THPT thị xã Mường Lay';
const OFFICER = { email: 'cntt.thpt.muonglay@khien.local', name: 'Lò Thị Hoa', password: 'Trường THPT Mường Lay giữ an toàn mạng 2026' };
const RELAY_NUMBER = '25/UBND-CA';
const REPORT = 'Đã quán triệt đến toàn thể giáo viên và học sinh của trường.';

let server: RunningServer;
let browser: Browser;
const people = new Map<string, { context: BrowserContext; page: Page }>();
const errors: string[] = [];

async function personPage(who: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/40[13]/.test(m.text())) errors.push(`${who}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${who}: ${String(e)}`));
  people.set(who, { context, page });
  return page;
}

/** What a person on a phone would trip over: sideways scrolling, cut elements, raw keys, English words. */
async function phoneProblems(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  return findPageProblems(page, { vietnamese: true });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProduct();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  for (const p of people.values()) await p.context.close();
  await browser?.close();
  await server?.stop();
});

describe('a directive relayed down the chain', () => {
  let ward: Page;
  let wardAssignmentId = '';
  let parentId = '';
  let relayId = '';

  it('the ward’s coordinator relays the province’s dispatch as a pre-filled draft', async () => {
    ward = await personPage('ward');
    await signIn(ward, server.url, WARD, server.demoPassword);
    await enrolTotp(ward);
    await ward.setViewportSize({ width: 375, height: 800 });
    const inbox = await apiCall<{ items: { id: string; orgName: string; directiveId: string }[] }>(ward, server.url, 'GET', '/api/v1/assignments?limit=100');
    const mine = inbox.items.filter((a) => a.orgName === WARD_NAME);
    expect(mine).toHaveLength(1);
    wardAssignmentId = mine[0]!.id;
    parentId = mine[0]!.directiveId;

    await ward.goto(`${server.url}/assignments/${wardAssignmentId}`);
    const section = ward.getByTestId('relay-section');
    await section.waitFor();
    expect(await section.textContent()).toContain('Chưa triển khai đến đơn vị trực thuộc.');
    expect(await phoneProblems(ward)).toEqual([]);
    await shot(ward, 'r01-ward-assignment-phone');
    await ward.getByRole('button', { name: 'Triển khai đến đơn vị trực thuộc' }).click();
    await ward.waitForURL(/\/directives\/[0-9a-f-]{36}\/edit$/);
    relayId = ward.url().split('/').at(-2)!;

    // pre-filled: the parent as a linked reference, every received task marked as such
    const editor = ward.getByTestId('directive-editor');
    await editor.waitFor();
    const reference = editor.getByTestId('reference-item');
    expect(await reference.textContent()).toContain('907/CAT-PA05');
    await reference.getByText('Mở văn bản trong hệ thống').waitFor();
    expect(await editor.getByTestId('task-from-received').count()).toBe(3);
    await ward.getByLabel('Số, ký hiệu').fill(RELAY_NUMBER);
    expect(await phoneProblems(ward)).toEqual([]);
    await shot(ward, 'r02-relay-draft-phone');
    await ward.getByRole('button', { name: 'Lưu nháp' }).click();
    await ward.waitForURL(new RegExp(`/directives/${relayId}$`));
    await expect.poll(() => ward.getByTestId('directive-status').getAttribute('data-status')).toBe('draft');
    expect(await ward.getByTestId('directive-parent').textContent()).toMatch(
      /^Triển khai từ Công văn số 907\/CAT-PA05 ngày \d\d\/\d\d\/\d{4} của Công an tỉnh/,
    );
  });

  it('issues the relay to the ward’s own units', async () => {
    await ward.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const count = ward.getByTestId('issue-recipient-count');
    await count.waitFor();
    expect(Number(await count.getAttribute('data-count'))).toBe(8);
    await ward.getByRole('button', { name: 'Xác nhận ban hành' }).click();
    await expect.poll(() => ward.getByTestId('directive-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('issued');
    await ward.goto(`${server.url}/assignments/${wardAssignmentId}`);
    const item = ward.getByTestId('relay-item');
    await item.waitFor();
    expect(await item.textContent()).toContain(`Số: ${RELAY_NUMBER}`);
    expect(await item.getAttribute('data-status')).toBe('issued');
  });

  it('the school’s IT officer reports a task of the relay, with evidence', async () => {
    const relayed = await apiCall<{ items: { orgId: string; orgName: string }[] }>(
      ward,
      server.url,
      'GET',
      `/api/v1/directives/${relayId}/assignments?limit=50`,
    );
    const school = relayed.items.find((a) => a.orgName === SCHOOL)!;
    expect(school).toBeDefined();
    // the ward's coordinator gives the school its officer, as the org tree's page would
    const created = await apiCall<{ user: { id: string }; temporaryPassword: string }>(ward, server.url, 'POST', '/api/v1/users', {
      email: OFFICER.email,
      fullName: OFFICER.name,
      homeOrgId: school.orgId,
    });
    await apiCall(ward, server.url, 'POST', `/api/v1/users/${created.user.id}/grants`, { role: 'unit_officer', orgId: school.orgId });

    const officer = await personPage('officer');
    await officer.setViewportSize({ width: 375, height: 800 });
    await signIn(officer, server.url, OFFICER.email, created.temporaryPassword);
    await officer.getByTestId('forced-password-page').waitFor();
    await officer.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(created.temporaryPassword);
    await officer.getByLabel('Mật khẩu mới', { exact: true }).fill(OFFICER.password);
    await officer.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(OFFICER.password);
    await officer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await officer.getByRole('button', { name: 'Mở thanh điều hướng' }).waitFor();

    const inbox = await apiCall<{ items: { id: string; directiveId: string }[] }>(officer, server.url, 'GET', '/api/v1/assignments?limit=100');
    const mine = inbox.items.find((a) => a.directiveId === relayId)!;
    await officer.goto(`${server.url}/assignments/${mine.id}`);
    const card = officer.getByTestId('task-card-1');
    await card.waitFor();
    // a unit has nobody below it: nothing to relay
    expect(await officer.getByTestId('relay-section').count()).toBe(0);
    await card.getByText('Đã xong', { exact: true }).click();
    await card.getByRole('textbox', { name: 'Báo cáo kết quả' }).fill(REPORT);
    await officer.getByTestId('save-all').click();
    await officer.getByTestId('save-bar').waitFor({ state: 'detached' });
    await expect.poll(() => officer.getByTestId('task-card-1').getAttribute('data-status')).toBe('done');
    const [chooser] = await Promise.all([officer.waitForEvent('filechooser'), officer.getByTestId('task-card-1').getByRole('button', { name: /tệp/ }).click()]);
    await chooser.setFiles({ name: 'bien-ban-quan-triet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await officer.getByTestId('task-card-1').getByText('bien-ban-quan-triet.pdf').waitFor();
    expect(await phoneProblems(officer)).toEqual([]);
    await shot(officer, 'r03-school-report-phone');
  });

  it('the ward’s coordinator sees the units’ answers and fills the ward’s report from them', async () => {
    await ward.goto(`${server.url}/assignments/${wardAssignmentId}`);
    const panel = ward.getByTestId('from-units-panel');
    await panel.getByText('Tổng hợp từ đơn vị trực thuộc').waitFor();
    await panel.getByTestId('from-units-legend').waitFor();
    const first = panel.getByTestId('from-units-task-1');
    await expect.poll(() => first.getByTestId('from-units-counts').textContent()).toBe('8 đơn vị: 1 đã thực hiện · 7 chưa xong');
    await first.getByRole('button', { name: 'Xem từng đơn vị (8)' }).click();
    // the list has opened all the way (it slides open)
    await ward.waitForFunction(() => {
      const box = document.querySelector('[data-testid="from-units-task-1"] [data-testid="unit-answers"]');
      return box !== null && box.clientHeight > 0 && box.clientHeight >= box.scrollHeight - 1 && getComputedStyle(box).opacity === '1';
    });
    expect(await first.getByTestId('unit-answer').count()).toBe(8);
    const answer = first.getByTestId('unit-answer').filter({ hasText: SCHOOL });
    await answer.getByText(REPORT).waitFor();
    await answer.getByRole('link', { name: 'bien-ban-quan-triet.pdf' }).waitFor();
    expect(await phoneProblems(ward)).toEqual([]);
    await shot(ward, 'r04-from-units-phone');

    await panel.getByRole('button', { name: 'Điền tất cả nhiệm vụ từ báo cáo của đơn vị' }).click();
    expect(await panel.getByTestId('fill-note').textContent()).toBe('Đã điền 3 nhiệm vụ. Kiểm tra, sửa nếu cần rồi bấm Lưu.');
    const report = ward.getByTestId('task-card-1').getByRole('textbox', { name: 'Báo cáo kết quả' });
    expect(await report.inputValue()).toContain('Đã triển khai đến 8 đơn vị trực thuộc; 1/8 đơn vị đã thực hiện');
    expect(await report.inputValue()).toContain(`- ${SCHOOL}: ${REPORT}`);
    // filled, not sent: the officer saves it with the page's own save bar
    await expect.poll(() => ward.getByTestId('unsaved-count').getAttribute('data-count')).toBe('3');
    expect(await ward.getByTestId('task-card-1').getAttribute('data-status')).toBe('not_started');
    await ward.getByTestId('save-all').click();
    await ward.getByTestId('save-bar').waitFor({ state: 'detached' });
    await expect.poll(() => ward.getByTestId('task-card-1').getAttribute('data-status')).toBe('in_progress');
    const status = await ward.getByTestId('assignment-status').getAttribute('data-status');
    expect(status).not.toBe('submitted');
  });

  it('the province’s coordinator follows the cascade down to the school, on a phone', async () => {
    const province = await personPage('province');
    await signIn(province, server.url, PROVINCE, server.demoPassword);
    await enrolTotp(province);
    await province.setViewportSize({ width: 375, height: 800 });
    await province.goto(`${server.url}/directives/${parentId}`);
    // the roll-up by commune counts the relays
    const relayed = province.getByTestId('rollup-table').getByTestId('rollup-relayed').filter({ hasText: 'Đã triển khai 1/1' });
    await relayed.waitFor();
    expect(await relayed.textContent()).toContain('8 đơn vị trực thuộc nhận');

    await province.getByRole('tab', { name: 'Triển khai' }).click();
    const summary = province.getByTestId('cascade-summary');
    await summary.waitFor();
    const cascade = await apiCall<{ summary: { withUnits: number; relayed: number; deep: { units: number; levels: number } } }>(
      province,
      server.url,
      'GET',
      `/api/v1/directives/${parentId}/cascade`,
    );
    expect(cascade.summary.relayed).toBe(1);
    expect(cascade.summary.deep.levels).toBe(2);
    expect(await summary.textContent()).toBe(`1/${cascade.summary.withUnits} đơn vị đã triển khai · 2 cấp · ${cascade.summary.deep.units} đơn vị nhận`);
    const node = province.getByTestId('cascade-level-0').getByTestId('cascade-node').filter({ hasText: WARD_ROW }).first();
    expect(await node.getAttribute('data-relay-state')).toBe('relayed');
    const relay = node.getByTestId('cascade-relay');
    expect(await relay.textContent()).toContain(`Số: ${RELAY_NUMBER}`);
    expect(await relay.getByTestId('cascade-relay-figures').textContent()).toMatch(/^8 đơn vị nhận · đã báo cáo 0\/8/);
    await relay.getByTestId('cascade-relay-toggle').click();
    await relay.getByTestId('cascade-level-1').getByText(SCHOOL).waitFor();
    expect(await phoneProblems(province)).toEqual([]);
    await shot(province, 'r05-cascade-phone');

    // "Chưa triển khai": the ward is no longer listed
    await province.getByTestId('cascade-panel').locator('label').filter({ hasText: 'Chưa triển khai' }).first().click();
    const level = province.getByTestId('cascade-level-0');
    // the other communes and wards, none of them relayed yet; the ward is gone
    await level.locator('[data-testid="cascade-node"][data-relay-state="notRelayed"]').first().waitFor();
    expect(await level.getByTestId('cascade-node').filter({ hasText: WARD_ROW }).count()).toBe(0);
    expect(await level.locator('[data-testid="cascade-node"]:not([data-relay-state="notRelayed"])').count()).toBe(0);
  });

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
