/**
 * The smaller holes of the security review: LIKE wildcards in searches, /metrics without
 * authentication, downloads served with the uploader's declared type, and imports left
 * "running" by a process that died.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AssetInputSchema, DirectiveInputSchema, SystemInputSchema } from '@khien/contracts';
import { buildApp } from '../src/app.js';
import { queryRows } from '../src/platform/db/client.js';
import { FileStore } from '../src/platform/files/files.js';
import { FileAccess } from '../src/platform/files/file-access.js';
import { createDraft } from '../src/modules/directives/directive-drafts.service.js';
import { createSystem } from '../src/modules/inventory/systems.service.js';
import { classifySystem } from '../src/modules/inventory/system-level.service.js';
import { addRequirementEvidence, getChecklist } from '../src/modules/inventory/system-checklist.service.js';
import { createAsset } from '../src/modules/inventory/assets.service.js';
import { createIpRange } from '../src/modules/inventory/ipspace.service.js';
import { interruptDeadImports } from '../src/modules/inventory/index.js';
import { loadConfig } from '../src/platform/config.js';
import { serve } from '../src/server.js';
import { openDatabase } from '../src/platform/db/client.js';
import { buildOrg, buildUser, createTestApp, postFile, signIn, SYSTEM, type Client, type TestApp } from './harness.js';
import { buildWorkContext } from '../src/work-context.js';
const work = buildWorkContext();

let t: TestApp;
let admin: Client;
let communeId: string;
const audit = { actor: SYSTEM, ip: null, requestId: null };

beforeAll(async () => {
  t = await createTestApp();
  const province = await buildOrg(t, { name: 'Tỉnh Biên Giới', kind: 'province' });
  communeId = (await buildOrg(t, { parentId: province.id, name: 'Xã Ký Tự Đại Diện', kind: 'commune' })).id;
  admin = await signIn(t, await buildUser(t, { homeOrgId: province.id, grants: [{ role: 'system_admin', orgId: null }] }));
});
afterAll(async () => t.close());

const multipart = (url: string, file: { name: string; type: string; data: Buffer }) => postFile(t, admin, url, file);

describe('search wildcards', () => {
  it('"%" and "_" are characters, not "everything", in every search', async () => {
    const db = t.database.db;
    const school = (await buildOrg(t, { parentId: communeId, name: 'Trường Tiểu học Ký Tự', kind: 'school' })).id;
    await buildUser(t, { homeOrgId: school, email: 'ky-tu@test.khien.vn' });
    await createDraft(
      db,
      SYSTEM,
      DirectiveInputSchema.parse({
        issuerOrgId: communeId,
        subject: 'Rà soát ký tự',
        rule: { orgIds: [school] },
        sections: [{ heading: '1', tasks: [{ text: 'Rà soát' }] }],
      }),
      audit,
    );
    await createSystem(db, SYSTEM, SystemInputSchema.parse({ orgId: school, name: 'Cổng ký tự', category: 'portal' }), audit);
    await createAsset(db, SYSTEM, AssetInputSchema.parse({ orgId: school, kind: 'server', name: 'Máy chủ ký tự' }), audit);
    await createIpRange(db, SYSTEM, { orgId: school, range: '198.51.100.7', isp: 'VNPT ký tự', validFrom: null, validTo: null, note: '' }, audit);
    // each search with a plain word that finds the row, so an empty answer below means the wildcard was escaped
    const searches: [(q: string) => string, string][] = [
      [(q) => `/api/v1/orgs?under=${communeId}&q=${q}`, 'ky tu'],
      [(q) => `/api/v1/users?orgId=${communeId}&q=${q}`, 'ky-tu'],
      [(q) => `/api/v1/directives?q=${q}`, 'ky tu'],
      [(q) => `/api/v1/systems?under=${communeId}&q=${q}`, 'ky tu'],
      [(q) => `/api/v1/assets?under=${communeId}&q=${q}`, 'ky tu'],
      [(q) => `/api/v1/ip-ranges?under=${communeId}&q=${q}`, 'VNPT'],
      [(q) => `/api/v1/audit?orgId=${communeId}&actor=${q}`, 'test'],
    ];
    for (const [url, word] of searches) {
      const plain = await admin.get(url(encodeURIComponent(word)));
      expect(plain.json().items.length, url(word)).toBeGreaterThan(0);
      for (const q of ['%25', '_', '%25%25', '%5C']) {
        const res = await admin.get(url(q));
        expect(res.statusCode, url(q)).toBe(200);
        expect(res.json().items, url(q)).toEqual([]);
      }
    }
  });
});

describe('/metrics', () => {
  it('answers this machine only by default, not another address and not a forwarded request', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '10.20.30.40' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(404);
  });

  it('with a token, answers any address that brings it and nobody else', async () => {
    const token = 'mã-số-liệu-đủ-dài-0123456789';
    const app = await buildApp({ database: t.database, config: { ...t.config, metrics: { mode: 'token', token } }, logger: false, serveWeb: false });
    try {
      expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer sai' } })).statusCode).toBe(401);
      const ok = await app.inject({ url: '/metrics', remoteAddress: '10.20.30.40', headers: { authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('khien_http_request_duration_seconds');
    } finally {
      await app.close();
    }
  });

  it('refuses a token mode without a token at start', () => {
    expect(() => loadConfig({ KHIEN_METRICS: 'token' } as NodeJS.ProcessEnv)).toThrow(/KHIEN_METRICS_TOKEN/);
  });
});

describe('downloads', () => {
  const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082',
    'hex',
  );

  it('a directive attachment is served by what its bytes are, as an attachment, never as the declared type', async () => {
    const d = await createDraft(
      t.database.db,
      SYSTEM,
      DirectiveInputSchema.parse({
        issuerOrgId: communeId,
        subject: 'Tệp đính kèm',
        rule: { orgIds: [communeId] },
        sections: [{ heading: '1', tasks: [{ text: 'x' }] }],
      }),
      audit,
    );
    const up = await multipart(`/api/v1/directives/${d.id}/attachments`, { name: 'anh.png', type: 'image/png', data: html });
    expect(up.statusCode).toBeLessThan(300);
    const [f] = await queryRows<{ file_id: string; mime: string }>(
      t.database.db,
      sql`select a.file_id, f.mime from directive_attachments a join files f on f.id = a.file_id where a.directive_id = ${d.id}`,
    );
    expect(f!.mime).toBe('application/octet-stream');
    const res = await admin.get(`/api/v1/files/${f!.file_id}`);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('checklist evidence declared as HTML but really a PNG is served as a PNG attachment; HTML declared as a PNG is refused (415)', async () => {
    const db = t.database.db;
    const s = await createSystem(db, SYSTEM, SystemInputSchema.parse({ orgId: communeId, name: 'Hệ thống bằng chứng', category: 'portal' }), audit);
    await classifySystem(db, SYSTEM, s.id, { answers: {}, preview: false, version: s.version }, audit, work);
    const reqId = (await getChecklist(db, SYSTEM, s.id)).groups[0]!.items[0]!.id;
    const store = new FileStore(t.config.filesDir);
    const a = await addRequirementEvidence(work, db, store, SYSTEM, s.id, reqId, { data: png, filename: 'bien-ban.html', mime: 'text/html' }, audit);
    // markup a browser would render is no evidence: refused, nothing attached
    await expect(
      addRequirementEvidence(work, db, store, SYSTEM, s.id, reqId, { data: html, filename: 'anh.png', mime: 'image/png' }, audit),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'work_evidence_type_refused' });
    expect((await getChecklist(db, SYSTEM, s.id)).groups[0]!.items[0]!.evidence).toHaveLength(1);
    const asPng = await admin.get(`/api/v1/files/${a.evidence.find((e) => e.filename === 'bien-ban.html')!.id}`);
    expect(asPng.headers['content-type']).toBe('image/png');
    expect(asPng.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('one download route: the inventory answers for its evidence, inside the subtree only', async () => {
    const db = t.database.db;
    const s = await createSystem(db, SYSTEM, SystemInputSchema.parse({ orgId: communeId, name: 'Hệ thống tải về', category: 'email' }), audit);
    await classifySystem(db, SYSTEM, s.id, { answers: {}, preview: false, version: s.version }, audit, work);
    const reqId = (await getChecklist(db, SYSTEM, s.id)).groups[0]!.items[0]!.id;
    const item = await addRequirementEvidence(
      work,
      db,
      new FileStore(t.config.filesDir),
      SYSTEM,
      s.id,
      reqId,
      { data: png, filename: 'anh-chup.png', mime: 'image/png' },
      audit,
    );
    const fileId = item.evidence[0]!.id;
    const province = (await queryRows<{ parent_id: string }>(db, sql`select parent_id from orgs where id = ${communeId}`))[0]!.parent_id;
    const other = (await buildOrg(t, { parentId: province, name: 'Xã Bên Cạnh Tải Về', kind: 'commune' })).id;
    const inside = await signIn(t, await buildUser(t, { homeOrgId: communeId, grants: [{ role: 'unit_officer', orgId: communeId }] }));
    const outside = await signIn(t, await buildUser(t, { homeOrgId: other, grants: [{ role: 'unit_officer', orgId: other }] }));
    expect((await inside.get(`/api/v1/files/${fileId}`)).statusCode).toBe(200);
    const refused = await outside.get(`/api/v1/files/${fileId}`);
    expect(refused.statusCode).toBe(404);
    // the same answer as for an id that does not exist
    expect(refused.json().error.message).toBe((await outside.get('/api/v1/files/4b7d0c6e-8a51-4c1e-9d3a-2f1e7c6b5a40')).json().error.message);
    const access = new FileAccess();
    access.register('inventory', async () => false);
    expect(() => access.register('inventory', async () => true)).toThrow(/twice/);
  });
});

describe('imports of a process that died', () => {
  const runningRow = async (heartbeatSecondsAgo: number | null) => {
    const [r] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into inventory_imports (org_id, kind, format, filename, on_error, status, phase, started_at, heartbeat_at)
          values (${communeId}, 'assets', 'csv', 'may.csv', 'keep', 'running', 'writing', now() - interval '1 hour',
                  ${heartbeatSecondsAgo === null ? null : sql`now() - make_interval(secs => ${heartbeatSecondsAgo})`})
          returning id`,
    );
    return r!.id;
  };
  const statusOf = async (id: string) =>
    (await queryRows<{ status: string }>(t.database.db, sql`select status from inventory_imports where id = ${id}`))[0]!.status;

  it('the sweep marks interrupted only what lost its heartbeat; start-up on the embedded engine marks every running import', async () => {
    const dead = await runningRow(600);
    const alive = await runningRow(5);
    expect(await interruptDeadImports(t.database.db, { everyRunning: false })).toBe(1);
    expect(await statusOf(dead)).toBe('interrupted');
    expect(await statusOf(alive)).toBe('running');
    await interruptDeadImports(t.database.db, { everyRunning: true });
    expect(await statusOf(alive)).toBe('interrupted');
    const page = await admin.get(`/api/v1/inventory/imports/${dead}`);
    expect(page.json()).toMatchObject({ status: 'interrupted' });
  });

  it.runIf(!process.env.DATABASE_URL)('a server restarted on its data folder finds the import it was running as interrupted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-restart-'));
    const config = loadConfig({ KHIEN_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', KHIEN_ADMIN_PASSWORD: 'Kh1en-khoi-dong-lai!' } as NodeJS.ProcessEnv);
    try {
      const first = await serve(config, { worker: false });
      await first.stop();
      // what a killed process leaves behind: a row still "running"
      const db = await openDatabase({ dataDir: config.dataDir });
      const [org] = await queryRows<{ id: string }>(db.db, sql`select id from orgs order by depth limit 1`);
      const [row] = await queryRows<{ id: string }>(
        db.db,
        sql`insert into inventory_imports (org_id, kind, format, filename, on_error, status, phase, started_at, heartbeat_at)
            values (${org!.id}, 'assets', 'csv', 'dang-nhap.csv', 'keep', 'running', 'writing', now(), now()) returning id`,
      );
      await db.close();
      const second = await serve(config, { worker: false });
      try {
        const [after] = await queryRows<{ status: string; message: string }>(
          second.database.db,
          sql`select status, message from inventory_imports where id = ${row!.id}`,
        );
        expect(after!.status).toBe('interrupted');
        expect(after!.message).toMatch(/dừng giữa chừng/);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
