import type { AuditCheckpoint, AuditCheckpointFile } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { checkpointFileOf, createCheckpoint } from '../../platform/audit/audit-checkpoint.js';
import { findCheckpointById, findCheckpoints, type CheckpointRow } from '../../platform/audit/audit-checkpoints.repo.js';
import type { AuditKeys } from '../../platform/audit/audit-signing.js';
import { domainError, notFound } from '../../platform/errors.js';
import { scopeFor, type Actor } from '../../platform/policy.js';
import { findRootOrgPaths } from './audit-checkpoints.repo.js';

/**
 * Who may see and create checkpoints: holders of `audit:read` over the WHOLE installation —
 * a system admin, or an auditor / coordinator (or an API token carrying audit:read) whose
 * scope includes every root org. A checkpoint speaks for the whole chain (its row count and
 * head cover every org's rows), while audit rows are shown per subtree; a commune's reader
 * must learn nothing of the rest, not even that checkpoints exist, so for everyone else
 * these routes answer 404 like a route that is not there. Creating one changes nothing but
 * the log itself, so reading rights are enough to ask for one.
 */
export async function requireWholeInstallation(db: Db, actor: Actor): Promise<void> {
  const scope = scopeFor(actor, 'audit:read');
  if (scope.all) return;
  if (scope.paths.length > 0) {
    const roots = await findRootOrgPaths(db);
    if (roots.length > 0 && roots.every((r) => scope.paths.includes(r))) return;
  }
  throw notFound();
}

function toContract(r: CheckpointRow): AuditCheckpoint {
  return {
    id: r.id,
    at: r.at.toISOString(),
    headSeq: r.headSeq,
    headHash: r.headHash,
    rowCount: r.rowCount,
    reason: r.reason === 'interval' ? 'interval' : 'on_demand',
    keyId: r.keyId,
    createdBy: r.createdBy,
  };
}

export async function listCheckpoints(db: Db, actor: Actor, page: { limit: number; offset: number }): Promise<{ items: AuditCheckpoint[]; total: number }> {
  await requireWholeInstallation(db, actor);
  const { rows, total } = await findCheckpoints(db, page);
  return { items: rows.map(toContract), total };
}

export async function createCheckpointNow(db: Db, keys: AuditKeys, actor: Actor, audit: AuditContext): Promise<AuditCheckpoint> {
  await requireWholeInstallation(db, actor);
  const row = await createCheckpoint(db, { signer: keys.signer(), reason: 'on_demand', audit, createdBy: actor.userId });
  return toContract(row!);
}

export async function exportCheckpoint(db: Db, keys: AuditKeys, actor: Actor, id: number): Promise<AuditCheckpointFile> {
  await requireWholeInstallation(db, actor);
  const row = await findCheckpointById(db, id);
  if (!row) throw notFound();
  const file = await checkpointFileOf(db, row, keys.publicKey());
  if (!file) throw domainError('CONFLICT', 'checkpoint_key_unknown', 'the public key of this checkpoint is no longer known');
  return file;
}
