import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.js';
import { files } from '../../platform/files/files.tables.js';
import { workItems } from '../work/work.tables.js';

/** A document the directive acts on or rests on (contracts' DirectiveReference). */
export interface ReferenceRow {
  kind: string;
  documentType: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  text: string;
  directiveId: string | null;
}

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
    /** the date as written when it is incomplete ("ngày   tháng 01 năm 2024"); null when issuedOn says it all */
    dateText: text('date_text'),
    governingBody: text('governing_body'),
    documentType: text('document_type'),
    subject: text('subject').notNull(),
    preamble: text('preamble').notNull().default(''),
    closing: text('closing').notNull().default(''),
    recipientsText: jsonb('recipients_text').$type<string[]>().notNull(),
    copiesTo: jsonb('copies_to').$type<string[]>().notNull(),
    signer: jsonb('signer').$type<{ authority: string | null; title: string | null; name: string | null }>().notNull(),
    contacts: jsonb('contacts').$type<{ name: string; phone: string; title?: string | null }[]>().notNull(),
    references: jsonb('references').$type<ReferenceRow[]>().notNull().default([]),
    relayWithinDays: integer('relay_within_days'),
    /** relayed (triển khai) from this received assignment; its directive is `parentDirectiveId` */
    parentItemId: uuid('parent_item_id').references(() => workItems.id, { onDelete: 'restrict' }),
    parentDirectiveId: uuid('parent_directive_id').references((): AnyPgColumn => directives.id, { onDelete: 'restrict' }),
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
  (t) => [
    index('directives_org_id_idx').on(t.orgId),
    index('directives_status_idx').on(t.status, t.createdAt),
    index('directives_parent_item_idx').on(t.parentItemId),
    index('directives_parent_directive_idx').on(t.parentDirectiveId),
  ],
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
    /** in a relayed directive: the received task this one passes on */
    parentTaskId: uuid('parent_task_id').references((): AnyPgColumn => directiveTasks.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('directive_tasks_directive_id_idx').on(t.directiveId),
    index('directive_tasks_section_id_idx').on(t.sectionId),
    index('directive_tasks_parent_task_idx').on(t.parentTaskId),
  ],
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
