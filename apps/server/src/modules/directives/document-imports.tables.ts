import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';
import { files } from '../../platform/files/files.tables.js';

/**
 * A PDF or photo of a dispatch being read into a draft, off the request path. The row is
 * the job's state — status and pages done — so a web process can report progress on a
 * job that a separate `khien worker` runs. It belongs to the person who uploaded it and to
 * no one else; there is no org until the draft is saved.
 */
export const documentImports = pgTable(
  'document_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    filename: text('filename').notNull(),
    /** 'pdf' | 'image' */
    kind: text('kind').notNull(),
    /** 'queued' | 'running' | 'done' | 'failed' */
    status: text('status').notNull().default('queued'),
    pagesTotal: integer('pages_total').notNull().default(0),
    pagesDone: integer('pages_done').notNull().default(0),
    /** The draft (ParsedDispatchDraft), when done. */
    result: jsonb('result'),
    /** Page previews in the file store: [{ page, fileId }]. */
    pageImages: jsonb('page_images').$type<{ page: number; fileId: string }[]>().notNull().default([]),
    /** { code, message } when failed. */
    error: jsonb('error').$type<{ code: string; message: string; reason?: string; params?: Record<string, string | number | boolean | null> }>(),
    /** How many times a worker has picked it up (a crash mid-way retries once). */
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Touched on every page: a running import whose heartbeat stops was abandoned by its worker. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('document_imports_created_by_idx').on(t.createdBy, t.createdAt),
    index('document_imports_file_id_idx').on(t.fileId),
    index('document_imports_status_idx').on(t.status, t.createdAt),
  ],
);
