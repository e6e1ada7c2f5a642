/**
 * Every route of the router, as each demo role, on a 375 px phone in Vietnamese: no page scrolls
 * sideways or cuts an element at the edge, chart labels do not overlap, IP addresses do not break,
 * no raw i18n key and no English word shows (`page-checks.ts`). Also: each role starts on its own
 * page. One failing page leaves a screenshot `e2e/artifacts/sweep-<role>-<route>.png`.
 *
 * Work is made first through the API, as people would: the province coordinator issues a directive
 * to a commune and a school and keeps a second one as a draft, so the directive, assignment and
 * work-item pages have something to show.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROLES, type Role } from '@khien/contracts';
import { ADMIN, ARTIFACTS, startProduct, type RunningServer } from './server.js';
import { apiCall, CHROMIUM_ARGS, enrolTotp, shot, signIn } from './shared.js';
import { findPageProblems } from './page-checks.js';

/** The router's paths (apps/web/src/app/router.tsx ROUTES); a test below keeps the two lists equal. */
const APP_ROUTES = [
  '/orgs',
  '/orgs/import',
  '/orgs/:org',
  '/users',
  '/users/:user',
  '/tokens',
  '/sessions',
  '/account/password',
  '/audit',
  '/directives',
  '/directives/import',
  '/directives/new',
  '/directives/:directive',
  '/directives/:draft/edit',
  '/assignments',
  '/assignments/:assignment',
  '/notifications',
  '/inventory',
  '/inventory/import',
  '/systems',
  '/systems/new',
  '/systems/:system',
  '/assets',
  '/assets/:asset',
  '/ip-space',
  '/work',
  '/work/overview',
  '/work/:work',
  '/duty',
  '/duty/:dutyorg',
  '/alerts',
  '/alerts/board',
  '/alerts/settings',
  '/alerts/:alert',
  '/incidents',
  '/incidents/new',
  '/incidents/stats',
  '/incidents/:incident',
  '/incidents/:incident/reports/:report',
  '/no-such-page',
] as const;

const USERS: Record<Role, { email: string; mfa: boolean; home: RegExp }> = {
  system_admin: { email: ADMIN.email, mfa: true, home: /\/orgs$/ },
  province_coordinator: { email: 'dieuphoi.tinh@khien.local', mfa: true, home: /\/work\/overview$/ },
  commune_coordinator: { email: 'dieuphoi.muonglay@khien.local', mfa: true, home: /\/work$/ },
  unit_officer: { email: 'cntt.thcs.trancan@khien.local', mfa: false, home: /\/work$/ },
  duty_officer: { email: 'truc.soc@khien.local', mfa: false, home: /\/alerts$/ },
  auditor: { email: 'kiemtoan@khien.local', mfa: false, home: /\/audit$/ },
  telecom_contact: { email: 'vienthong.vnpt@khien.local', mfa: false, home: /\/work$/ },
};

let server: RunningServer;
let browser: Browser;
const contexts = new Map<Role, { context: BrowserContext; page: Page; errors: string[] }>();

const call = <T>(p: Page, method: 'POST' | 'GET', url: string, data?: unknown) => apiCall<T>(p, server.url, method, url, data);
const firstId = async (p: Page, url: string) => (await call<{ items: { id: string }[] }>(p, 'GET', url)).items[0]?.id;

async function signInAs(role: Role) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // 401/403/404 answers are what some of these pages are about
    if (m.type() === 'error' && !/40[1349]/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const user = USERS[role];
  await signIn(page, server.url, user.email, role === 'system_admin' ? ADMIN.password : server.demoPassword);
  if (user.mfa) await enrolTotp(page);
  else await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
  await page.waitForURL(user.home);
  contexts.set(role, { context, page, errors });
  return page;
}

/** The province coordinator issues one directive to a commune and a school, and keeps one draft. */
async function makeWork(coord: Page): Promise<void> {
  const roots = await call<{ items: { id: string }[] }>(coord, 'GET', '/api/v1/orgs/roots');
  const school = await firstId(coord, `/api/v1/orgs?q=${encodeURIComponent('Trần Can')}&kind=school`);
  const commune = await firstId(coord, `/api/v1/orgs?q=${encodeURIComponent('Mường Lay')}&kind=ward`);
  const body = (number: string) => ({
    issuerOrgId: roots.items[0]!.id,
    number,
    subject: 'tăng cường bảo đảm an toàn thông tin trong dịp Tết Nguyên đán và rà soát các hệ thống thông tin thuộc phạm vi quản lý',
    dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    sections: [
      {
        heading: 'Ủy ban nhân dân các xã, phường và các trường học',
        rule: { orgIds: [school, commune].filter(Boolean) },
        tasks: [
          { text: 'Rà soát toàn bộ tài khoản quản trị của các hệ thống thông tin, thu hồi tài khoản không còn sử dụng và bật xác thực hai yếu tố' },
          { text: 'Cập nhật bản vá cho các máy chủ có địa chỉ 203.113.147.201 và 2001:ee0:4141:1a::25/64' },
        ],
      },
    ],
  });
  const issued = await call<{ id: string; version: number }>(coord, 'POST', '/api/v1/directives', body('1201/CAT-PA05'));
  await call(coord, 'POST', `/api/v1/directives/${issued.id}/issue`, { version: issued.version });
  await call(coord, 'POST', '/api/v1/directives', body('1202/CAT-PA05'));
}

/** The ids behind the `:param`s, as this person can see them (404 pages are swept too). */
async function idsFor(page: Page): Promise<Record<string, string | undefined>> {
  const me = await call<{ homeOrgId: string | null; id: string; permissions: string[] }>(page, 'GET', '/api/v1/auth/me');
  const can = (p: string) => me.permissions.includes(p);
  const directives = can('directive:read') ? await call<{ items: { id: string; status: string }[] }>(page, 'GET', '/api/v1/directives') : { items: [] };
  return {
    org: me.homeOrgId ?? undefined,
    user: can('user:read') ? await firstId(page, '/api/v1/users') : me.id,
    directive: directives.items.find((d) => d.status !== 'draft')?.id ?? directives.items[0]?.id,
    draft: directives.items.find((d) => d.status === 'draft')?.id ?? directives.items[0]?.id,
    assignment: can('directive:report') ? await firstId(page, '/api/v1/assignments') : undefined,
    system: can('inventory:read') ? await firstId(page, '/api/v1/systems') : undefined,
    asset: can('inventory:read') ? await firstId(page, '/api/v1/assets') : undefined,
    work: can('work:read') ? await firstId(page, '/api/v1/work') : undefined,
    // the roster of one's own org; without duty:read (or an alert) the page is swept as not found
    dutyorg: can('duty:read') ? (me.homeOrgId ?? undefined) : undefined,
    alert: can('alert:read') ? await firstId(page, '/api/v1/alerts?status=all') : undefined,
    ...(can('incident:read') ? await incidentIds(page) : {}),
  };
}

/** The first case the role sees and its first report (the demo opens two cases). */
async function incidentIds(page: Page): Promise<{ incident?: string; report?: string }> {
  const id = await firstId(page, '/api/v1/incidents?status=all');
  if (!id) return {};
  const d = await call<{ reports: { id: string }[] }>(page, 'GET', `/api/v1/incidents/${id}`);
  return { incident: id, ...(d.reports[0] ? { report: d.reports[0].id } : {}) };
}

/** The page has drawn: no loader spinning, nothing more on the wire. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('.mantine-Loader-root, [data-testid="full-page-loader"]'), undefined, { timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProduct();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await makeWork(await signInAs('province_coordinator'));
});

afterAll(async () => {
  for (const c of contexts.values()) await c.context.close();
  await browser?.close();
  await server?.stop();
});

describe('every route, every role, on a phone', () => {
  it('the sweep knows every route of the router', async () => {
    const router = fs.readFileSync(new URL('../../apps/web/src/app/router.tsx', import.meta.url), 'utf8');
    const block = router.slice(router.indexOf('export const ROUTES'), router.indexOf('} as const'));
    const paths = [...block.matchAll(/: '([^']+)'/g)].map((m) => m[1]!.replace(/:[a-zA-Z]+/g, ':x'));
    const swept = APP_ROUTES.filter((r) => r !== '/no-such-page').map((r) => r.replace(/:[a-z]+/g, ':x'));
    // the sign-in steps are swept before signing in
    expect(swept.sort()).toEqual(paths.filter((p) => !p.startsWith('/sign-in')).sort());
  });

  it('the checks find what they look for (and pass a clean Vietnamese page)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.setContent(`<html lang="vi"><body style="margin:0">
      <p>Đơn vị đã nộp hồ sơ đề xuất cấp độ ngày 02/12/2026, địa chỉ 203.113.147.201 (xem 2001:ee0:4141:1a::25/64), tệp bao-cao.docx, hộp thư pa05@congan.dienbien.example, UBND, TOTP, Wazuh.</p>
      <nav style="position:fixed;left:-300px;width:280px"><span>Công văn</span></nav>
      <div style="overflow:auto;width:300px"><table><tr><td style="white-space:nowrap">Một bảng rất rộng cuộn trong khung riêng của nó mà không đẩy trang</td></tr></table></div>
    </body></html>`);
    expect(await findPageProblems(page, { vietnamese: true })).toEqual([]);
    await page.setContent(`<html lang="vi"><body style="margin:0">
      <div style="width:520px">Trang công văn quá rộng</div>
      <div style="overflow:hidden;width:375px"><span style="display:inline-block;width:500px;white-space:nowrap">Loại dữ liệu bị cắt</span></div>
      <p>Trạng thái: pending</p><p>directives.status.pending</p>
      <p style="width:110px;font-size:16px;word-break:break-all">Máy chủ 203.113.147.201</p>
      <svg width="200" height="40"><text x="10" y="20">Văn phòng HĐND và UBND</text><text x="12" y="22">Phòng Kinh tế</text></svg>
    </body></html>`);
    const kinds = new Set((await findPageProblems(page, { vietnamese: true })).map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['chart_labels', 'cut', 'english', 'ip_wrapped', 'raw_key', 'sideways']);
    await context.close();
  });

  it('the sign-in page fits and speaks Vietnamese', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'vi-VN', isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await findPageProblems(page, { vietnamese: true })).toEqual([]);
    await context.close();
  });

  /** Every route at `width`, as the page of `role`; what `findPageProblems` finds, one line each. */
  async function sweep(role: Role, width: number, vietnamese: boolean): Promise<string[]> {
    const page = contexts.get(role)!.page;
    await page.setViewportSize({ width, height: 800 });
    const ids = await idsFor(page);
    const problems: string[] = [];
    for (const route of APP_ROUTES) {
      const missing = [...route.matchAll(/:([a-z]+)/g)].map((m) => m[1]!).find((k) => !ids[k]);
      const url = missing ? route.replace(/:[a-z]+/g, '00000000-0000-4000-8000-000000000000') : route.replace(/:([a-z]+)/g, (_, k: string) => ids[k]!);
      await page.goto(`${server.url}${url}`);
      await settle(page);
      const found = await findPageProblems(page, { vietnamese });
      if (found.length > 0) {
        problems.push(...found.map((f) => `${width}px ${route} — ${f.kind}: ${f.detail}`));
        await shot(page, `sweep-${role}-${width}-${route.replace(/[/:]+/g, '_')}`);
      }
    }
    return problems;
  }

  for (const role of ROLES) {
    it(`${role}: lands on its own page, and every route fits on a phone`, async () => {
      // signing in waits for the role's own landing page
      if (!contexts.has(role)) await signInAs(role);
      const problems = await sweep(role, 375, true);
      const { errors } = contexts.get(role)!;
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  // on a desk the words are the same; what can differ is the layout
  for (const role of ['province_coordinator', 'unit_officer'] as const) {
    it(`${role}: every route fits a 1280 px desk too`, async () => {
      expect(await sweep(role, 1280, false)).toEqual([]);
    });
  }
});
