import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import { files } from '../../platform/files/files.tables.js';

/**
 * Work owed by one org, whatever asked for it: a directive's assignment (kind `directive`,
 * source = the directive), a system's requirement checklist and dossier (kind `system`, source
 * = the system), later findings, alerts, incidents. Opening work for 70,000 orgs writes 70,000
 * rows, not one per check: a check's row is written once someone reports on it.
 */
export const workItems = pgTable(
  'work_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    /** who reviews what the owing org submits (a directive's issuer); null: the source records the review itself */
    reviewerOrgId: uuid('reviewer_org_id').references(() => orgs.id, { onDelete: 'restrict' }),
    status: text('status').notNull().default('pending'),
    /** why it was set aside (not applicable, risk accepted) */
    statusReason: text('status_reason'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    // the owing org's commune and province, fixed when opened, so roll-ups group without tree walks
    communeOrgId: uuid('commune_org_id'),
    provinceOrgId: uuid('province_org_id'),
    orgKind: text('org_kind').notNull().default('other'),
    /** the parts of the source this org must answer (a directive's sections); empty: all of it */
    partIds: uuid('part_ids').array().notNull().default([]),
    // kept by the check update, so roll-ups read one row per item, not one per check
    checksTotal: integer('checks_total').notNull().default(0),
    checksDone: integer('checks_done').notNull().default(0),
    report: text('report').notNull().default(''),
    dueAt: timestamp('due_at', { withTimezone: true }),
    ackDueAt: timestamp('ack_due_at', { withTimezone: true }),
    /** the reviewer's own deadline once submitted (a dossier's appraisal) */
    reviewDueAt: timestamp('review_due_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    // how far the escalation policy has gone: the next reminder, acknowledgement reminder, review reminder and escalation step
    remindStep: integer('remind_step').notNull().default(0),
    ackRemindStep: integer('ack_remind_step').notNull().default(0),
    reviewRemindStep: integer('review_remind_step').notNull().default(0),
    escalateStep: integer('escalate_step').notNull().default(0),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_items_source_org_key').on(t.kind, t.sourceId, t.orgId),
    index('work_items_source_id_idx').on(t.sourceId, t.orgId),
    index('work_items_org_id_idx').on(t.orgId, t.dueAt),
    index('work_items_assignee_user_id_idx').on(t.assigneeUserId),
    index('work_items_due_idx').on(t.status, t.dueAt),
    index('work_items_commune_idx').on(t.communeOrgId),
  ],
);

/** One task or requirement of an item, once someone reported on it; `checkKey` is the source's key for it. */
export const workChecks = pgTable(
  'work_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    // the item's source again, so a source's per-check roll-up reads one index range
    sourceId: uuid('source_id').notNull(),
    checkKey: text('check_key').notNull(),
    status: text('status').notNull().default('not_started'),
    report: text('report').notNull().default(''),
    reason: text('reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('work_checks_key').on(t.itemId, t.checkKey), index('work_checks_source_idx').on(t.sourceId, t.checkKey)],
);

/** Evidence of a check: a file of the file store, by a real foreign key. */
export const workEvidence = pgTable(
  'work_evidence',
  {
    checkId: uuid('check_id')
      .notNull()
      .references(() => workChecks.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_evidence_key').on(t.checkId, t.fileId),
    index('work_evidence_item_id_idx').on(t.itemId),
    index('work_evidence_file_id_idx').on(t.fileId),
  ],
);

/** The item's history as people read it: acknowledged, submitted, returned with a comment, escalated… */
export const workEvents = pgTable(
  'work_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorLabel: text('actor_label').notNull(),
    kind: text('kind').notNull(),
    comment: text('comment'),
    params: jsonb('params').$type<Record<string, string | number | null>>(),
  },
  (t) => [index('work_events_item_id_idx').on(t.itemId, t.at)],
);
