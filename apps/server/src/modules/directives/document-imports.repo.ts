import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { documentImports } from './document-imports.tables.js';

export type DocumentImportRow = typeof documentImports.$inferSelect;

export async function insertImportRow(db: Db, values: typeof documentImports.$inferInsert): Promise<DocumentImportRow> {
  const [row] = await db.insert(documentImports).values(values).returning();
  return row!;
}

/** The import if this user started it; anyone else's is not found. */
export async function findImportOfUser(db: Db, id: string, userId: string): Promise<DocumentImportRow | undefined> {
  const [row] = await db
    .select()
    .from(documentImports)
    .where(and(eq(documentImports.id, id), eq(documentImports.createdBy, userId)))
    .limit(1);
  return row;
}

/**
 * Takes an import for this worker: a queued one, or a running one whose worker stopped
 * beating (crashed) and that has not been tried twice already. One statement, so two
 * workers never both get it.
 */
export async function claimImportRow(db: Db, id: string, staleBefore: Date, maxAttempts: number): Promise<DocumentImportRow | undefined> {
  const [row] = await db
    .update(documentImports)
    .set({
      status: 'running',
      startedAt: sql`coalesce(${documentImports.startedAt}, now())`,
      heartbeatAt: sql`now()`,
      attempts: sql`${documentImports.attempts} + 1`,
    })
    .where(
      and(
        eq(documentImports.id, id),
        sql`(${documentImports.status} = 'queued' or (${documentImports.status} = 'running' and ${documentImports.heartbeatAt} < ${staleBefore}))`,
        sql`${documentImports.attempts} < ${maxAttempts}`,
      ),
    )
    .returning();
  return row;
}

export async function updateImportProgress(db: Db, id: string, pagesDone: number, pagesTotal: number): Promise<void> {
  await db
    .update(documentImports)
    .set({ pagesDone, pagesTotal, heartbeatAt: sql`now()` })
    .where(eq(documentImports.id, id));
}

export async function finishImportRow(db: Db, id: string, result: unknown, pageImages: { page: number; fileId: string }[]): Promise<void> {
  await db
    .update(documentImports)
    .set({ status: 'done', result, pageImages, finishedAt: sql`now()`, heartbeatAt: sql`now()` })
    .where(eq(documentImports.id, id));
}

export async function failImportRow(
  db: Db,
  id: string,
  error: { code: string; message: string; reason?: string; params?: Record<string, string | number | boolean | null> },
): Promise<void> {
  await db
    .update(documentImports)
    .set({ status: 'failed', error, finishedAt: sql`now()` })
    .where(eq(documentImports.id, id));
}

/** Imports no worker has taken (their job was lost) or whose worker died, oldest first. */
export async function findStrandedImports(db: Db, queuedBefore: Date, staleBefore: Date, limit: number): Promise<{ id: string; attempts: number }[]> {
  return queryRows<{ id: string; attempts: number }>(
    db,
    sql`select id, attempts from document_imports
         where (status = 'queued' and created_at < ${queuedBefore}) or (status = 'running' and heartbeat_at < ${staleBefore})
         order by created_at limit ${limit}`,
  );
}
