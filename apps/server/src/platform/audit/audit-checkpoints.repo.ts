import { and, asc, count, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditCheckpoints, auditLog } from './audit.tables.js';

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;
export const CHECKPOINT_ACTION = 'audit.checkpoint_created';
export const CHECKPOINT_ENTITY = 'audit_checkpoint';

/** The newest row of the chain; call under lockAuditChain for a head no append is about to move. */
export async function findChainHead(tx: Db): Promise<{ seq: number; hash: string } | null> {
  const [r] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return r ?? null;
}

export async function countRowsUpTo(db: Db, seq: number): Promise<number> {
  const [r] = await db.select({ n: count() }).from(auditLog).where(lte(auditLog.seq, seq));
  return Number(r?.n ?? 0);
}

export async function countRowsAfter(db: Db, seq: number): Promise<number> {
  const [r] = await db.select({ n: count() }).from(auditLog).where(gt(auditLog.seq, seq));
  return Number(r?.n ?? 0);
}

export async function findRowHash(db: Db, seq: number): Promise<string | null> {
  const [r] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, seq));
  return r?.hash ?? null;
}

/** Anything appended after `seq` other than checkpoints' own rows (which would otherwise keep the chain "moving"). */
export async function chainMovedSince(db: Db, seq: number): Promise<boolean> {
  const [r] = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(gt(auditLog.seq, seq), ne(auditLog.action, CHECKPOINT_ACTION)))
    .orderBy(asc(auditLog.seq))
    .limit(1);
  return r !== undefined;
}

export async function insertCheckpoint(tx: Db, values: typeof auditCheckpoints.$inferInsert): Promise<CheckpointRow> {
  const [r] = await tx.insert(auditCheckpoints).values(values).returning();
  return r!;
}

export async function findCheckpoints(db: Db, page: { limit: number; offset: number }): Promise<{ rows: CheckpointRow[]; total: number }> {
  const [rows, totals] = await Promise.all([
    db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(auditCheckpoints),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export async function findCheckpointById(db: Db, id: number): Promise<CheckpointRow | null> {
  const [r] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.id, id));
  return r ?? null;
}

export async function findNewestCheckpoint(db: Db): Promise<CheckpointRow | null> {
  const [r] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return r ?? null;
}

/** The public key a checkpoint was signed with, as its own audit row recorded it (for keys since replaced). */
export async function findRecordedPublicKey(db: Db, checkpointId: number): Promise<string | null> {
  const [r] = await db
    .select({ pem: sql<string | null>`${auditLog.changes} -> 'publicKey' ->> 'after'` })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, CHECKPOINT_ENTITY), eq(auditLog.entityId, String(checkpointId)), eq(auditLog.action, CHECKPOINT_ACTION)))
    .limit(1);
  return r?.pem ?? null;
}
