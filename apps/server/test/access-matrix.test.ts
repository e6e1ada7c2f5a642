/**
 * Generated from the app's own route table: every API route × every role ×
 * a record inside and outside the role's subtree. A route added without an
 * entry here fails the first test, so no route escapes the policy check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@khien/contracts';
import { ROLE_PERMISSIONS } from '../src/platform/policy.js';
import { addGrant } from '../src/modules/users/index.js';
import { orgContacts } from '../src/modules/orgs/index.js';
import { buildOrg, buildUser, createTestApp, signIn, SYSTEM, type Client, type TestApp } from './harness.js';
import { createToken } from '../src/modules/tokens/tokens.service.js';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { DirectiveInputSchema } from '@khien/contracts';
import { queryRows } from '../src/platform/db/client.js';
import { FileStore } from '../src/platform/files/files.js';
import { addAttachment, createDraft } from '../src/modules/directives/directive-drafts.service.js';
import { issueDirective } from '../src/modules/directives/directive-issue.service.js';
import { documentImportFixtures } from './support/document-import-matrix.js';
import { dutyAlertFixtures } from './support/alerts-matrix.js';
import { incidentFixtures } from './support/incidents-matrix.js';
import { dossierDutyRows, inventoryFixtures, type Call, type Fixture, type MatrixContext, type Where } from './support/inventory-matrix.js';
import { createCheckpoint } from '../src/platform/audit/audit-checkpoint.js';
import { auditKeysFromConfig } from '../src/platform/audit/audit-signing.js';
import { buildWorkContext } from '../src/work-context.js';
const work = buildWorkContext();

// identity routes act on the caller's own account, never on a record in the tree (auth.test.ts covers them)
const IDENTITY_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/totp',
  'POST /api/v1/auth/totp/enrol/start',
  'POST /api/v1/auth/totp/enrol/confirm',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  'GET /api/v1/auth/sessions',
  'DELETE /api/v1/auth/sessions/:id',
  'GET /api/v1/notifications',
  'POST /api/v1/notifications/:id/read',
  'POST /api/v1/notifications/read-all',
]);

let t: TestApp;
let communeA: string;
let communeB: string;
let provinceId: string;
let adminUserId: string;
const userIds = new Map<Role, string>();
let n = 0;
const audit = { actor: SYSTEM, ip: null, requestId: null };
const commune = (w: Where) => (w === 'inside' ? communeA : communeB);
const freshOrg = async (w: Where, kind: 'school' | 'agency' = 'school') =>
  (await buildOrg(t, { parentId: commune(w), name: `Đơn vị ma trận ${++n}`, kind })).id;
const freshUser = async (w: Where) => (await buildUser(t, { homeOrgId: await freshOrg(w), email: `m${++n}@matrix.vn` })).id;
const wholeChain = (w: Where, role: Role) => w === 'outside' || role === 'system_admin';
const freshCheckpoint = async () => (await createCheckpoint(t.database.db, { signer: auditKeysFromConfig(t.config).signer(), reason: 'on_demand', audit }))!.id;

const fixtures: Record<string, Fixture> = {
  'GET /api/v1/orgs/roots': async (w) => (w === 'inside' ? { url: '/api/v1/orgs/roots' } : null),
  'GET /api/v1/orgs': async (w) => ({ url: `/api/v1/orgs?under=${commune(w)}` }),
  'POST /api/v1/orgs': async (w) => ({ url: '/api/v1/orgs', body: { parentId: commune(w), name: `Mới ${++n}`, kind: 'school' } }),
  'GET /api/v1/orgs/import-template': async (w) => (w === 'inside' ? { url: '/api/v1/orgs/import-template?format=csv' } : null),
  'GET /api/v1/orgs/export': async (w) => ({ url: `/api/v1/orgs/export?format=csv&under=${commune(w)}` }),
  'POST /api/v1/orgs/import': async (w) => ({ url: `/api/v1/orgs/import?dryRun=true&parentId=${commune(w)}`, csv: `ten,loai\nTổ dân phố ${++n},Tổ dân phố\n` }),
  'GET /api/v1/orgs/:id': async (w) => ({ url: `/api/v1/orgs/${await freshOrg(w)}` }),
  'PATCH /api/v1/orgs/:id': async (w) => ({ url: `/api/v1/orgs/${await freshOrg(w)}`, body: { shortName: 'Đổi', version: 1 } }),
  'POST /api/v1/orgs/:id/move': async (w) => ({ url: `/api/v1/orgs/${await freshOrg(w)}/move`, body: { parentId: await freshOrg(w, 'agency'), version: 1 } }),
  'DELETE /api/v1/orgs/:id': async (w) => ({ url: `/api/v1/orgs/${await freshOrg(w)}` }),
  'GET /api/v1/orgs/:id/history': async (w) => ({ url: `/api/v1/orgs/${await freshOrg(w)}/history` }),
  'POST /api/v1/orgs/:id/contacts': async (w) => ({ url: `/api/v1/orgs/${await freshOrg(w)}/contacts`, body: { name: 'Trực ban' } }),
  'PATCH /api/v1/orgs/:id/contacts/:contactId': async (w) => {
    const org = await createWithContact(w);
    return { url: `/api/v1/orgs/${org.id}/contacts/${org.contactId}`, body: { role: 'Trực 24/7' } };
  },
  'DELETE /api/v1/orgs/:id/contacts/:contactId': async (w) => {
    const org = await createWithContact(w);
    return { url: `/api/v1/orgs/${org.id}/contacts/${org.contactId}` };
  },
  'GET /api/v1/users': async (w) => ({ url: `/api/v1/users?orgId=${commune(w)}` }),
  'POST /api/v1/users': async (w) => ({ url: '/api/v1/users', body: { email: `new${++n}@matrix.vn`, fullName: 'Người Mới', homeOrgId: await freshOrg(w) } }),
  'GET /api/v1/users/:id': async (w) => ({ url: `/api/v1/users/${await freshUser(w)}` }),
  'PATCH /api/v1/users/:id': async (w) => ({ url: `/api/v1/users/${await freshUser(w)}`, body: { fullName: 'Tên Mới' } }),
  'POST /api/v1/users/:id/reset-password': async (w) => ({ url: `/api/v1/users/${await freshUser(w)}/reset-password` }),
  'POST /api/v1/users/:id/reset-totp': async (w) => ({ url: `/api/v1/users/${await freshUser(w)}/reset-totp` }),
  'POST /api/v1/users/:id/end-sessions': async (w) => ({ url: `/api/v1/users/${await freshUser(w)}/end-sessions` }),
  'POST /api/v1/users/:id/grants': async (w) => {
    const id = await freshUser(w);
    return { url: `/api/v1/users/${id}/grants`, body: { role: 'duty_officer', orgId: commune(w) } };
  },
  'DELETE /api/v1/users/:id/grants/:grantId': async (w) => {
    const id = await freshUser(w);
    const user = await addGrant(t.database.db, SYSTEM, id, { role: 'duty_officer', orgId: commune(w) }, audit);
    return { url: `/api/v1/users/${id}/grants/${user.grants[0]!.id}` };
  },
  'GET /api/v1/tokens': async (w) => (w === 'inside' ? { url: '/api/v1/tokens' } : null),
  'POST /api/v1/tokens': async (w) => ({ url: '/api/v1/tokens', body: { name: `t${++n}`, orgId: commune(w), permissions: ['org:read'], expiresInDays: 1 } }),
  'DELETE /api/v1/tokens/:id': async (w) => {
    const adminActor = { ...SYSTEM, userId: adminUserId };
    const { token } = await createToken(t.database.db, adminActor, { name: `t${++n}`, orgId: commune(w), permissions: ['org:read'], expiresInDays: 1 }, audit);
    return { url: `/api/v1/tokens/${token.id}` };
  },
  'GET /api/v1/audit': async (w) => ({ url: `/api/v1/audit?orgId=${commune(w)}` }),
  // a checkpoint speaks for the whole chain, so no checkpoint is "inside" a commune: every role granted
  // there meets 404, as for a record outside its tree (audit-checkpoint.test.ts covers a root-org auditor)
  'GET /api/v1/audit/checkpoints': async (w, role) => (wholeChain(w, role) ? { url: '/api/v1/audit/checkpoints' } : null),
  'POST /api/v1/audit/checkpoints': async (w, role) => (wholeChain(w, role) ? { url: '/api/v1/audit/checkpoints' } : null),
  'GET /api/v1/audit/checkpoints/:id/export': async (w, role) =>
    wholeChain(w, role) ? { url: `/api/v1/audit/checkpoints/${await freshCheckpoint()}/export` } : null,
  ...directiveFixtures(),
  ...documentImportFixtures({ t: () => t, userIds, freshUser }),
  ...inventoryFixtures(inventoryContext()),
  ...dutyAlertFixtures(inventoryContext()),
  ...incidentFixtures(inventoryContext()),
};

function inventoryContext(): MatrixContext {
  return { t: () => t, freshOrg, commune, province: () => provinceId, userIds, work };
}

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/seeds/dispatch-muong-lay-2026.txt'), 'utf8');
const files = () => new FileStore(t.config.filesDir);

/** A directive issued by the commune to a school under it (or still a draft). */
async function freshDirective(w: Where, issue = true) {
  const school = await freshOrg(w);
  const input = DirectiveInputSchema.parse({
    issuerOrgId: commune(w),
    subject: `Thử ma trận ${++n}`,
    rule: { orgIds: [school] },
    sections: [{ heading: '1. Nhiệm vụ', tasks: [{ text: 'Rà soát máy trạm' }] }],
  });
  const d = await createDraft(t.database.db, SYSTEM, input, audit);
  if (!issue) return { id: d.id, version: d.version, input };
  const issued = await issueDirective(t.database.db, work, SYSTEM, d.id, d.version, audit);
  const [a] = await queryRows<{ id: string; version: number; task_id: string }>(
    t.database.db,
    sql`select a.id, a.version, t.id as task_id from work_items a join directive_tasks t on t.directive_id = a.source_id where a.kind = 'directive' and a.source_id = ${d.id}`,
  );
  return { id: d.id, version: issued.version, input, assignmentId: a!.id, assignmentVersion: Number(a!.version), assignmentTaskId: a!.task_id };
}

function directiveFixtures(): Record<string, Fixture> {
  const draftUrl = async (w: Where, suffix = '') => `/api/v1/directives/${(await freshDirective(w, false)).id}${suffix}`;
  const issuedUrl = async (w: Where, suffix = '') => `/api/v1/directives/${(await freshDirective(w)).id}${suffix}`;
  return {
    'POST /api/v1/directives/parse': async (w) => (w === 'inside' ? { url: '/api/v1/directives/parse', body: { text: SEED_TEXT } } : null),
    'GET /api/v1/directives': async (w) => (w === 'inside' ? { url: '/api/v1/directives' } : null),
    'POST /api/v1/directives': async (w) => ({ url: '/api/v1/directives', body: { ...(await freshDirective(w, false)).input } }),
    'GET /api/v1/directives/:id': async (w) => ({ url: await draftUrl(w) }),
    'PUT /api/v1/directives/:id': async (w) => {
      const d = await freshDirective(w, false);
      return { url: `/api/v1/directives/${d.id}?version=${d.version}`, body: { ...d.input, subject: 'Sửa' } };
    },
    'DELETE /api/v1/directives/:id': async (w) => ({ url: await draftUrl(w) }),
    'POST /api/v1/directives/:id/attachments': async (w) => ({ url: await draftUrl(w, '/attachments'), csv: 'Bản gốc công văn' }),
    'POST /api/v1/directives/:id/recipients-preview': async (w) => ({ url: await draftUrl(w, '/recipients-preview') }),
    'POST /api/v1/directives/:id/issue': async (w) => {
      const d = await freshDirective(w, false);
      return { url: `/api/v1/directives/${d.id}/issue`, body: { version: d.version } };
    },
    'POST /api/v1/directives/:id/close': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/directives/${d.id}/close`, body: { version: d.version } };
    },
    'GET /api/v1/directives/:id/assignments': async (w) => ({ url: await issuedUrl(w, '/assignments') }),
    'GET /api/v1/directives/:id/rollup': async (w) => ({ url: await issuedUrl(w, '/rollup?by=task') }),
    'GET /api/v1/directives/:id/export.docx': async (w) => ({ url: await issuedUrl(w, '/export.docx') }),
    'GET /api/v1/directives/:id/report.docx': async (w) => ({ url: await issuedUrl(w, '/report.docx') }),
    'GET /api/v1/directives/:id/report.xlsx': async (w) => ({ url: await issuedUrl(w, '/report.xlsx') }),
    'GET /api/v1/files/:id': async (w) => {
      const d = await freshDirective(w, false);
      await addAttachment(t.database.db, files(), SYSTEM, d.id, { data: Buffer.from(`tệp ${++n}`), filename: 'cv.txt', mime: 'text/plain' }, audit);
      const [f] = await queryRows<{ file_id: string }>(t.database.db, sql`select file_id from directive_attachments where directive_id = ${d.id}`);
      return { url: `/api/v1/files/${f!.file_id}` };
    },
    'GET /api/v1/assignments': async (w) => (w === 'inside' ? { url: '/api/v1/assignments' } : null),
    'GET /api/v1/assignments/:id': async (w) => ({ url: `/api/v1/assignments/${(await freshDirective(w)).assignmentId}` }),
    'POST /api/v1/assignments/:id/acknowledge': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/assignments/${d.assignmentId}/acknowledge`, body: { version: d.assignmentVersion } };
    },
    'POST /api/v1/assignments/:id/assign': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/assignments/${d.assignmentId}/assign`, body: { userId: null, version: d.assignmentVersion } };
    },
    'PUT /api/v1/assignments/:id/tasks/:taskId': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/assignments/${d.assignmentId}/tasks/${d.assignmentTaskId}`, body: { status: 'done', report: 'Đã xong' } };
    },
    'PATCH /api/v1/assignments/:id/tasks': async (w) => {
      const d = await freshDirective(w);
      return {
        url: `/api/v1/assignments/${d.assignmentId}/tasks`,
        body: { version: d.assignmentVersion, tasks: [{ taskId: d.assignmentTaskId, status: 'done' }] },
      };
    },
    'GET /api/v1/assignments/:id/report.docx': async (w) => ({ url: `/api/v1/assignments/${(await freshDirective(w)).assignmentId}/report.docx` }),
    'POST /api/v1/assignments/:id/relay': async (w) => {
      const d = await freshDirective(w);
      // the school received it and has a unit of its own to relay it to
      const [a] = await queryRows<{ org_id: string }>(t.database.db, sql`select org_id from work_items where id = ${d.assignmentId}`);
      await buildOrg(t, { parentId: a!.org_id, name: `Tổ ${++n}`, kind: 'residential_group' });
      return { url: `/api/v1/assignments/${d.assignmentId}/relay` };
    },
    'GET /api/v1/assignments/:id/from-units': async (w) => ({ url: `/api/v1/assignments/${(await freshDirective(w)).assignmentId}/from-units` }),
    'GET /api/v1/directives/:id/cascade': async (w) => ({ url: await issuedUrl(w, '/cascade') }),
    'POST /api/v1/assignments/:id/tasks/:taskId/evidence': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/assignments/${d.assignmentId}/tasks/${d.assignmentTaskId}/evidence`, csv: 'ảnh chụp' };
    },
    'POST /api/v1/assignments/:id/submit': async (w) => {
      const d = await freshDirective(w);
      await t.database.db.execute(
        sql`insert into work_checks (item_id, source_id, check_key, status) values (${d.assignmentId}, ${d.id}, ${d.assignmentTaskId}, 'done')`,
      );
      // the state machine: a receipt is acknowledged before the report is submitted
      await t.database.db.execute(sql`update work_items set status = 'acknowledged' where id = ${d.assignmentId}`);
      return { url: `/api/v1/assignments/${d.assignmentId}/submit`, body: { version: d.assignmentVersion } };
    },
    'GET /api/v1/work': async (w) => (w === 'inside' ? { url: '/api/v1/work?state=all' } : null),
    'GET /api/v1/work/overview': async (w) => ({ url: `/api/v1/work/overview?orgId=${commune(w)}` }),
    'GET /api/v1/work/:id': async (w) => ({ url: `/api/v1/work/${(await freshDirective(w)).assignmentId}` }),
    'POST /api/v1/work/:id/actions/:action': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/work/${d.assignmentId}/actions/acknowledge`, body: { version: d.assignmentVersion } };
    },
    'PUT /api/v1/work/:id/checks/:key': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/work/${d.assignmentId}/checks/${d.assignmentTaskId}`, body: { status: 'done', report: 'Đã xong' } };
    },
    'PATCH /api/v1/work/:id/checks': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/work/${d.assignmentId}/checks`, body: { version: d.assignmentVersion, checks: [{ key: d.assignmentTaskId, status: 'done' }] } };
    },
    'POST /api/v1/work/:id/checks/:key/evidence': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/work/${d.assignmentId}/checks/${d.assignmentTaskId}/evidence`, csv: 'biên bản' };
    },
    'POST /api/v1/work/:id/assign': async (w) => {
      const d = await freshDirective(w);
      return { url: `/api/v1/work/${d.assignmentId}/assign`, body: { userId: null, version: d.assignmentVersion } };
    },
    'POST /api/v1/assignments/:id/review': async (w) => {
      const d = await freshDirective(w);
      await t.database.db.execute(sql`update work_items set status = 'submitted' where id = ${d.assignmentId}`);
      return { url: `/api/v1/assignments/${d.assignmentId}/review`, body: { decision: 'accept', version: d.assignmentVersion } };
    },
  };
}

async function createWithContact(w: Where) {
  const id = await freshOrg(w);
  const [c] = await t.database.db.insert(orgContacts).values({ orgId: id, name: 'Đầu mối' }).returning({ id: orgContacts.id });
  return { id, contactId: c!.id };
}

const clients = new Map<Role, Client>();
beforeAll(async () => {
  t = await createTestApp();
  const province = await buildOrg(t, { name: 'Tỉnh Ma Trận', kind: 'province' });
  provinceId = province.id;
  communeA = (await buildOrg(t, { parentId: province.id, name: 'Xã A', kind: 'commune' })).id;
  communeB = (await buildOrg(t, { parentId: province.id, name: 'Xã B', kind: 'commune' })).id;
  for (const role of ROLES) {
    const u = await buildUser(t, { homeOrgId: communeA, grants: [{ role, orgId: role === 'system_admin' ? null : communeA }] });
    if (role === 'system_admin') adminUserId = u.id;
    userIds.set(role, u.id);
    clients.set(role, await signIn(t, u));
  }
});
afterAll(async () => t.close());

async function call(c: Client, method: string, x: Call) {
  if (x.csv !== undefined) {
    const boundary = 'khienmatrix';
    const fields = Object.entries(x.fields ?? {})
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('');
    const payload = `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orgs.csv"\r\nContent-Type: text/csv\r\n\r\n${x.csv}\r\n--${boundary}--\r\n`;
    return t.app.inject({
      method: 'POST',
      url: x.url,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  }
  return method === 'GET' ? c.get(x.url) : c.send(method as 'POST', x.url, x.body);
}

describe('access matrix', () => {
  it('has a fixture for every API route, and every route names its permission', () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    const missing = keys.filter((k) => !fixtures[k] && !IDENTITY_ROUTES.has(k));
    expect(missing).toEqual([]);
    const unnamed = routes.filter((r) => !IDENTITY_ROUTES.has(`${r.method} ${r.url}`) && !r.config.permission).map((r) => `${r.method} ${r.url}`);
    expect(unnamed).toEqual([]);
    expect(Object.keys(fixtures).filter((k) => !keys.includes(k))).toEqual([]);
  });

  for (const role of ROLES) {
    it(`${role}: allowed inside, 403 inside without the permission, 404 outside`, async () => {
      const failures: string[] = [];
      for (const route of t.app.routeTable.filter((r) => fixtures[`${r.method} ${r.url}`])) {
        const key = `${route.method} ${route.url}`;
        const allowed = ROLE_PERMISSIONS[role].includes(route.config.permission!);
        for (const where of ['inside', 'outside'] as const) {
          const x = await fixtures[key]!(where, role);
          if (!x) continue;
          const res = await call(clients.get(role)!, route.method, x);
          const ok = res.statusCode >= 200 && res.statusCode < 300;
          const expected = where === 'outside' && role !== 'system_admin' ? '404' : allowed ? '2xx' : '403';
          const got = ok ? '2xx' : String(res.statusCode);
          if (got !== expected) failures.push(`${key} [${where}] expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('access matrix: separation of duties on a level dossier', () => {
  for (const row of dossierDutyRows(inventoryContext())) {
    it(row.label, async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        for (const where of ['inside', 'outside'] as const) {
          const x = await row.prepare(where, role);
          if (!x) continue;
          const res = await call(clients.get(role)!, 'POST', x);
          const want = row.expected(where, role);
          const got = res.statusCode >= 200 && res.statusCode < 300 ? '2xx' : String(res.statusCode);
          const reason = want === '403' && row.reason && ROLE_PERMISSIONS[role].includes('inventory:write') ? row.reason : undefined;
          if (got !== want || (reason && res.json().error.reason !== reason))
            failures.push(`${role} [${where}] expected ${want}${reason ? ` ${reason}` : ''}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
