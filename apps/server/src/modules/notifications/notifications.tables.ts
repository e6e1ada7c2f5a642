import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { NotificationParams } from './notification-templates.js';
import { users } from '../users/users.tables.js';

/**
 * In-app notifications: one row per person, read or not. A row stores what happened (kind +
 * params), not text: it is rendered in the reader's language when shown.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<NotificationParams>().notNull().default({}),
    // legacy text: rows written before templates (and by callers still on the deprecated form); null for a templated row
    title: text('title'),
    body: text('body'),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    // the list page, newest first; its leading user_id also serves the foreign key (cascade deletes)
    index('notifications_user_id_created_at_idx').on(t.userId, t.createdAt.desc()),
    // the unread badge and "mark all read" touch only unread rows, a small part of a person's history
    index('notifications_user_id_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/**
 * Mail written in the same transaction as the change that caused it and sent later by
 * the mail.deliver job: a rolled-back change sends nothing, a committed one is never lost.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    // the recipient, whose locale the mail is rendered in when it is sent; null for rows older than templates or a deleted person
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    // null: a row older than templates, whose subject and text were rendered when queued and are sent as they are
    kind: text('kind'),
    params: jsonb('params').$type<NotificationParams>().notNull().default({}),
    // a path in the web app; made absolute with KHIEN_PUBLIC_URL at send time
    link: text('link'),
    // legacy text (see notifications.title); null for a templated mail
    subject: text('subject'),
    textBody: text('text_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // null: given up (too many failures, or refused for good); kept for the record, never sent
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow(),
  },
  // only unsent mail is ever looked up by time: sent rows stay out of the index
  (t) => [
    index('mail_outbox_user_id_idx').on(t.userId),
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null`),
  ],
);
