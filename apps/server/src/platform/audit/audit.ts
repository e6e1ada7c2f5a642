import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Actor } from '../policy.js';
import { auditLog } from './audit.tables.js';
import { GENESIS_HASH, diffFields, hashAuditRow, type Changes } from './audit-hash.js';

/** Where a change came from: put on every request, passed to every service that writes. */
export interface AuditContext {
  actor: Actor | null;
  /** Shown when there is no actor: "system", "cli", "demo seed". */
  systemLabel?: string;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  orgPath: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra facts that are not field changes (e.g. the number of rows imported). */
  note?: Record<string, unknown>;
}

// any constant works: it only has to be the same in every process that appends
const AUDIT_LOCK_KEY = 4_242_001;

/** Held until the transaction ends: appends (and checkpoints reading the head) queue behind it. */
export async function lockAuditChain(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
}

/**
 * Appends one row to the chain. Call it inside the transaction that makes the
 * change, so the change and its audit row commit or vanish together.
 */
export async function recordAudit(tx: Db, ctx: AuditContext, ev: AuditEvent): Promise<void> {
  await recordAuditBatch(tx, ctx, [ev]);
}

type AuditListener = (events: AuditEvent[]) => void;
const listeners = new Set<AuditListener>();

/**
 * Told of every change as it is recorded (inside its transaction): caches of
 * authorisation data drop what they hold, since every change is audited.
 */
export function onAuditRecorded(listener: AuditListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Many events in one go (imports): one lock, one read of the chain's head, chunked inserts. */
export async function recordAuditBatch(tx: Db, ctx: AuditContext, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await lockAuditChain(tx);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = events.map((ev) => {
    const changes: Changes = diffFields(ev.before ?? null, ev.after ?? null);
    if (ev.note) for (const [k, v] of Object.entries(ev.note)) changes[k] = { before: null, after: v };
    const row = {
      seq: ++seq,
      at,
      actorUserId: ctx.actor?.userId ?? null,
      actorTokenId: ctx.actor?.tokenId ?? null,
      actorLabel: ctx.actor?.label ?? ctx.systemLabel ?? 'system',
      ip: ctx.ip,
      requestId: ctx.requestId,
      action: ev.action,
      entityType: ev.entityType,
      entityId: ev.entityId,
      orgId: ev.orgId,
      orgPath: ev.orgPath,
      changes,
      prevHash,
    };
    prevHash = hashAuditRow(row);
    return { ...row, hash: prevHash };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditLog).values(rows.slice(i, i + 500));
  for (const l of listeners) l(events);
}
