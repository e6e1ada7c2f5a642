import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AuditCheckpointFileSchema, type AuditCheckpoint, type AuditCheckpointFile } from '@khien/contracts';
import { verifyAuditChain } from '../src/platform/audit/audit-verify.js';
import { recordAudit } from '../src/platform/audit/audit.js';
import { auditCheckpointJobs, checkpointCron, runIntervalCheckpoint } from '../src/platform/audit/audit-checkpoint.js';
import { canonicalCheckpointBytes } from '../src/platform/audit/audit-checkpoint-format.js';
import { describeIssue, verifyAgainstCheckpoint } from '../src/platform/audit/audit-checkpoint-verify.js';
import { auditVerifyReport } from '../src/platform/audit/audit-verify-report.js';
import { auditKeys, auditKeysFromConfig, GENERATED_KEY_NAME, keyIdOf, type AuditKeys } from '../src/platform/audit/audit-signing.js';
import { openDatabase, queryRows, type Db } from '../src/platform/db/client.js';
import { createToken } from '../src/modules/tokens/tokens.service.js';
import { buildOrg, buildUser, createTestApp, signIn, SYSTEM, type Client, type TestApp } from './harness.js';

let t: TestApp;
let db: Db;
let keys: AuditKeys;
let admin: Client;
let adminId: string;
let provinceId: string;
let communeA: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-checkpoint-'));
const audit = { actor: SYSTEM, ip: null, requestId: null };

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  keys = auditKeysFromConfig(t.config);
  provinceId = (await buildOrg(t, { name: 'Tỉnh Điểm Kiểm Tra', kind: 'province' })).id;
  communeA = (await buildOrg(t, { parentId: provinceId, name: 'Xã A', kind: 'commune' })).id;
  const u = await buildUser(t, { homeOrgId: provinceId, grants: [{ role: 'system_admin', orgId: null }] });
  adminId = u.id;
  admin = await signIn(t, u);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function headSeq(): Promise<number> {
  const [r] = await queryRows<{ seq: string | number | null }>(db, sql`select max(seq) as seq from audit_log`);
  return Number(r?.seq ?? 0);
}
async function someChanges(n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await admin.send('POST', '/api/v1/orgs', { parentId: communeA, name: `Trường ${Math.random().toString(36).slice(2, 8)}`, kind: 'school' });
}
async function exportFile(c: Client, id: number): Promise<AuditCheckpointFile> {
  const res = await c.get(`/api/v1/audit/checkpoints/${id}/export`);
  expect(res.statusCode).toBe(200);
  return AuditCheckpointFileSchema.parse(res.json());
}
/** The attack: the append-only trigger switched off by someone holding the database, the newest rows deleted. */
async function deleteRowsFrom(seq: number): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
  try {
    await db.execute(sql`delete from audit_log where seq >= ${seq}`);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  }
}

describe('audit checkpoints', () => {
  it('creates one on demand, lists it newest first and exports a self-describing file that verifies', async () => {
    await someChanges(3);
    const before = await headSeq();
    const res = await admin.send('POST', '/api/v1/audit/checkpoints');
    expect(res.statusCode).toBe(201);
    const cp = res.json() as AuditCheckpoint;
    expect(cp).toMatchObject({ headSeq: before, rowCount: before, reason: 'on_demand', createdBy: adminId, keyId: keys.publicKey()!.keyId });

    // its own audit row comes right after the head: recorded, but covered only by the next checkpoint
    const [own] = await queryRows<{ seq: string | number; actor_label: string }>(
      db,
      sql`select seq, actor_label from audit_log where action = 'audit.checkpoint_created' and entity_id = ${String(cp.id)}`,
    );
    expect(Number(own!.seq)).toBe(before + 1);

    const list = (await admin.get('/api/v1/audit/checkpoints')).json() as { items: AuditCheckpoint[]; total: number };
    expect(list.items[0]!.id).toBe(cp.id);

    const exp = await admin.get(`/api/v1/audit/checkpoints/${cp.id}/export`);
    expect(exp.headers['content-disposition']).toBe(`attachment; filename="khien-audit-checkpoint-${before}.json"`);
    const file = AuditCheckpointFileSchema.parse(exp.json());
    expect(file).toMatchObject({ format: 'khien-audit-checkpoint/1', headSeq: before, rowCount: before, keyId: cp.keyId });
    expect(file.publicKey).toContain('BEGIN PUBLIC KEY');

    const v = await verifyAgainstCheckpoint(db, file, { installationKey: keys.publicKey() });
    expect(v).toMatchObject({ ok: true, errors: [], warnings: [], rowsUpToHead: before });
    expect(v.rowsAfterHead).toBeGreaterThanOrEqual(1);
  });

  it('keeps the signing key out of the repo: generated once in the data folder, readable by its owner only', () => {
    const file = path.join(t.config.dataDir, GENERATED_KEY_NAME);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // a configured key that is missing is an error, never a reason to mint another
    expect(() => auditKeys({ keyFile: path.join(tmp, 'absent.pem'), dataDir: tmp, multiProcess: false }).signer()).toThrow(/audit signing key/);
    // verification never mints a key
    expect(auditKeys({ keyFile: undefined, dataDir: path.join(tmp, 'fresh'), multiProcess: false }).publicKey()).toBeNull();
    expect(fs.existsSync(path.join(tmp, 'fresh'))).toBe(false);
  });

  it('lets whole-installation readers in (root-org auditor, token at the root); a commune coordinator gets 404 as if the routes did not exist', async () => {
    const auditor = await signIn(t, await buildUser(t, { homeOrgId: provinceId, grants: [{ role: 'auditor', orgId: provinceId }] }));
    const made = await auditor.send('POST', '/api/v1/audit/checkpoints');
    expect(made.statusCode).toBe(201);
    const id = (made.json() as AuditCheckpoint).id;
    expect((await auditor.get('/api/v1/audit/checkpoints')).statusCode).toBe(200);
    await exportFile(auditor, id);

    const coordinator = await signIn(t, await buildUser(t, { homeOrgId: communeA, grants: [{ role: 'commune_coordinator', orgId: communeA }] }));
    expect((await coordinator.get('/api/v1/audit')).statusCode).toBe(200);
    expect((await coordinator.get('/api/v1/audit/checkpoints')).statusCode).toBe(404);
    expect((await coordinator.send('POST', '/api/v1/audit/checkpoints')).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/audit/checkpoints/${id}/export`)).statusCode).toBe(404);

    const adminActor = { ...SYSTEM, userId: adminId };
    const bearer = async (orgId: string) => {
      const { secret } = await createToken(db, adminActor, { name: `kt-${orgId.slice(0, 6)}`, orgId, permissions: ['audit:read'], expiresInDays: 1 }, audit);
      return { authorization: `Bearer ${secret}` };
    };
    const atRoot = await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: await bearer(provinceId) });
    expect(atRoot.statusCode).toBe(201);
    const atCommune = await t.app.inject({ method: 'GET', url: '/api/v1/audit/checkpoints', headers: await bearer(communeA) });
    expect(atCommune.statusCode).toBe(404);
  });

  it('refuses a tampered file (changed rowCount) on its signature, and a file from another key when a key is pinned', async () => {
    const cp = (await admin.send('POST', '/api/v1/audit/checkpoints')).json() as AuditCheckpoint;
    const file = await exportFile(admin, cp.id);
    const tampered = { ...file, rowCount: file.rowCount - 1 };
    const v = await verifyAgainstCheckpoint(db, tampered, { installationKey: keys.publicKey() });
    expect(v.ok).toBe(false);
    expect(v.errors.map((e) => e.code)).toContain('bad_signature');
    const tamperedPath = path.join(tmp, 'tampered.json');
    fs.writeFileSync(tamperedPath, JSON.stringify(tampered));
    const report = await auditVerifyReport(db, keys, { checkpointPath: tamperedPath });
    expect(report.exitCode).toBe(1);
    expect(report.lines.join('\n')).toContain('Chữ ký của điểm kiểm tra không hợp lệ');

    // a forger's own key: the signature holds, but it is not the installation's key
    const forger = generateKeyPairSync('ed25519');
    const forgedFields = { ...file, keyId: keyIdOf(forger.publicKey) };
    const forged: AuditCheckpointFile = {
      ...forgedFields,
      publicKey: forger.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      signature: sign(null, canonicalCheckpointBytes(forgedFields), forger.privateKey).toString('base64'),
    };
    const warned = await verifyAgainstCheckpoint(db, forged, { installationKey: keys.publicKey() });
    expect(warned.ok).toBe(true);
    expect(warned.warnings.map((w) => w.code)).toEqual(['key_not_current']);
    const pinned = await verifyAgainstCheckpoint(db, forged, { pinnedKeyPem: keys.publicKey()!.publicKeyPem });
    expect(pinned.errors.map((e) => e.code)).toEqual(['key_not_pinned']);
  });

  it('the interval job writes a checkpoint only when the chain moved, and only when one is due', async () => {
    expect(checkpointCron(60)).toBe('0 * * * *');
    expect(checkpointCron(15)).toBe('*/15 * * * *');
    expect(checkpointCron(7)).toBe('* * * * *');
    expect(auditCheckpointJobs(db, keys, 0)).toEqual([]);
    const signer = keys.signer();
    const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);

    // not due: the newest checkpoint is moments old
    await someChanges(1);
    expect(await runIntervalCheckpoint(db, signer, { minutes: 60 })).toBeNull();
    const first = await runIntervalCheckpoint(db, signer, { minutes: 60, now: later(2) });
    expect(first).toMatchObject({ reason: 'interval', headSeq: (await headSeq()) - 1 });
    // due, but only the checkpoint's own row was appended since: nothing to sign
    expect(await runIntervalCheckpoint(db, signer, { minutes: 60, now: later(4) })).toBeNull();
    await someChanges(1);
    const second = await runIntervalCheckpoint(db, signer, { minutes: 60, now: later(4) });
    expect(second!.headSeq).toBeGreaterThan(first!.headSeq);
    // the scheduled handler itself: the newest checkpoint is recent, so the tick passes
    const [job] = auditCheckpointJobs(db, keys, 60);
    const count = async () => Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_checkpoints`))[0]!.n);
    const n = await count();
    await job!.handler({});
    expect(await count()).toBe(n);
  });

  it('writes an audit row for every checkpoint', async () => {
    const rows = await queryRows<{ id: string | number; logged: number }>(
      db,
      sql`select c.id, (select count(*)::int from audit_log a where a.action = 'audit.checkpoint_created' and a.entity_id = c.id::text) as logged
            from audit_checkpoints c`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.logged !== 1)).toEqual([]);
  });

  it('detects the newest rows deleted, which verifying the chain alone cannot', async () => {
    await someChanges(2);
    const cp = (await admin.send('POST', '/api/v1/audit/checkpoints')).json() as AuditCheckpoint;
    const file = await exportFile(admin, cp.id);
    const filePath = path.join(tmp, 'checkpoint.json');
    fs.writeFileSync(filePath, JSON.stringify(file, null, 2));
    await someChanges(1);

    // rows after the head are not what this checkpoint vouches for: removing only those goes unnoticed by it
    await deleteRowsFrom(file.headSeq + 1);
    expect((await verifyAgainstCheckpoint(db, file, { installationKey: keys.publicKey() })).ok).toBe(true);

    // the attack: the three newest rows the checkpoint covers are gone
    await deleteRowsFrom(file.headSeq - 2);
    const chain = await verifyAuditChain(db);
    expect(chain).toEqual({ ok: true, rows: file.headSeq - 3 });

    const v = await verifyAgainstCheckpoint(db, file, { installationKey: keys.publicKey() });
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([{ code: 'rows_removed', present: file.headSeq - 3, expected: file.rowCount, headSeq: file.headSeq }]);
    expect(describeIssue(v.errors[0]!)).toContain(
      `Đã mất các bản ghi nhật ký sau điểm kiểm tra: có ${file.headSeq - 3} bản ghi, điểm kiểm tra ghi ${file.rowCount}`,
    );

    const fromFile = await auditVerifyReport(db, keys, { checkpointPath: filePath });
    expect(fromFile.exitCode).toBe(1);
    expect(fromFile.lines.join('\n')).not.toMatch(/ \/ [A-Za-z]/);
    const inEnglish = await auditVerifyReport(db, keys, { checkpointPath: filePath, lang: 'en' });
    expect(inEnglish.lines.join('\n')).toMatch(/Audit rows removed after the checkpoint/);
    // the attacker left the checkpoint rows in place: plain `khien audit verify` catches it too
    const fromDb = await auditVerifyReport(db, keys, {});
    expect(fromDb.exitCode).toBe(1);
    expect(fromDb.lines.join('\n')).toContain('Đã mất các bản ghi nhật ký');

    // new rows written over the same numbers: the head row is back, with another hash
    await someChanges(4);
    const replaced = await verifyAgainstCheckpoint(db, file, { installationKey: keys.publicKey() });
    expect(replaced.errors.map((e) => e.code)).toEqual(['head_hash_mismatch']);
  });
});

describe('khien audit checkpoint / verify --checkpoint (CLI)', () => {
  const ROOT = path.resolve(import.meta.dirname, '../../..');
  const run = promisify(execFile);
  const dataDir = path.join(tmp, 'cli-data');
  // the CLI opens the embedded engine on disk on either test engine: the PostgreSQL paths are covered above
  // the CLI's own language (Vietnamese) whatever this machine's locale
  const env: NodeJS.ProcessEnv = { ...process.env, KHIEN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  delete env.DATABASE_URL;
  const khien = (...args: string[]) =>
    run(process.execPath, [path.join(ROOT, 'apps/server/bin/khien.mjs'), ...args], { cwd: ROOT, env, timeout: 120_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '' }),
    );
  const withDisk = async (fn: (d: Db) => Promise<void>) => {
    const d = await openDatabase({ dataDir });
    try {
      await d.migrate();
      await fn(d.db);
    } finally {
      await d.close();
    }
  };

  it('exits 0 on an intact log and 1, naming the removed rows, once the newest are deleted', async () => {
    await withDisk(async (d) => {
      for (let i = 1; i <= 5; i++) await recordAudit(d, audit, { action: 'test.event', entityType: 'test', entityId: String(i), orgId: null, orgPath: null });
    });
    const out = path.join(tmp, 'cli-checkpoint.json');
    const made = await khien('audit', 'checkpoint', '--out', out);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Đã tạo điểm kiểm tra');
    const file = AuditCheckpointFileSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(file).toMatchObject({ headSeq: 5, rowCount: 5 });
    expect(fs.statSync(path.join(dataDir, GENERATED_KEY_NAME)).mode & 0o777).toBe(0o600);

    const ok = await khien('audit', 'verify', '--checkpoint', out);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('Khớp điểm kiểm tra');

    await withDisk(async (d) => {
      await d.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await d.execute(sql`delete from audit_log where seq >= 4`);
      await d.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    const bad = await khien('audit', 'verify', '--checkpoint', out);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Nhật ký toàn vẹn: 3 dòng');
    expect(bad.stdout).toContain('Đã mất các bản ghi nhật ký sau điểm kiểm tra: có 3 bản ghi, điểm kiểm tra ghi 5');
  });
});
