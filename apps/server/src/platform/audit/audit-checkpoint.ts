import { AUDIT_CHECKPOINT_FORMAT, type AuditCheckpointFile } from '@khien/contracts';
import type { Db } from '../db/client.js';
import { defineJob, type AnyJobDefinition } from '../jobs/index.js';
import { lockAuditChain, recordAudit, type AuditContext } from './audit.js';
import { GENESIS_HASH } from './audit-hash.js';
import { canonicalCheckpointBytes, type SignedFields } from './audit-checkpoint-format.js';
import type { AuditKeys, AuditSigner } from './audit-signing.js';
import {
  CHECKPOINT_ACTION,
  CHECKPOINT_ENTITY,
  chainMovedSince,
  countRowsUpTo,
  findChainHead,
  findNewestCheckpoint,
  findRecordedPublicKey,
  insertCheckpoint,
  type CheckpointRow,
} from './audit-checkpoints.repo.js';

export interface CreateCheckpointOptions {
  signer: AuditSigner;
  reason: 'interval' | 'on_demand';
  audit: AuditContext;
  /** the person asking (null for the job and the CLI) */
  createdBy?: string | null;
  /** interval: nothing to sign when only checkpoints' own rows were appended since the newest one */
  onlyIfMoved?: boolean;
}

/**
 * Signs the chain's head and stores the statement.
 *
 * What it covers: every row up to and including the head read under the append lock. The
 * checkpoint's own `audit.checkpoint_created` row is appended afterwards (seq head + 1), so it
 * is NOT covered by this checkpoint; the next one covers it.
 *
 * The lock is held only to read the head: rows at or below it can no longer change (the
 * table is append-only), so the count and the insert run after appends are free to go on.
 * A chain already broken below the head is signed as it is; verification walks the whole
 * chain and says so, rather than the job refusing every hour.
 */
export async function createCheckpoint(db: Db, o: CreateCheckpointOptions): Promise<CheckpointRow | null> {
  const read = await db.transaction(async (tx) => {
    await lockAuditChain(tx);
    if (o.onlyIfMoved) {
      const newest = await findNewestCheckpoint(tx);
      if (newest && !(await chainMovedSince(tx, newest.headSeq))) return null;
    }
    return { head: await findChainHead(tx), at: new Date() };
  });
  if (!read) return null;
  const headSeq = read.head?.seq ?? 0;
  const fields: SignedFields = {
    format: AUDIT_CHECKPOINT_FORMAT,
    at: read.at.toISOString(),
    headSeq,
    headHash: read.head?.hash ?? GENESIS_HASH,
    rowCount: await countRowsUpTo(db, headSeq),
    keyId: o.signer.keyId,
  };
  const signature = o.signer.sign(canonicalCheckpointBytes(fields));
  return db.transaction(async (tx) => {
    const row = await insertCheckpoint(tx, {
      at: read.at,
      headSeq: fields.headSeq,
      headHash: fields.headHash,
      rowCount: fields.rowCount,
      reason: o.reason,
      keyId: fields.keyId,
      signature,
      createdBy: o.createdBy ?? null,
    });
    // the public key goes into the log too, so a checkpoint stays exportable after the key is replaced
    await recordAudit(tx, o.audit, {
      action: CHECKPOINT_ACTION,
      entityType: CHECKPOINT_ENTITY,
      entityId: String(row.id),
      orgId: null,
      orgPath: null,
      note: { reason: o.reason, headSeq, headHash: fields.headHash, rowCount: fields.rowCount, keyId: fields.keyId, publicKey: o.signer.publicKeyPem },
    });
    return row;
  });
}

/** The exportable file for a stored checkpoint, or null when its public key is known nowhere. */
export async function checkpointFileOf(
  db: Db,
  row: CheckpointRow,
  current: { keyId: string; publicKeyPem: string } | null,
): Promise<AuditCheckpointFile | null> {
  const publicKey = current && current.keyId === row.keyId ? current.publicKeyPem : await findRecordedPublicKey(db, row.id);
  if (!publicKey) return null;
  return {
    format: AUDIT_CHECKPOINT_FORMAT,
    at: row.at.toISOString(),
    headSeq: row.headSeq,
    headHash: row.headHash,
    rowCount: row.rowCount,
    keyId: row.keyId,
    publicKey,
    signature: row.signature,
  };
}

export const CHECKPOINT_JOB = 'audit.checkpoint';
const JOB_AUDIT: AuditContext = { actor: null, systemLabel: 'system:audit-checkpoint', ip: null, requestId: null };
// cron fires on the minute and a run takes a moment: a checkpoint from the previous tick
// must count as due, or every other tick would be skipped
const SLACK_MS = 30_000;

/** One scheduled tick: a checkpoint when the newest is at least `minutes` old and the chain has moved since. */
export async function runIntervalCheckpoint(db: Db, signer: AuditSigner, o: { minutes: number; now?: Date }): Promise<CheckpointRow | null> {
  const newest = await findNewestCheckpoint(db);
  const now = o.now ?? new Date();
  if (newest && now.getTime() - newest.at.getTime() < o.minutes * 60_000 - SLACK_MS) return null;
  return createCheckpoint(db, { signer, reason: 'interval', audit: JOB_AUDIT, onlyIfMoved: true });
}

/** A cron as coarse as the interval allows; the due check in runIntervalCheckpoint does the rest. */
export function checkpointCron(minutes: number): string {
  if (minutes < 60 && 60 % minutes === 0) return `*/${minutes} * * * *`;
  if (minutes % 60 === 0) return '0 * * * *';
  return '* * * * *';
}

/** KHIEN_AUDIT_CHECKPOINT_MINUTES = 0 turns the schedule off (checkpoints on demand only). */
export function auditCheckpointJobs(db: Db, keys: AuditKeys, minutes: number): AnyJobDefinition[] {
  if (minutes <= 0) return [];
  return [
    defineJob({ name: CHECKPOINT_JOB, cron: checkpointCron(minutes), handler: async () => void (await runIntervalCheckpoint(db, keys.signer(), { minutes })) }),
  ];
}
