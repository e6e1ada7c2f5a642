import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { ImportOptions, ImportRowError, InventoryImport } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError, domainError } from '../../platform/errors.js';
import { authorize, requireSomewhere, scopeSql, type Actor } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { isWords, type Words } from '../../platform/words.js';
import { enqueue, enqueueMany, jobName, wakeJobs } from '../../platform/jobs/index.js';
import { getOrgRef } from '../orgs/index.js';
import { inventoryImports } from './inventory.tables.js';
import { detectFormat, importOrgRef, runImport, type ImportFormat } from './imports/run-import.js';
import { checkXlsxFile, ImportFailure } from './imports/read-records.js';
import type { RowError } from './imports/table-rows.js';

/** One job per queued import, keyed by the import (the sweep re-queues a stranded one without doubling it). */
export const INVENTORY_IMPORT_JOB = jobName<{ importId: string }>('inventory.import');

/** Largest upload through the web; scheduled imports from the CLI read local files of any size. */
export const MAX_IMPORT_UPLOAD_BYTES = 1024 * 1024 * 1024;

interface ImportRow {
  id: string;
  org_id: string;
  org_name: string;
  kind: InventoryImport['kind'];
  format: InventoryImport['format'];
  filename: string;
  staged_path: string | null;
  on_error: 'keep' | 'refuse';
  dry_run: boolean;
  status: InventoryImport['status'];
  phase: string;
  bytes_total: number;
  bytes_done: number;
  rows_read: number;
  rows_failed: number;
  created: number;
  updated: number;
  /** RowError[]; imports recorded before row errors had codes hold { row, field, message } */
  errors: (RowError | { row: number; field: string | null; message: string })[];
  message: string | null;
  created_at: string | Date;
  finished_at: string | Date | null;
  created_by: string | null;
}

const SELECT = sql`select i.*, o.name as org_name, o.path::text as org_path from inventory_imports i join orgs o on o.id = i.org_id`;

/**
 * The outcome sentence as stored: both languages, as JSON in the one text column the table has;
 * imports recorded before hold one plain sentence, shown as it is in either language.
 */
function storedMessage(words: Words | null): string | null {
  return words ? JSON.stringify(words) : null;
}
function messageWords(stored: string | null): Words | null {
  if (stored === null) return null;
  if (stored.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(stored);
      if (isWords(value)) return value;
    } catch {
      // a plain sentence that starts with a brace
    }
  }
  return { vi: stored, en: stored };
}

function errorOut(e: ImportRow['errors'][number]): ImportRowError {
  if ('text' in e) return { row: e.row, field: e.field, code: e.code, message: e.text.vi, text: e.text };
  return { row: e.row, field: e.field, code: null, message: e.message, text: { vi: e.message, en: e.message } };
}

/** What an error that ended an import says, in both languages when it can (ImportFailure, the archive's refusals). */
function failureWords(err: unknown): Words {
  const text = (err as { text?: unknown } | null)?.text;
  if (isWords(text)) return text;
  if (err instanceof AppError) return { vi: err.message, en: err.message };
  return {
    vi: 'Lỗi khi nhập tệp; không dòng nào của lô dở dang được ghi',
    en: 'The import failed; no row of the unfinished batch was written',
  };
}

function toDto(r: ImportRow): InventoryImport {
  const message = messageWords(r.message);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    format: r.format,
    filename: r.filename,
    onError: r.on_error,
    dryRun: r.dry_run,
    status: r.status,
    phase: r.phase,
    bytesTotal: Number(r.bytes_total),
    bytesDone: Math.min(Number(r.bytes_done), Number(r.bytes_total)),
    rowsRead: r.rows_read,
    rowsFailed: r.rows_failed,
    created: r.created,
    updated: r.updated,
    errors: r.errors.map(errorOut),
    message: message?.vi ?? null,
    messageText: message,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

/** Imports are visible to whoever may write the inventory of their org (the file's rows belong there). */
export async function getImport(db: Db, actor: Actor, id: string): Promise<InventoryImport> {
  const [row] = await queryRows<ImportRow & { org_path: string }>(db, sql`${SELECT} where i.id = ${id}`);
  if (!row) throw domainError('NOT_FOUND', 'import_not_found', 'import not found');
  authorize(actor, 'inventory:write', row.org_path);
  return toDto(row);
}

export async function listImports(db: Db, actor: Actor, q: { orgId?: string | undefined; limit: number; offset: number }) {
  let under: string | null = null;
  if (q.orgId) {
    const org = await getOrgRef(db, q.orgId);
    authorize(actor, 'inventory:write', org?.path ?? null);
    under = org!.path;
  }
  const scope = requireSomewhere(actor, 'inventory:write');
  let cond = scopeSql(scope, sql`o.path`);
  if (under) cond = sql`${cond} and o.path <@ ${under}::ltree`;
  const rows = await queryRows<ImportRow>(db, sql`${SELECT} where ${cond} order by i.created_at desc limit ${q.limit} offset ${q.offset}`);
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from inventory_imports i join orgs o on o.id = i.org_id where ${cond}`);
  return { items: rows.map(toDto), total: Number(n?.n ?? 0) };
}

function stagingDir(filesDir: string): string {
  const dir = path.join(filesDir, 'imports');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Records a queued import of a staged file and, in the same transaction, its job: the row and
 * the job exist together or not at all. `runHere`: the caller runs it itself (the CLI) and
 * queues no job; if it dies first, the sweep queues one.
 */
async function queueImport(
  db: Db,
  actor: Actor,
  opts: ImportOptions,
  file: { path: string; filename: string },
  audit: AuditContext,
  runHere = false,
): Promise<string> {
  const size = fs.statSync(file.path).size;
  if (size === 0) throw domainError('IMPORT_FAILED', 'file_empty', 'the file is empty');
  const format: ImportFormat = opts.format ?? detectFormat(file.filename, readHead(file.path));
  // a zip bomb or a broken workbook is answered now (413/422), not by a failed import later
  if (format === 'xlsx') await checkXlsxFile(file.path);
  if ((format === 'osquery' || format === 'wazuh') && opts.kind !== 'assets')
    throw domainError('VALIDATION_FAILED', 'import_osquery_assets_only', 'osquery and Wazuh files import assets', {}, [
      { path: 'kind', message: 'assets only' },
    ]);
  const org = await getOrgRef(db, opts.orgId);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inventoryImports)
      .values({
        orgId: opts.orgId,
        kind: opts.kind,
        format,
        filename: path.basename(file.filename).normalize('NFC').slice(0, 255) || 'file',
        stagedPath: file.path,
        onError: opts.onError,
        dryRun: opts.dryRun,
        bytesTotal: size,
        createdBy: actor.userId,
      })
      .returning({ id: inventoryImports.id });
    await recordAudit(tx, audit, {
      action: 'inventory.import_queued',
      entityType: 'inventory_import',
      entityId: row!.id,
      orgId: org!.id,
      orgPath: org!.path,
      after: { kind: opts.kind, format, filename: file.filename, bytes: size, onError: opts.onError, dryRun: opts.dryRun },
    });
    if (!runHere) await enqueue(tx, INVENTORY_IMPORT_JOB, { importId: row!.id }, { singletonKey: row!.id });
    return row!.id;
  });
  if (!runHere) wakeJobs(INVENTORY_IMPORT_JOB);
  return id;
}

/** An upload streamed to the staging folder (bounded), then queued. */
export async function startImportUpload(
  db: Db,
  filesDir: string,
  actor: Actor,
  opts: ImportOptions,
  upload: { stream: Readable & { truncated?: boolean }; filename: string },
  audit: AuditContext,
): Promise<InventoryImport> {
  const org = await getOrgRef(db, opts.orgId);
  authorize(actor, 'inventory:write', org?.path ?? null);
  const staged = path.join(stagingDir(filesDir), `${randomUUID()}.upload`);
  try {
    await pipeline(upload.stream, fs.createWriteStream(staged));
    if (upload.stream.truncated)
      throw domainError('PAYLOAD_TOO_LARGE', 'import_file_too_large', `file too large (max ${MAX_IMPORT_UPLOAD_BYTES >> 20} MB)`, {
        maxMb: MAX_IMPORT_UPLOAD_BYTES >> 20,
      });
    const id = await queueImport(db, actor, opts, { path: staged, filename: upload.filename }, audit);
    return getImport(db, actor, id);
  } catch (err) {
    fs.rmSync(staged, { force: true });
    throw err;
  }
}

/**
 * A local file (the CLI's scheduled imports, run at once with `runImportNow`), read where it
 * is: it is only ever read, and only staged uploads (under the staging folder) are removed
 * when an import ends.
 */
export async function startImportFromPath(db: Db, actor: Actor, opts: ImportOptions, file: string, audit: AuditContext): Promise<string> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw domainError('NOT_FOUND', 'import_path_missing', `no such file: ${file}`, { file });
  const org = await getOrgRef(db, opts.orgId);
  authorize(actor, 'inventory:write', org?.path ?? null);
  return queueImport(db, actor, opts, { path: path.resolve(file), filename: path.basename(file) }, audit, true);
}

/** Uploads are staged as <files>/imports/<uuid>.upload; nothing else is ever deleted by an import. */
function isStagedUpload(file: string): boolean {
  return path.basename(path.dirname(file)) === 'imports' && /^[0-9a-f-]{36}\.upload$/.test(path.basename(file));
}

/**
 * The job: claims this import if it is still queued (safe with several workers) and runs it
 * to the end. One already run, running, interrupted or run by the CLI is left alone.
 */
export async function runQueuedImport(db: Db, importId: string, audit: (userId: string | null) => AuditContext): Promise<boolean> {
  const [claimed] = await queryRows<ImportRow>(
    db,
    sql`update inventory_imports set status = 'running', started_at = now(), heartbeat_at = now()
         where id = ${importId} and status = 'queued' returning *`,
  );
  if (!claimed) return false;
  await runClaimed(db, claimed, audit(claimed.created_by));
  return true;
}

/**
 * The sweep's half of the backstop: an import still queued a minute after it was written has
 * lost its job (the CLI that meant to run it died; it was queued before this version) or waits
 * behind a long import; it is queued again. A job still waiting for it keeps its place — the
 * key drops the second — and a job that finds the import already claimed does nothing.
 */
export async function requeueStrandedImports(db: Db): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from inventory_imports where status = 'queued' and created_at < now() - interval '1 minute' order by created_at limit 500`,
  );
  await enqueueMany(
    db,
    INVENTORY_IMPORT_JOB,
    rows.map((r) => ({ data: { importId: r.id }, singletonKey: r.id })),
  );
  if (rows.length) wakeJobs(INVENTORY_IMPORT_JOB);
  return rows.length;
}

export async function runClaimed(
  db: Db,
  row: Pick<ImportRow, 'id' | 'org_id' | 'kind' | 'format' | 'staged_path' | 'on_error' | 'dry_run' | 'created_by'>,
  audit: AuditContext,
  onProgress?: (p: { phase: string; bytesDone: number; rowsRead: number; rowsFailed: number }) => void,
) {
  const org = await importOrgRef(db, row.org_id);
  const finish = async (set: Partial<typeof inventoryImports.$inferInsert>) => {
    await db
      .update(inventoryImports)
      .set({ ...set, finishedAt: new Date(), stagedPath: null })
      .where(eq(inventoryImports.id, row.id));
    if (row.staged_path && isStagedUpload(row.staged_path)) fs.rmSync(row.staged_path, { force: true });
  };
  const beat = setInterval(() => {
    db.update(inventoryImports)
      .set({ heartbeatAt: new Date() })
      .where(eq(inventoryImports.id, row.id))
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    if (!org || !row.staged_path || !fs.existsSync(row.staged_path))
      throw new ImportFailure('IMPORT_FAILED', { vi: 'Tệp tạm của lượt nhập đã mất', en: 'The staged file of this import is gone' });
    const outcome = await runImport(
      db,
      { id: row.id, kind: row.kind, format: row.format, path: row.staged_path, onError: row.on_error, dryRun: row.dry_run, org, userId: row.created_by, audit },
      async (p) => {
        onProgress?.(p);
        await db
          .update(inventoryImports)
          .set({ phase: p.phase, bytesDone: p.bytesDone, rowsRead: p.rowsRead, rowsFailed: p.rowsFailed, created: p.created, updated: p.updated })
          .where(eq(inventoryImports.id, row.id));
      },
    );
    await finish({
      status: outcome.status,
      phase: outcome.status,
      rowsRead: outcome.rowsRead,
      rowsFailed: outcome.rowsFailed,
      created: outcome.created,
      updated: outcome.updated,
      // the column's declared type (inventory.tables.ts) is the older { row, field, message }; jsonb holds either
      errors: outcome.errors as unknown as typeof inventoryImports.$inferInsert.errors,
      message: storedMessage(outcome.message),
      bytesDone: sql`${inventoryImports.bytesTotal}` as unknown as number,
    });
  } catch (err) {
    await finish({ status: 'failed', phase: 'failed', message: storedMessage(failureWords(err)) });
    if (!(err instanceof AppError)) throw err;
  } finally {
    clearInterval(beat);
  }
}

/** Runs one queued import now, in this process (the CLI's scheduled imports). */
export async function runImportNow(db: Db, id: string, audit: AuditContext, onProgress?: Parameters<typeof runClaimed>[3]): Promise<void> {
  const [claimed] = await queryRows<ImportRow>(
    db,
    sql`update inventory_imports set status = 'running', started_at = now(), heartbeat_at = now() where id = ${id} and status = 'queued' returning *`,
  );
  if (!claimed) throw domainError('CONFLICT', 'import_already_started', 'import already started');
  await runClaimed(db, claimed, audit, onProgress);
}

const HEARTBEAT_MS = 20_000;
const INTERRUPTED: Words = {
  vi: 'Tiến trình nhập bị dừng giữa chừng (máy chủ dừng hoặc khởi động lại); các lô đã ghi được giữ lại, hãy nhập lại tệp',
  en: 'The import stopped midway (the server stopped or restarted); the batches already written are kept: import the file again',
};
/** A running import whose heartbeat is older than this belongs to a process that died. */
export const STALE_HEARTBEAT_MINUTES = 2;

/**
 * Imports left "running" by a process that died are marked interrupted, so they never look
 * alive for long: at start-up on the embedded engine (one process owns the data folder, so
 * every running import was this folder's dead process) and by the minute sweep on either
 * engine (heartbeat stopped). Batches already written stay; the staged file is removed.
 */
export async function interruptDeadImports(db: Db, opts: { everyRunning: boolean }): Promise<number> {
  const rows = await queryRows<{ id: string; staged_path: string | null }>(
    db,
    sql`update inventory_imports i set status = 'interrupted', phase = 'interrupted', finished_at = now(), staged_path = null,
           message = ${storedMessage(INTERRUPTED)}
         from (select id, staged_path from inventory_imports where status = 'running'
                 and (${opts.everyRunning} or coalesce(heartbeat_at, started_at) < now() - make_interval(mins => ${STALE_HEARTBEAT_MINUTES}))
                 for update) old
        where i.id = old.id
        returning i.id, old.staged_path`,
  );
  for (const r of rows) if (r.staged_path && isStagedUpload(r.staged_path)) fs.rmSync(r.staged_path, { force: true });
  return rows.length;
}
