import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import { files } from '../../platform/files/files.tables.js';

export const directives = pgTable(
  'directives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    number: text('number'),
    place: text('place'),
    issuedOn: date('issued_on'),
    subject: text('subject').notNull(),
    preamble: text('preamble').notNull().default(''),
    closing: text('closing').notNull().default(''),
    recipientsText: jsonb('recipients_text').$type<string[]>().notNull(),
    copiesTo: jsonb('copies_to').$type<string[]>().notNull(),
    signer: jsonb('signer').$type<{ authority: string | null; title: string | null; name: string | null }>().notNull(),
    contacts: jsonb('contacts').$type<{ name: string; phone: string }[]>().notNull(),
    alertStart: date('alert_start'),
    alertEnd: date('alert_end'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    rule: jsonb('rule'),
    status: text('status').notNull().default('draft'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('directives_org_id_idx').on(t.orgId), index('directives_status_idx').on(t.status, t.createdAt)],
);

export const directiveSections = pgTable(
  'directive_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    heading: text('heading').notNull().default(''),
    addressees: text('addressees'),
    rule: jsonb('rule'),
  },
  (t) => [index('directive_sections_directive_id_idx').on(t.directiveId)],
);

export const directiveTasks = pgTable(
  'directive_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => directiveSections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
  },
  (t) => [index('directive_tasks_directive_id_idx').on(t.directiveId), index('directive_tasks_section_id_idx').on(t.sectionId)],
);

export const directiveAttachments = pgTable(
  'directive_attachments',
  {
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('directive_attachments_key').on(t.directiveId, t.fileId), index('directive_attachments_file_id_idx').on(t.fileId)],
);

/** One per recipient org of an issued directive. Issuing 70,000 of them writes 70,000 rows, not one per task. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    status: text('status').notNull().default('pending'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    // the recipient's commune and province, fixed when issued, so roll-ups group without tree walks
    communeOrgId: uuid('commune_org_id'),
    provinceOrgId: uuid('province_org_id'),
    orgKind: text('org_kind').notNull().default('other'),
    // the sections whose tasks this recipient must do; a task's row is written only once someone reports on it
    sectionIds: uuid('section_ids').array().notNull(),
    // kept by the task update, so roll-ups read one row per recipient, not one per task
    tasksTotal: integer('tasks_total').notNull().default(0),
    tasksDone: integer('tasks_done').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assignments_directive_org_key').on(t.directiveId, t.orgId),
    index('assignments_org_id_idx').on(t.orgId),
    index('assignments_assignee_user_id_idx').on(t.assigneeUserId),
    index('assignments_due_idx').on(t.status, t.dueAt),
  ],
);

export const assignmentTasks = pgTable(
  'assignment_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    directiveId: uuid('directive_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => directiveTasks.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('not_started'),
    report: text('report').notNull().default(''),
    naReason: text('na_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('assignment_tasks_key').on(t.assignmentId, t.taskId),
    index('assignment_tasks_task_id_idx').on(t.taskId),
    index('assignment_tasks_directive_id_idx').on(t.directiveId, t.taskId),
  ],
);

export const assignmentEvidence = pgTable(
  'assignment_evidence',
  {
    assignmentTaskId: uuid('assignment_task_id')
      .notNull()
      .references(() => assignmentTasks.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assignment_evidence_key').on(t.assignmentTaskId, t.fileId), index('assignment_evidence_file_id_idx').on(t.fileId)],
);

/** The assignment's history as people read it: acknowledged, submitted, returned with a comment… */
export const assignmentEvents = pgTable(
  'assignment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorLabel: text('actor_label').notNull(),
    kind: text('kind').notNull(),
    comment: text('comment'),
  },
  (t) => [index('assignment_events_assignment_id_idx').on(t.assignmentId)],
);
