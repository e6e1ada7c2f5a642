import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from '../../platform/db/types.js';

export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    // ids with "-" → "_" joined by "."; rewritten for the whole subtree on a move
    path: ltree('path').notNull(),
    depth: integer('depth').notNull(),
    // kept by the repo on insert, delete and move, so a subtree's size costs no count(*)
    descendantCount: integer('descendant_count').notNull().default(0),
    childCount: integer('child_count').notNull().default(0),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    kind: text('kind').notNull(),
    adminCode: text('admin_code'),
    // name folded (no diacritics, lower case) so "ha noi" finds "Hà Nội" through an index
    searchText: text('search_text').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    // optimistic concurrency: an edit names the version it was made on, a stale one is refused
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'orgs_parent_id_fk', columns: [t.parentId], foreignColumns: [t.id] }).onDelete('restrict'),
    index('orgs_path_gist').using('gist', t.path),
    index('orgs_parent_id_idx').on(t.parentId),
    uniqueIndex('orgs_admin_code_key').on(t.adminCode),
    // sibling names are unique; roots share the nil parent
    uniqueIndex('orgs_parent_name_key').on(sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${t.name})`),
    index('orgs_search_text_idx').on(t.searchText),
    // org_label() asks "does another org bear this name?" for every listed row
    index('orgs_name_idx').on(t.name),
  ],
);

export const orgContacts = pgTable(
  'org_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    hotline247: boolean('hotline_24_7').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_contacts_org_id_idx').on(t.orgId)],
);

export const orgHistory = pgTable(
  'org_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    change: text('change').notNull(),
    oldName: text('old_name'),
    newName: text('new_name'),
    oldParentId: uuid('old_parent_id'),
    newParentId: uuid('new_parent_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
  },
  (t) => [index('org_history_org_id_idx').on(t.orgId)],
);
