import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../db/types.js';

/**
 * Append-only: a trigger (see the migration) refuses UPDATE and DELETE, and
 * each row's hash covers the previous row's hash, so a hand edit that gets
 * past the trigger is still found by `khien audit verify`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    // gapless: assigned under an advisory lock as previous seq + 1
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorTokenId: uuid('actor_token_id'),
    actorLabel: text('actor_label').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    orgId: uuid('org_id'),
    // the org's ltree path at the time, so the subtree filter needs no join and survives deletes
    orgPath: ltree('org_path'),
    changes: jsonb('changes').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_org_id_idx').on(t.orgId),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_user_id_idx').on(t.actorUserId),
  ],
);

/**
 * Signed statements of the chain's head (last seq, its hash, the row count, when): deleting the
 * newest audit rows leaves the chain valid, but no longer reaching a published checkpoint.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    headSeq: bigint('head_seq', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    rowCount: bigint('row_count', { mode: 'number' }).notNull(),
    // 'interval' (the scheduled job) or 'on_demand' (a person or the CLI)
    reason: text('reason').notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('audit_checkpoints_at_idx').on(t.at), index('audit_checkpoints_created_by_idx').on(t.createdBy)],
);
