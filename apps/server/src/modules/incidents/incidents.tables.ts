import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../platform/files/files.tables.js';
import { orgs } from '../orgs/orgs.tables.js';

/**
 * An incident case. `org_id` is the unit it happened to (it stays in that unit's subtree, so its
 * commune and the province see it); `handler_org_id` is who works it (the province after taking it
 * over). `pack_id` / `pack_version` are fixed at detection: the statutory deadlines come from the
 * pack in force then, not from whatever is chosen later. `next_due_at` is the earliest deadline of a
 * report not yet submitted, kept here so the list sorts breaches first without a join.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    handlerOrgId: uuid('handler_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    communeOrgId: uuid('commune_org_id'),
    provinceOrgId: uuid('province_org_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    severity: text('severity').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull().default('open'),
    serious: boolean('serious').notNull().default(false),
    personalData: boolean('personal_data').notNull().default(false),
    nationalSecurity: boolean('national_security').notNull().default(false),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    packId: text('pack_id').notNull(),
    packVersion: text('pack_version').notNull(),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    mergedIntoId: uuid('merged_into_id'),
    reopenedReason: text('reopened_reason'),
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    nextDueKind: text('next_due_kind'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('incidents_code_uq').on(t.code),
    index('incidents_org_idx').on(t.orgId),
    index('incidents_handler_idx').on(t.handlerOrgId),
    index('incidents_commune_status_idx').on(t.communeOrgId, t.status, t.nextDueAt),
    index('incidents_status_due_idx').on(t.status, t.nextDueAt),
    index('incidents_reported_idx').on(t.reportedAt),
  ],
);

export const incidentSystems = pgTable(
  'incident_systems',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.systemId] })],
);

export const incidentAssets = pgTable(
  'incident_assets',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.assetId] })],
);

/** An alert belongs to one case at most (promoting it again adds it to nothing new). */
export const incidentAlerts = pgTable(
  'incident_alerts',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    alertId: uuid('alert_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.alertId] }), uniqueIndex('incident_alerts_alert_uq').on(t.alertId)],
);

export const incidentIndicators = pgTable(
  'incident_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    value: text('value').notNull(),
    note: text('note'),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('incident_indicators_uq').on(t.incidentId, t.type, t.value), index('incident_indicators_value_idx').on(t.value)],
);

export const incidentEvidence = pgTable(
  'incident_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    addedBy: uuid('added_by'),
    addedByLabel: text('added_by_label').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_evidence_incident_idx').on(t.incidentId), index('incident_evidence_file_idx').on(t.fileId)],
);

/** The response team and any org invited into the case: its people see this case, nothing else of the unit's. */
export const incidentMembers = pgTable(
  'incident_members',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by'),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.orgId] }), index('incident_members_org_idx').on(t.orgId)],
);

/** A task of the case owed by an org; its deadline, report and review live in `work_items` (kind incident_task). */
export const incidentTasks = pgTable(
  'incident_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    detail: text('detail'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_tasks_incident_idx').on(t.incidentId)],
);

/**
 * A statutory report of the case (or its closure report): the form's fields as saved, its deadline
 * and where it stands. The deadline's reminders and escalation are a work item (kind incident_report).
 */
export const incidentReports = pgTable(
  'incident_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('draft'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    basis: jsonb('basis').$type<{ vi: string; en: string }>(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('incident_reports_kind_uq').on(t.incidentId, t.kind)],
);

/** The case's timeline: every change and note, in order. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    kind: text('kind').notNull(),
    comment: text('comment'),
    params: jsonb('params').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('incident_events_incident_at_idx').on(t.incidentId, t.at)],
);

/** Case numbers per year: SC-2026-000123. */
export const incidentCounters = pgTable('incident_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull().default(0),
});
