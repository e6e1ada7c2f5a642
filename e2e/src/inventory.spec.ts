/**
 * The inventory from a person's side, in Chromium against the built product: a school's IT officer
 * registers the school's web portal, answers the level wizard (no level shown before the first answer),
 * gets a level and its checklist under the pack in force and again under the other pack (packs named by
 * title), marks a requirement met and submits the level dossier, confirming the count of requirements
 * not met — the appraisal is not the school's to record (also looked at on a 375 px phone); the province
 * coordinator appraises it, imports a small CSV of assets with one bad row, keeping the valid rows, sees
 * the per-row error and the hygiene badges in words, opens an asset and records two overlapping IP
 * ranges; the province inventory then shows the counts, with its chart.
 * Screenshots go to e2e/artifacts/inv-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { InventoryOverview, InventorySummary } from '@khien/contracts';
import { ARTIFACTS, startProduct, type RunningServer } from './server.js';
import { CHROMIUM_ARGS, enrolTotp, pickOption, shot, signIn, signOut } from './shared.js';

const COORDINATOR = 'dieuphoi.tinh@khien.local';
const OFFICER = 'cntt.thcs.trancan@khien.local';
const SYSTEM_NAME = 'Cổng thông tin điện tử Trường THCS Trần Can';

// Two good rows and one whose kind is not a kind of asset.
const ASSETS_CSV = [
  'Tên thiết bị,Loại,Địa chỉ IP,Hệ điều hành,Tường lửa bật,Có bản quyền',
  'Máy chủ cổng thông tin,máy chủ,203.0.113.10,Ubuntu,có,có',
  'Máy trạm văn thư,máy trạm,10.10.1.21,Windows 11 Pro,không,không',
  'Thiết bị lạ,tàu vũ trụ,10.10.1.22,Windows 11 Pro,có,có',
].join('\r\n');

/** GET through the browser's session (the demo province holds sample inventory; counts are compared, not assumed). */
async function api<T>(url: string): Promise<T> {
  const r = await page.request.get(`${server.url}${url}`);
  expect(r.status(), url).toBe(200);
  return (await r.json()) as T;
}
const total = async (url: string) => (await api<{ total: number }>(url)).total;

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

/** Answers every question of the open wizard the way a small school portal would. */
async function answerWizard(): Promise<number> {
  const cards = page.locator('[data-testid^="question-"]');
  await cards.first().waitFor();
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    const card: Locator = cards.nth(i);
    switch (await card.getAttribute('data-kind')) {
      case 'boolean':
        await card.getByRole('radio', { name: 'Không', exact: true }).check();
        break;
      case 'single':
        await card.getByRole('radio').first().check();
        break;
      case 'multi':
        await card.getByRole('checkbox').first().check();
        break;
      case 'number':
        await card.getByRole('textbox').fill('500');
        break;
    }
  }
  await expect.poll(() => page.locator('[data-testid^="question-"][data-answered="false"]').count()).toBe(0);
  return n;
}

async function proposedLevel(): Promise<number> {
  const proposed = page.getByTestId('wizard-proposed');
  await expect.poll(async () => Number((await proposed.getAttribute('data-level')) || 0), { timeout: 15_000 }).toBeGreaterThan(0);
  // the preview follows the answers after a short pause; wait until it settles
  await expect.poll(() => page.getByTestId('wizard-save').isEnabled(), { timeout: 15_000 }).toBe(true);
  return Number(await proposed.getAttribute('data-level'));
}

describe('inventory journey', () => {
  let systemUrl = '';
  let firstPack = '';

  it('an IT officer registers a system and gets its level and checklist from the wizard', async () => {
    await signIn(page, server.url, OFFICER, server.demoPassword);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    await page.getByTestId('nav-systems').click();
    await page.getByRole('link', { name: 'Đăng ký hệ thống' }).click();
    await page.getByRole('textbox', { name: 'Tên', exact: true }).fill(SYSTEM_NAME);
    await pickOption(page, page.getByTestId('system-form'), 'Loại hệ thống', 'Cổng', /Cổng\/Trang thông tin điện tử/);
    await page.getByRole('textbox', { name: 'Mục đích, chức năng' }).fill('Đăng tin hoạt động của trường, thông báo tuyển sinh.');
    await page.getByRole('button', { name: 'Đăng ký và xác định cấp độ' }).click();

    await page.getByRole('dialog', { name: 'Xác định cấp độ' }).waitFor();
    systemUrl = page.url().split('?')[0]!;
    expect(systemUrl).toMatch(/\/systems\/[0-9a-f-]{36}$/);
    // nothing in the record answers a question yet: no level is proposed from nothing
    await page.getByTestId('wizard-no-answer').waitFor();
    expect(await page.getByTestId('wizard-proposed').getAttribute('data-level')).toBe('');
    expect(await page.getByTestId('wizard-save').isEnabled()).toBe(false);
    const asked = await answerWizard();
    expect(asked).toBeGreaterThanOrEqual(5);
    const level = await proposedLevel();
    expect(level).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('wizard-reasons').getByTestId('mark-badge').count()).toBeGreaterThan(0);
    await shot(page, 'inv-01-wizard');
    await page.getByRole('button', { name: 'Lưu cấp độ' }).click();
    await page.getByRole('dialog', { name: 'Xác định cấp độ' }).waitFor({ state: 'detached' });

    await expect.poll(() => page.getByTestId('system-level').getAttribute('data-level')).toBe(String(level));
    firstPack = (await page.getByTestId('system-pack').textContent()) ?? '';
    // the pack by its title, never its id
    expect(firstPack).toMatch(/Nghị định (85\/2016|331\/2026)\/NĐ-CP/);
    expect(firstPack).not.toMatch(/vn-nd/);
    await page.getByTestId('checklist-panel').waitFor();
    expect(await page.locator('[data-testid^="req-group-"]').count()).toBeGreaterThan(0);
    await shot(page, 'inv-02-checklist');
  });

  it('classifies again under the other pack, then marks a requirement met', async () => {
    await page.getByTestId('classify-open').click();
    await page.getByRole('dialog', { name: 'Xác định cấp độ' }).waitFor();
    const other = firstPack.includes('85/2016') ? /Nghị định 331\/2026/ : /Nghị định 85\/2016/;
    await pickOption(page, page.getByRole('dialog'), 'Gói quy định áp dụng', '', other);
    await answerWizard();
    const level = await proposedLevel();
    await page.getByRole('button', { name: 'Lưu cấp độ' }).click();
    await page.getByRole('dialog', { name: 'Xác định cấp độ' }).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('system-pack').textContent()).not.toBe(firstPack);
    expect(await page.getByTestId('system-level').getAttribute('data-level')).toBe(String(level));

    await page.getByTestId('checklist-panel').waitFor();
    const firstRow = page.locator('[data-testid^="req-"][data-status]').first();
    const requirement = await firstRow.getAttribute('data-testid');
    await firstRow.getByRole('combobox', { name: 'Trạng thái yêu cầu' }).click();
    await page.getByRole('option', { name: 'Đã đáp ứng' }).click();
    await expect.poll(() => page.getByTestId(requirement!).getAttribute('data-status')).toBe('met');
    await expect.poll(async () => Number(await page.getByTestId('checklist-progress').getAttribute('data-percent'))).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Lịch sử xác định' }).click();
    await expect.poll(() => page.getByTestId('classification-history').locator('.mantine-Timeline-item').count()).toBe(2);
    await page.getByRole('tab', { name: /^Yêu cầu/ }).click();
    await shot(page, 'inv-03-requirement-met');
  });

  it('records the dossier submission and sees the appraisal deadline', async () => {
    await page.getByRole('tab', { name: 'Hồ sơ cấp độ' }).click();
    await page.getByRole('button', { name: 'Ghi nhận bước hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận bước hồ sơ' });
    // yesterday in Vietnam: a day that is in the past whatever the server's clock zone
    const d = new Date(Date.now() + 7 * 3_600_000 - 86_400_000);
    const day = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const date = dialog.getByRole('textbox', { name: 'Ngày thực hiện' });
    await date.fill(day);
    await date.press('Tab');
    // one requirement met of many: the submission says how many are not, and asks to confirm
    const unmet = dialog.getByTestId('dossier-unmet');
    await unmet.waitFor();
    expect(Number(await unmet.getAttribute('data-count'))).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog.getByText('Cần xác nhận trước khi nộp.').waitFor();
    await shot(page, 'inv-04-dossier-confirm');
    await dialog.getByRole('checkbox', { name: /Tôi xác nhận nộp hồ sơ khi còn \d+ yêu cầu chưa đáp ứng/ }).check();
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('dossier-status').first().getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('dossier-submitted').getAttribute('data-state')).toBe('current');
    // the appraisal is the authority's above the school: the school is told, and offered no step
    await page.getByTestId('dossier-review-elsewhere').waitFor();
    expect(await page.getByTestId('dossier-step').count()).toBe(0);
    await shot(page, 'inv-04-dossier');
  });

  it('reads well on a 375 px phone', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/systems`);
    await page.getByTestId('systems-cards').waitFor();
    expect(await page.locator('[data-testid^="system-card-"]').count()).toBe(1);
    await page.goto(systemUrl);
    await page.getByTestId('checklist-panel').waitFor();
    await shot(page, 'inv-05-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(380);
    await page.getByRole('button', { name: 'Mở thanh điều hướng' }).click();
    await signOut(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the province coordinator appraises the school’s dossier', async () => {
    await signIn(page, server.url, COORDINATOR, server.demoPassword);
    await enrolTotp(page);
    await page.goto(`${systemUrl}?tab=dossier`);
    await page.getByTestId('dossier-step').click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận bước hồ sơ' });
    expect(await dialog.getByRole('combobox', { name: 'Bước tiếp theo' }).inputValue()).toBe('Đã thẩm định');
    const d = new Date(Date.now() + 7 * 3_600_000);
    const day = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const date = dialog.getByRole('textbox', { name: 'Ngày thực hiện' });
    await date.fill(day);
    await date.press('Tab');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('dossier-status').first().getAttribute('data-status')).toBe('appraised');
  });

  it('a coordinator imports assets keeping the valid rows and sees the bad one', async () => {
    const assetsBefore = await total('/api/v1/assets?limit=1');
    const firewallOffBefore = await total('/api/v1/assets?limit=1&hygiene=firewall_off');
    await page.getByTestId('nav-inventory-import').click();
    await page.getByTestId('import-drop-zone').waitFor();
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khien-inv-')), 'tai-san.csv');
    fs.writeFileSync(csv, `\ufeff${ASSETS_CSV}`);
    await page.getByRole('radio', { name: 'Giữ các dòng hợp lệ' }).check();
    await page.locator('input[type="file"]').setInputFiles(csv);
    await expect.poll(() => page.getByTestId('import-file-name').textContent()).toBe('tai-san.csv');
    expect(await page.getByTestId('import-guess').textContent()).toContain('CSV');
    await page.getByRole('button', { name: 'Bắt đầu nhập' }).click();

    const view = page.getByTestId('import-view');
    await expect.poll(() => view.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await page.getByTestId('import-outcome').getAttribute('data-outcome')).toBe('doneWithErrors');
    expect(await page.getByTestId('import-created').getAttribute('data-n')).toBe('2');
    expect(await page.getByTestId('import-failed').getAttribute('data-n')).toBe('1');
    expect(await page.getByTestId('import-progress').getAttribute('data-percent')).toBe('100');
    const bad = page.getByTestId('import-errors').locator('tbody tr');
    expect(await bad.count()).toBe(1);
    await shot(page, 'inv-06-import');
    await page.getByTestId('recent-imports').waitFor();

    await page.getByTestId('nav-assets').click();
    await page.getByTestId('assets-table').waitFor();
    expect(await page.locator('[data-testid^="asset-row-"]').count()).toBe(assetsBefore + 2);
    await pickOption(page, page.locator('body'), 'Vệ sinh an toàn', '', /Tường lửa đang tắt/);
    await expect.poll(() => page.locator('[data-testid^="asset-row-"]').count()).toBe(firewallOffBefore + 1);
    // the hygiene badges are words with an icon, named for a screen reader with their state
    await page.getByRole('img', { name: 'Tường lửa: chưa đạt' }).first().waitFor();
  });

  it('opens an imported asset and records IP ranges, overlaps shown in red', async () => {
    await page.getByTestId('nav-assets').click();
    await page.getByRole('link', { name: 'Máy chủ cổng thông tin', exact: true }).click();
    await page.getByTestId('asset-details').waitFor();
    expect(await page.getByTestId('asset-details').textContent()).toContain('203.0.113.10');
    await page.getByTestId('software-search').waitFor();
    await shot(page, 'inv-07-asset');

    const rangesBefore = await total('/api/v1/ip-ranges?limit=1');
    const overlappingBefore = await total('/api/v1/ip-ranges?limit=1&overlapping=true');
    await page.getByTestId('nav-ip-space').click();
    for (const [range, org, search] of [
      ['203.0.113.0/24', null, ''],
      ['203.0.113.128/25', /Xã Mường Nhé/, 'Mường Nhé'],
    ] as const) {
      await page.getByRole('button', { name: 'Thêm dải IP' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm dải IP' });
      if (org) await pickOption(page, dialog, 'Đơn vị', search, org);
      await dialog.getByRole('textbox', { name: 'Dải địa chỉ' }).fill(range);
      await dialog.getByRole('textbox', { name: 'Nhà mạng' }).fill('VNPT');
      await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const rows = page.locator('[data-testid^="ip-range-"][data-overlaps]');
    await expect.poll(() => rows.count()).toBe(rangesBefore + 2);
    await expect.poll(() => page.locator('[data-testid^="ip-range-"][data-overlaps="1"]').count()).toBe(overlappingBefore + 2);
    await shot(page, 'inv-08-ip-space');
  });

  it('the province inventory shows the counts and the chart', async () => {
    await page.getByTestId('nav-inventory').click();
    await page.getByTestId('summary-cards').waitFor();
    // the page shows what the database holds for the province
    const province = (await api<{ items: { id: string }[] }>('/api/v1/orgs/roots')).items[0]!.id;
    const summary = await api<InventorySummary>(`/api/v1/inventory/summary?orgId=${province}`);
    const overview = await api<InventoryOverview>(`/api/v1/inventory/overview?orgId=${province}`);
    expect(summary.systems.total).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => Number(await page.getByTestId('summary-systems-total').getAttribute('data-n'))).toBe(summary.systems.total);
    expect(Number(await page.getByTestId('summary-assets-total').getAttribute('data-n'))).toBe(summary.assets.total);
    expect(await page.getByTestId('summary-ip-overlapping').textContent()).toBe(String(summary.ipRanges.overlapping));
    expect(await page.getByTestId('pack-choice').getAttribute('data-pack')).toMatch(/^vn-nd/);
    await page.getByTestId('overview-table').waitFor();
    const ward = page.getByTestId('overview-table').locator('tbody tr', { hasText: 'Phường Điện Biên Phủ' });
    const wardRow = overview.rows.find((r) => r.orgName === 'Phường Điện Biên Phủ')!;
    expect(wardRow.systems).toBeGreaterThanOrEqual(1);
    expect((await ward.locator('td').nth(1).textContent())?.trim()).toBe(String(wardRow.systems));
    await page.getByTestId('overview-level-chart').locator('svg.recharts-surface').first().waitFor();
    await page.getByTestId('overview-dossier-chart').locator('svg.recharts-surface').first().waitFor();
    await shot(page, 'inv-09-overview');

    // a count is a link to the registry filtered to it
    await ward.locator('td').nth(1).getByRole('link').click();
    await page.getByTestId('systems-table').waitFor();
    expect(page.url()).toContain('under=');
    expect(await page.textContent('[data-testid="systems-table"]')).toContain(SYSTEM_NAME);
  });

  it('shows the overview on a phone, in English too', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/inventory`);
    await page.getByTestId('overview-level-chart').locator('svg.recharts-surface').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await shot(page, 'inv-10-overview-phone');
    await page.evaluate(() => window.localStorage.setItem('khien.language', 'en'));
    await page.goto(`${server.url}/systems`);
    await page.getByRole('heading', { name: 'Information systems', exact: true }).waitFor();
    expect(await page.getByTestId('level-badge').first().textContent()).toMatch(/^Level \d$/);
    await shot(page, 'inv-11-systems-en');
    await page.evaluate(() => window.localStorage.setItem('khien.language', 'vi'));
  });

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
