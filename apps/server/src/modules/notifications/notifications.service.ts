import type { Notification } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import {
  countNotifications,
  findNotifications,
  insertMailFor,
  insertNotificationsFor,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationRow,
} from './notifications.repo.js';

/** Rows per insert: a province-wide directive reaches ~70,000 people, and a statement stays well under the 65,535-parameter limit. */
export const NOTIFY_CHUNK_SIZE = 1000;

export interface NotifyInput {
  userIds: string[];
  /** what happened, for the web app's icon and filters, e.g. 'directive.issued' */
  kind: string;
  title: string;
  body: string;
  /** a path in the web app, e.g. '/directives/…' */
  link: string | null;
  /** also queue an e-mail to each enabled user with an address */
  email: boolean;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A subject is one header line: folded whitespace, no line breaks a title might carry. */
export function mailSubject(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** The mail says what the notification says; a link goes along only when it is a full address a mail reader can open. */
export function mailText(n: { body: string; link: string | null }): string {
  const link = n.link && /^https?:\/\//i.test(n.link) ? n.link : null;
  return link ? `${n.body}\n\n${link}\n` : `${n.body}\n`;
}

/**
 * Writes the in-app notifications and queues their e-mail inside the caller's transaction
 * (transactional outbox): nothing leaves the database here, the mail.deliver job sends
 * after commit, and a rolled-back change notifies no one. Disabled users get the in-app
 * row (they see it if they come back) but no mail.
 */
export async function notifyUsers(tx: Db, n: NotifyInput): Promise<void> {
  const ids = [...new Set(n.userIds)];
  if (ids.length === 0) return;
  const content = { kind: n.kind, title: n.title, body: n.body, link: n.link };
  const mail = n.email ? { subject: mailSubject(n.title), textBody: mailText(n) } : null;
  // a savepoint inside the caller's transaction; its own transaction if handed the plain handle, so it is all or nothing either way
  await tx.transaction(async (t) => {
    for (const part of chunk(ids, NOTIFY_CHUNK_SIZE)) {
      await insertNotificationsFor(t, part, content);
      if (mail) await insertMailFor(t, part, mail);
    }
  });
}

function toApi(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

export async function listNotifications(
  db: Db,
  userId: string,
  o: { limit: number; offset: number; unreadOnly: boolean },
): Promise<{ items: Notification[]; total: number; unread: number }> {
  const [rows, counts] = await Promise.all([findNotifications(db, userId, o), countNotifications(db, userId)]);
  return { items: rows.map(toApi), total: o.unreadOnly ? counts.unread : counts.total, unread: counts.unread };
}

/** Someone else's notification is 404, the same as one that does not exist. */
export async function markRead(db: Db, userId: string, id: string): Promise<Notification> {
  const r = await markNotificationRead(db, userId, id);
  if (!r) throw notFound();
  return toApi(r);
}

export async function markAllRead(db: Db, userId: string): Promise<void> {
  await markAllNotificationsRead(db, userId);
}
