import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import { verifyAuditChain, type VerifyResult } from '../audit/audit-verify.js';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { BackupError, type BackupManifest, type Engine, type FileProblem } from './backup-format.js';
import { countDifferences, countRows, findTables, readAuditHead } from './database-facts.js';
import { describeDatabase, runPgTool } from './pg-tools.js';
import { unpackBackup } from './unpack-backup.js';

export interface RestoreReport {
  engine: Engine;
  /** the data folder, or host:port/database */
  target: string;
  filesDir: string;
  manifest: BackupManifest;
  /** of the archive read: the `backup.created` audit row of the source names the same hash */
  sha256: string;
  tables: number;
  rows: number;
  files: number;
  fileProblems: FileProblem[];
  audit: VerifyResult;
}

/**
 * An empty (or absent) folder to restore into, and a work folder inside it: everything is
 * written and checked there first, then moved in by rename (same filesystem, even when the
 * target is a mount point), so a failed restore leaves the target as empty as it was.
 */
function prepareTarget(dir: string, what: { vi: string; en: string }): { work: string; commit(from: string): void; abort(): void } {
  let created = false;
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new BackupError(`${what.vi} ${dir} không phải là thư mục / the ${what.en} is not a folder`);
    const present = fs.readdirSync(dir);
    if (present.length > 0)
      throw new BackupError(
        `${what.vi} ${dir} không trống (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}). Chỉ khôi phục vào thư mục trống hoặc chưa có; dữ liệu đang có không bao giờ bị ghi đè. / ` +
          `The ${what.en} is not empty: restore only into an empty or new folder; existing data is never overwritten.`,
      );
  } else {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    created = true;
  }
  const work = fs.mkdtempSync(path.join(dir, '.restoring-'));
  return {
    work,
    commit(from) {
      // the database folder last: its presence is what says the restore is complete
      const names = fs.readdirSync(from).filter((n) => n !== 'khien.lock' && !n.startsWith('.restoring-'));
      for (const name of names.sort((a, b) => (a === 'pg' ? 1 : b === 'pg' ? -1 : 0))) fs.renameSync(path.join(from, name), path.join(dir, name));
      fs.rmSync(work, { recursive: true, force: true });
    },
    abort() {
      fs.rmSync(work, { recursive: true, force: true });
      try {
        // ours, and still empty: gone again (never recursively: something else may have started there)
        if (created) fs.rmdirSync(dir);
      } catch {
        // not empty after all: leave it
      }
    },
  };
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The archive's SHA-256, taken as it is read. */
function hashed(input: Readable): { stream: Readable; digest(): string } {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  input.on('error', (err) => tap.destroy(err));
  // a restore refused half-way stops reading: let go of the file too
  tap.on('close', () => input.destroy());
  return { stream: input.pipe(tap), digest: () => hash.digest('hex') };
}

interface Checked {
  tables: number;
  rows: number;
  audit: VerifyResult;
}

/** Row counts and the audit chain's head must be the manifest's; then the whole chain is walked. */
async function checkRestored(database: Database, manifest: BackupManifest): Promise<Checked> {
  const q = (text: string) => database.executeSql(text);
  const counts = await countRows(q);
  const differ = countDifferences(manifest.tables, counts);
  if (differ.length > 0)
    throw new BackupError(
      `Số dòng sau khi khôi phục khác bản sao lưu / row counts differ from the backup (restored ≠ backup): ${differ.slice(0, 10).join('; ')}`,
    );
  const head = await readAuditHead(q);
  if (head.lastSeq !== manifest.audit.lastSeq || head.lastHash !== manifest.audit.lastHash)
    throw new BackupError(
      `Đầu chuỗi nhật ký kiểm toán khác bản sao lưu (dòng ${head.lastSeq}, cần ${manifest.audit.lastSeq}) / the audit chain's head differs from the backup's`,
    );
  return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0), audit: await verifyAuditChain(database.db) };
}

/**
 * Appended only after the restored chain has verified, so the chain is checked as it was
 * backed up; it then records where the data came from.
 */
async function recordRestored(database: Database, ctx: AuditContext, sha256: string, manifest: BackupManifest): Promise<void> {
  await database.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'backup.restored',
      entityType: 'backup',
      entityId: sha256,
      orgId: null,
      orgPath: null,
      note: { engine: manifest.engine, backupCreatedAt: manifest.createdAt, productVersion: manifest.product.version, auditSeq: manifest.audit.lastSeq },
    }),
  );
}

function reportOf(
  engine: Engine,
  target: string,
  filesDir: string,
  unpacked: { manifest: BackupManifest; fileProblems: FileProblem[] },
  sha256: string,
  checked: Checked,
): RestoreReport {
  const files = unpacked.manifest.files.length - unpacked.fileProblems.length;
  return { engine, target, filesDir, manifest: unpacked.manifest, sha256, ...checked, files, fileProblems: unpacked.fileProblems };
}

async function restoreEmbedded(config: Config, input: Readable, ctx: AuditContext): Promise<RestoreReport> {
  const dataDir = path.resolve(config.dataDir);
  const filesDir = path.resolve(config.filesDir);
  const filesInside = isInside(filesDir, dataDir);
  const data = prepareTarget(dataDir, { vi: 'Thư mục dữ liệu', en: 'data folder' });
  let files: ReturnType<typeof prepareTarget> | undefined;
  try {
    files = filesInside ? undefined : prepareTarget(filesDir, { vi: 'Thư mục tệp', en: 'files folder' });
    const archive = hashed(input);
    const dump: Buffer[] = [];
    const unpacked = await unpackBackup(archive.stream, {
      engine: 'pglite',
      filesDir: files ? files.work : path.join(data.work, path.relative(dataDir, filesDir)),
      async database(body) {
        for await (const chunk of body) dump.push(chunk);
      },
    });
    const sha256 = archive.digest();
    const database = await openDatabase({ dataDir: data.work, loadDataDir: new Blob(dump) });
    let checked: Checked;
    try {
      checked = await checkRestored(database, unpacked.manifest);
      if (checked.audit.ok) await recordRestored(database, ctx, sha256, unpacked.manifest);
    } finally {
      await database.close();
    }
    files?.commit(files.work);
    data.commit(data.work);
    return reportOf('pglite', dataDir, filesDir, unpacked, sha256, checked);
  } catch (err) {
    files?.abort();
    data.abort();
    throw err;
  }
}

/** Refuses a database that already holds tables: a restore goes into a new, empty database only. */
async function assertEmptyDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await findTables((text) => client.query(text));
    if (tables.length > 0)
      throw new BackupError(
        `Cơ sở dữ liệu ${describeDatabase(databaseUrl)} không trống: có ${tables.length} bảng (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}). ` +
          'Hãy khôi phục vào một cơ sở dữ liệu mới tạo (createdb); không ghi đè dữ liệu đang có. / The database is not empty: restore into a newly created database; existing data is never overwritten.',
      );
  } finally {
    await client.end();
  }
}

async function restorePostgres(config: Config & { databaseUrl: string }, input: Readable, ctx: AuditContext): Promise<RestoreReport> {
  const url = config.databaseUrl;
  const filesDir = path.resolve(config.filesDir);
  await assertEmptyDatabase(url);
  const files = prepareTarget(filesDir, { vi: 'Thư mục tệp', en: 'files folder' });
  let unpacked: Awaited<ReturnType<typeof unpackBackup>>;
  let sha256: string;
  try {
    const archive = hashed(input);
    const dumpPath = path.join(files.work, 'database.pgdump');
    unpacked = await unpackBackup(archive.stream, {
      engine: 'postgres',
      filesDir: path.join(files.work, 'files'),
      database: (body) => pipeline(Readable.from(body, { objectMode: false }), fs.createWriteStream(dumpPath, { mode: 0o600 })),
    });
    sha256 = archive.digest();
    // one transaction: a pg_restore that fails part-way leaves the database as empty as it was.
    // Owners and grants are the restoring role's: the source's roles need not exist here.
    await runPgTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', dumpPath], url);
    fs.mkdirSync(path.join(files.work, 'files'), { recursive: true });
    files.commit(path.join(files.work, 'files'));
  } catch (err) {
    files.abort();
    throw err;
  }
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    let checked: Checked;
    try {
      checked = await checkRestored(database, unpacked.manifest);
    } catch (err) {
      // pg_restore has committed by now: say what to do rather than drop objects by guesswork
      throw new BackupError(
        `${(err as Error).message}\nCơ sở dữ liệu ${describeDatabase(url)} đã nhận dữ liệu không khớp: hãy xoá và tạo lại nó (dropdb, createdb) trước khi thử lại. / ` +
          'The database now holds data that does not match: drop and recreate it before trying again.',
      );
    }
    if (checked.audit.ok) await recordRestored(database, ctx, sha256, unpacked.manifest);
    return reportOf('postgres', describeDatabase(url), filesDir, unpacked, sha256, checked);
  } finally {
    await database.close();
  }
}

/**
 * `khien restore FILE`: into an empty data folder (embedded) or an empty database
 * (DATABASE_URL) and an empty files folder; checks every hash while reading, then the row
 * counts and the audit chain. A chain that does not verify is reported (exit code 2) but the
 * data stays: it is exactly what was backed up, so the chain was already broken at the source.
 */
export async function restoreBackup(opts: { config: Config; input: Readable; audit: AuditContext }): Promise<RestoreReport> {
  const { config } = opts;
  return config.databaseUrl
    ? restorePostgres({ ...config, databaseUrl: config.databaseUrl }, opts.input, opts.audit)
    : restoreEmbedded(config, opts.input, opts.audit);
}
