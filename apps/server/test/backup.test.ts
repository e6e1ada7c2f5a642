/**
 * Backups of the product itself: `khien backup` while the server holds the data folder (through
 * its control socket), `khien restore` into an empty target, and the proof that the round trip
 * is identical — every table's row count, every stored file's hash, the audit chain verifying.
 * Embedded engine by default; pg_dump / pg_restore when DATABASE_URL is set.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { FileStore } from '../src/platform/files/files.js';
import { verifyAuditChain } from '../src/platform/audit/audit-verify.js';
import type { AuditContext } from '../src/platform/audit/audit.js';
import { seedDemo } from '../src/demo/demo-seed.js';
import { countRows, restoreBackup, serveBackups, takeBackup, type ControlChannel } from '../src/platform/backup/index.js';
import { TEMPLATE_DB_NAME, TEMPLATE_FILE } from './template.js';

const audit: AuditContext = { actor: null, systemLabel: 'backup test', ip: null, requestId: null };
const FILE_A = Buffer.from('Biên bản kiểm tra an toàn thông tin — Trường THCS Trần Can, số 12/BB-ATTT');
const FILE_B = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(70_000, 0x5a)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-backup-test-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const envFor = (extra: Record<string, string>) => loadConfig({ LOG_LEVEL: 'silent', ...extra } as NodeJS.ProcessEnv);
const counts = (d: Database) => countRows((text) => d.executeSql(text));

/** Every stored file under a files folder: hash of its bytes by its name (the two must agree). */
function storedFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, rel);
    if (fs.statSync(p).isFile() && /^[0-9a-f]{64}$/.test(path.basename(p))) out.set(path.basename(p), sha(fs.readFileSync(p)));
  }
  return out;
}

async function seed(database: Database, filesDir: string): Promise<void> {
  await seedDemo(database.db, { adminPassword: undefined });
  const store = new FileStore(filesDir);
  await store.put(database.db, { data: FILE_A, filename: 'biên-bản-kiểm-tra.txt', mime: 'text/plain', createdBy: null });
  await store.put(database.db, { data: FILE_B, filename: 'báo-cáo.pdf', mime: 'application/pdf', createdBy: null });
  // the same bytes again: one stored file, two rows
  await store.put(database.db, { data: FILE_A, filename: 'bản-sao.txt', mime: 'text/plain', createdBy: null });
}

/** The archive with one byte changed inside the first occurrence of `marker` (after gunzip), gzipped again. */
function corrupt(backup: string, marker: Buffer, offset: number, out: string): string {
  const tar = zlib.gunzipSync(fs.readFileSync(backup));
  const at = tar.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  tar[at + offset] = tar[at + offset]! ^ 0x01;
  fs.writeFileSync(out, zlib.gzipSync(tar));
  return out;
}

const restoreInto = (config: Config, file: string) => restoreBackup({ config, input: fs.createReadStream(file), audit });

describe.skipIf(Boolean(process.env.DATABASE_URL))('backup and restore, embedded engine', () => {
  let config: Config;
  let database: Database;
  let app: FastifyInstance;
  let control: ControlChannel;
  let before: Record<string, number>;
  let backupFile: string;

  beforeAll(async () => {
    config = envFor({ KHIEN_DATA_DIR: path.join(root, 'source') });
    // the migrated template, into a real data folder (which this process now holds: the lock file)
    database = await openDatabase({ dataDir: config.dataDir, loadDataDir: new Blob([fs.readFileSync(TEMPLATE_FILE)]) });
    await seed(database, config.filesDir);
    app = await buildApp({ database, config, logger: false, serveWeb: false });
    await app.ready();
    control = await serveBackups(database, config, () => undefined);
    before = await counts(database);
    backupFile = path.join(root, 'khien-backup.tar.gz');
  });
  let stopped: Promise<void> | undefined;
  const stopServer = () =>
    (stopped ??= (async () => {
      await control?.close();
      await app?.close();
      await database?.close();
    })());
  afterAll(stopServer);

  it('listens on a socket only the data folder’s owner can open', () => {
    expect(control.path).toBe(path.join(config.dataDir, 'run', 'control.sock'));
    expect(fs.statSync(control.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(control.path)).mode & 0o777).toBe(0o700);
  });

  it('takes the backup through the running server, which keeps the folder and keeps serving', async () => {
    const r = await takeBackup({ config, file: backupFile, audit });
    expect(r.via).toBe('server');
    expect(r.summary).toMatchObject({ engine: 'pglite', files: 2, fileBytes: FILE_A.length + FILE_B.length, fileProblems: [] });
    expect(r.summary.rows).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    // the head at the snapshot, found by number (the demo has over 100 rows: '99' sorts after '104' as text)
    const n = before['public.audit_log']!;
    const [head] = (await database.executeSql('select hash from audit_log where seq = $1', [n])).rows;
    expect(r.summary.audit).toEqual({ rows: n, lastSeq: n, lastHash: head!.hash });
    expect(r.summary.sha256).toBe(sha(fs.readFileSync(backupFile)));
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(config.dataDir, 'khien.lock'), 'utf8').trim()).toBe(String(process.pid));
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    // the copy handed out is itself in the audit log, under the archive's hash
    const [last] = (await database.executeSql('select action, entity_id from audit_log order by seq desc limit 1')).rows;
    expect(last).toEqual({ action: 'backup.created', entity_id: r.summary.sha256 });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, rows: before['public.audit_log']! + 1 });
    // never over an earlier backup
    await expect(takeBackup({ config, file: backupFile, audit })).rejects.toThrow(/đã tồn tại/);
  });

  it('restores into an empty folder: same row counts, same files, and the chain verifies', async () => {
    const target = envFor({ KHIEN_DATA_DIR: path.join(root, 'restored') });
    const report = await restoreInto(target, backupFile);
    expect(report).toMatchObject({ engine: 'pglite', files: 2, fileProblems: [], audit: { ok: true, rows: before['public.audit_log'] } });
    expect(report.sha256).toBe(sha(fs.readFileSync(backupFile)));
    expect(fs.readdirSync(target.dataDir).sort()).toEqual(['files', 'pg']);
    expect(storedFiles(target.filesDir)).toEqual(storedFiles(config.filesDir));
    for (const [name, hash] of storedFiles(target.filesDir)) expect(hash).toBe(name);
    const restored = await openDatabase({ dataDir: target.dataDir });
    try {
      // identical, plus the one audit row that records the restore
      expect(await counts(restored)).toEqual({ ...before, 'public.audit_log': before['public.audit_log']! + 1 });
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, rows: before['public.audit_log']! + 1 });
      const [last] = (await restored.executeSql('select action, entity_id from audit_log order by seq desc limit 1')).rows;
      expect(last).toEqual({ action: 'backup.restored', entity_id: report.sha256 });
      const store = new FileStore(target.filesDir);
      const [row] = (await restored.executeSql(`select id from files where filename = 'báo-cáo.pdf'`)).rows;
      expect((await store.get(restored.db, row!.id as string)).data.equals(FILE_B)).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const again = envFor({ KHIEN_DATA_DIR: path.join(root, 'restored') });
    await expect(restoreInto(again, backupFile)).rejects.toThrow(/không trống.*not empty/s);
    const other = path.join(root, 'not-empty');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'ghi-chú.txt'), 'x');
    await expect(restoreInto(envFor({ KHIEN_DATA_DIR: other }), backupFile)).rejects.toThrow(/ghi-chú\.txt/);
    expect(fs.readdirSync(other)).toEqual(['ghi-chú.txt']);
  });

  it('refuses a damaged backup, naming the file, and writes nothing', async () => {
    const bad = corrupt(backupFile, FILE_A, 20, path.join(root, 'flipped-file.tar.gz'));
    const target = path.join(root, 'from-damaged');
    await expect(restoreInto(envFor({ KHIEN_DATA_DIR: target }), bad)).rejects.toThrow(new RegExp(`${sha(FILE_A)} \\(b[^)]*\\.txt\\).*SHA-256`));
    expect(fs.existsSync(target)).toBe(false);
    // an existing empty folder stays empty
    fs.mkdirSync(target);
    const dbBad = corrupt(backupFile, Buffer.from('khien-backup/database.pglite.tar'), 512 + 4096, path.join(root, 'flipped-db.tar.gz'));
    await expect(restoreInto(envFor({ KHIEN_DATA_DIR: target }), dbBad)).rejects.toThrow(/database\.pglite\.tar không khớp/);
    expect(fs.readdirSync(target)).toEqual([]);
    const whole = fs.readFileSync(backupFile);
    const cut = path.join(root, 'cut.tar.gz');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(restoreInto(envFor({ KHIEN_DATA_DIR: target }), cut)).rejects.toThrow(/bị hỏng hoặc không đầy đủ/);
    expect(fs.readdirSync(target)).toEqual([]);
    expect(fs.readdirSync(root).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('answers nothing but a backup on its socket', async () => {
    const conn = net.createConnection(control.path);
    conn.end('{"op":"shell"}\n');
    const chunks: Buffer[] = [];
    for await (const c of conn as AsyncIterable<Buffer>) chunks.push(c);
    const reply = Buffer.concat(chunks);
    expect(String.fromCharCode(reply[0]!)).toBe('E');
    expect(reply.subarray(5).toString()).toMatch(/unknown operation/);
  });

  it('with no server running, opens the folder itself', async () => {
    await stopServer();
    const file = path.join(root, 'offline.tar.gz');
    const r = await takeBackup({ config, file, audit });
    expect(r.via).toBe('direct');
    expect(fs.existsSync(path.join(config.dataDir, 'khien.lock'))).toBe(false);
    const report = await restoreInto(envFor({ KHIEN_DATA_DIR: path.join(root, 'restored-offline') }), file);
    expect(report.audit).toEqual({ ok: true, rows: before['public.audit_log']! + 1 });
    expect(report.rows).toBe(r.summary.rows);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('backup and restore, PostgreSQL', () => {
  const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL });
  const names = { source: `khien_bk_src_${randomUUID().slice(0, 8)}`, target: `khien_bk_dst_${randomUUID().slice(0, 8)}` };
  const urlOf = (db: string) => Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${db}` }).toString();
  let source: Database;
  let config: Config;
  let before: Record<string, number>;

  beforeAll(async () => {
    const a = admin();
    await a.connect();
    await a.query(`create database ${names.source} template ${TEMPLATE_DB_NAME}`);
    await a.query(`create database ${names.target}`);
    await a.end();
    config = envFor({ DATABASE_URL: urlOf(names.source), KHIEN_FILES_DIR: path.join(root, 'pg-source-files'), KHIEN_DATA_DIR: path.join(root, 'pg-data') });
    source = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
    await seed(source, config.filesDir);
    before = await counts(source);
  });
  afterAll(async () => {
    await source?.close();
    const a = admin();
    await a.connect();
    for (const n of Object.values(names)) await a.query(`drop database if exists ${n}`);
    await a.end();
  });

  it('round-trips through pg_dump and pg_restore into a fresh database', async () => {
    const file = path.join(root, 'pg-backup.tar.gz');
    const r = await takeBackup({ config, file, audit });
    expect(r.via).toBe('postgres');
    expect(r.summary).toMatchObject({ engine: 'postgres', files: 2, fileProblems: [] });
    expect(fs.readdirSync(root).filter((n) => n.endsWith('.pgdump'))).toEqual([]);

    const target = envFor({ DATABASE_URL: urlOf(names.target), KHIEN_FILES_DIR: path.join(root, 'pg-target-files') });
    const dbBad = corrupt(file, Buffer.from('khien-backup/database.pgdump'), 512 + 200, path.join(root, 'pg-flipped.tar.gz'));
    await expect(restoreInto(target, dbBad)).rejects.toThrow(/database\.pgdump không khớp/);
    expect(fs.existsSync(target.filesDir)).toBe(false);

    const report = await restoreInto(target, file);
    expect(report).toMatchObject({ engine: 'postgres', files: 2, audit: { ok: true, rows: before['public.audit_log'] } });
    expect(storedFiles(target.filesDir)).toEqual(storedFiles(config.filesDir));
    const restored = await openDatabase({ databaseUrl: target.databaseUrl, poolSize: 2 });
    try {
      expect(await counts(restored)).toEqual({ ...before, 'public.audit_log': before['public.audit_log']! + 1 });
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, rows: before['public.audit_log']! + 1 });
    } finally {
      await restored.close();
    }
    // now it has our tables: a second restore is refused before anything is read
    await expect(restoreInto({ ...target, filesDir: path.join(root, 'pg-other-files') }, file)).rejects.toThrow(/không trống: có \d+ bảng/);
    expect(fs.existsSync(path.join(root, 'pg-other-files'))).toBe(false);
  });
});
