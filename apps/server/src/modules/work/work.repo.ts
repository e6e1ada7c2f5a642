import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { files } from '../../platform/files/files.tables.js';
import { workChecks, workEvents, workEvidence, workItems } from './work.tables.js';

export type WorkItemRow = typeof workItems.$inferSelect;

/** An item with its owing org (name, path, parent's name) and its reviewer org. */
export interface ItemRow extends WorkItemRow {
  orgName: string;
  orgPath: string;
  orgParentName: string | null;
  reviewerOrgName: string | null;
  reviewerOrgPath: string | null;
}

/** The columns every read of items selects: the item, its org and the reviewer's. */
export const ITEM_COLUMNS = sql`w.*, o.name as org_name, o.path::text as org_path, po.name as org_parent_name,
  ro.name as reviewer_org_name, ro.path::text as reviewer_org_path`;
export const ITEM_JOINS = sql`join orgs o on o.id = w.org_id left join orgs po on po.id = o.parent_id left join orgs ro on ro.id = w.reviewer_org_id`;

const camel = (k: string) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const TIMES = new Set([
  'dueAt',
  'ackDueAt',
  'reviewDueAt',
  'acknowledgedAt',
  'submittedAt',
  'reviewedAt',
  'remindedAt',
  'escalatedAt',
  'createdAt',
  'updatedAt',
]);

/** A raw row (snake_case, times as text on one driver and Date on the other) as an ItemRow. */
export function toItemRow(r: Record<string, unknown>): ItemRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    const key = camel(k);
    out[key] = TIMES.has(key) && v !== null && v !== undefined ? new Date(v as string) : v;
  }
  // arrays come back as a Postgres literal from a raw query on PGlite
  const parts = out.partIds;
  if (typeof parts === 'string')
    out.partIds = parts
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  out.version = Number(out.version);
  return out as unknown as ItemRow;
}

export async function findItemRow(db: Db, id: string): Promise<ItemRow | undefined> {
  const [r] = await queryRows(db, sql`select ${ITEM_COLUMNS} from work_items w ${ITEM_JOINS} where w.id = ${id}`);
  return r ? toItemRow(r) : undefined;
}

/** One page of items matching `where` (over `w`, `o`), overdue first, then by due date; `knownTotal` spares the count. */
export async function findItemsPage(db: Db, where: SQL, limit: number, offset: number, knownTotal?: number): Promise<{ rows: ItemRow[]; total: number }> {
  const rows = await queryRows(
    db,
    sql`select ${ITEM_COLUMNS} from work_items w ${ITEM_JOINS}
         where ${where}
         order by coalesce(w.status in ('pending', 'acknowledged', 'in_progress', 'returned') and w.due_at <= now(), false) desc, w.due_at nulls last, w.updated_at desc, w.id
         limit ${limit} offset ${offset}`,
  );
  if (knownTotal !== undefined) return { rows: rows.map(toItemRow), total: knownTotal };
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from work_items w join orgs o on o.id = w.org_id where ${where}`);
  return { rows: rows.map(toItemRow), total: Number(n?.n ?? 0) };
}

/** Optimistic update guarded by version and by the statuses the move starts from. */
export async function updateItem(
  db: Db,
  id: string,
  version: number,
  from: readonly string[],
  patch: Partial<typeof workItems.$inferInsert>,
): Promise<WorkItemRow | undefined> {
  const [r] = await db
    .update(workItems)
    .set({ ...patch, version: sql`${workItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(workItems.id, id), eq(workItems.version, version), sql`${workItems.status} = any(${`{${from.join(',')}}`}::text[])`))
    .returning();
  return r;
}

export async function insertEvent(db: Db, v: typeof workEvents.$inferInsert): Promise<void> {
  await db.insert(workEvents).values(v);
}

export async function findEvents(db: Db, itemId: string) {
  return db.select().from(workEvents).where(eq(workEvents.itemId, itemId)).orderBy(asc(workEvents.at), asc(workEvents.id));
}

export async function findCheckRows(db: Db, itemId: string) {
  return db.select().from(workChecks).where(eq(workChecks.itemId, itemId));
}

export async function findEvidence(db: Db, itemId: string) {
  return db
    .select({ checkId: workEvidence.checkId, id: files.id, filename: files.filename, size: files.sizeBytes, mime: files.mime, sha256: files.sha256 })
    .from(workEvidence)
    .innerJoin(files, eq(files.id, workEvidence.fileId))
    .where(eq(workEvidence.itemId, itemId))
    .orderBy(asc(workEvidence.createdAt), asc(files.id));
}

/** Statuses a check counts as finished in the item's counter (roll-ups read the counter). */
export const FINISHED_CHECKS = ['done', 'not_applicable', 'risk_accepted'] as const;

/** Writes the report on one check (its row created on first report) and refreshes the item's counter. */
export async function upsertCheck(
  db: Db,
  item: { id: string; sourceId: string },
  key: string,
  patch: { status: string; report: string; reason: string | null; updatedBy: string },
): Promise<string> {
  const [r] = await db
    .insert(workChecks)
    .values({ itemId: item.id, sourceId: item.sourceId, checkKey: key, ...patch })
    .onConflictDoUpdate({
      target: [workChecks.itemId, workChecks.checkKey],
      set: { status: patch.status, report: patch.report, reason: patch.reason, updatedBy: patch.updatedBy, updatedAt: new Date() },
    })
    .returning({ id: workChecks.id });
  await refreshCounter(db, item.id);
  return r!.id;
}

/** Several checks' reports at once (one statement), then the item's counter once. */
export async function upsertChecks(
  db: Db,
  item: { id: string; sourceId: string },
  rows: readonly { key: string; status: string; report: string; reason: string | null }[],
  updatedBy: string,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(workChecks)
    .values(rows.map((r) => ({ itemId: item.id, sourceId: item.sourceId, checkKey: r.key, status: r.status, report: r.report, reason: r.reason, updatedBy })))
    .onConflictDoUpdate({
      target: [workChecks.itemId, workChecks.checkKey],
      set: {
        status: sql`excluded.status`,
        report: sql`excluded.report`,
        reason: sql`excluded.reason`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: new Date(),
      },
    });
  await refreshCounter(db, item.id);
}

export async function refreshCounter(db: Db, itemId: string): Promise<void> {
  await db.execute(sql`update work_items set checks_done = (select count(*)::int from work_checks
                         where item_id = ${itemId} and status = any(${`{${FINISHED_CHECKS.join(',')}}`}::text[])) where id = ${itemId}`);
}

/** The check's row, created blank when nobody has reported on it yet (evidence needs something to hang on). */
export async function ensureCheck(db: Db, item: { id: string; sourceId: string }, key: string): Promise<string> {
  await db.insert(workChecks).values({ itemId: item.id, sourceId: item.sourceId, checkKey: key }).onConflictDoNothing();
  const [r] = await db
    .select({ id: workChecks.id })
    .from(workChecks)
    .where(and(eq(workChecks.itemId, item.id), eq(workChecks.checkKey, key)));
  return r!.id;
}

export async function insertEvidence(db: Db, v: { checkId: string; itemId: string; fileId: string }): Promise<void> {
  await db.insert(workEvidence).values(v).onConflictDoNothing();
}

/** Evidence rows linking `fileId`, with their item: the file reader asks whether any is visible. */
export async function findItemsLinkingFile(db: Db, fileId: string): Promise<string[]> {
  const rows = await queryRows<{ item_id: string }>(db, sql`select distinct item_id from work_evidence where file_id = ${fileId} limit 50`);
  return rows.map((r) => r.item_id);
}

/** Detaches the evidence of one check that is not in `fileIds` (the files stay in the store). */
export async function keepEvidence(db: Db, itemId: string, key: string, fileIds: readonly string[]): Promise<void> {
  await db.execute(sql`delete from work_evidence e using work_checks c
                        where c.id = e.check_id and c.item_id = ${itemId} and c.check_key = ${key}
                          and not (e.file_id = any(${`{${fileIds.join(',')}}`}::uuid[]))`);
}
