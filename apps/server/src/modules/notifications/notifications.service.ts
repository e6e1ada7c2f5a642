import type { Notification } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import {
  countNotifications,
  findNotifications,
  findUserLocale,
  insertMailFor,
  insertManyNotifications,
  insertNotificationsFor,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationContent,
  type NotificationRow,
} from './notifications.repo.js';
import { renderNotification, toLocale, type NotificationLocale, type NotificationParams, type NotificationTemplates } from './notification-templates.js';

/** Rows per insert: a province-wide directive reaches ~70,000 people, and a statement stays well under the 65,535-parameter limit. */
export const NOTIFY_CHUNK_SIZE = 1000;

interface NotifyCommon {
  userIds: string[];
  /** what happened: picks the template, and the web app's icon and filters, e.g. 'directive.issued' */
  kind: string;
  /** a path in the web app, e.g. '/directives/…'; mails make it absolute with KHIEN_PUBLIC_URL */
  link: string | null;
  /** also queue an e-mail to each enabled user with an address */
  email: boolean;
}

/** The kind's parameters; the text is rendered from its template in each reader's language when read or mailed. */
export interface NotifyInput extends NotifyCommon {
  params: NotificationParams;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// rows written before templates keep their stored title/body (rendered as written); new rows store none
function contentOf(n: NotifyInput): NotificationContent {
  return { kind: n.kind, params: n.params, title: null, body: null, link: n.link };
}

/**
 * Writes the in-app notifications and queues their e-mail inside the caller's transaction
 * (transactional outbox): nothing leaves the database here, the mail.deliver job renders and
 * sends after commit, and a rolled-back change notifies no one. Disabled users get the in-app
 * row (they see it if they come back) but no mail.
 */
export async function notifyUsers(tx: Db, n: NotifyInput): Promise<void> {
  const ids = [...new Set(n.userIds)];
  if (ids.length === 0) return;
  const content = contentOf(n);
  // a savepoint inside the caller's transaction; its own transaction if handed the plain handle, so it is all or nothing either way
  await tx.transaction(async (t) => {
    for (const part of chunk(ids, NOTIFY_CHUNK_SIZE)) {
      await insertNotificationsFor(t, part, content);
      if (n.email) await insertMailFor(t, part, content);
    }
  });
}

/** Many notifications of different content at once (one per alert and person), in the caller's transaction like notifyUsers. */
export async function notifyMany(tx: Db, items: readonly NotifyInput[]): Promise<void> {
  const rows = items.flatMap((n) => [...new Set(n.userIds)].map((userId) => ({ userId, content: contentOf(n), email: n.email })));
  for (const part of chunk(rows, NOTIFY_CHUNK_SIZE)) await insertManyNotifications(tx, part);
}

function toApi(r: NotificationRow, templates: NotificationTemplates, locale: NotificationLocale): Notification {
  const text = renderNotification(templates, r, locale);
  return {
    id: r.id,
    kind: r.kind,
    title: text.title,
    body: text.body,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

/** What reading needs: the database and every module's templates (handed in; this module imports none). */
export interface ReadDeps {
  db: Db;
  templates: NotificationTemplates;
}

/** Rendered in the reader's language as it is now: changing it in one's profile changes the whole inbox. */
export async function listNotifications(
  deps: ReadDeps,
  userId: string,
  o: { limit: number; offset: number; unreadOnly: boolean },
): Promise<{ items: Notification[]; total: number; unread: number }> {
  const [rows, counts, locale] = await Promise.all([
    findNotifications(deps.db, userId, o),
    countNotifications(deps.db, userId),
    findUserLocale(deps.db, userId),
  ]);
  return {
    items: rows.map((r) => toApi(r, deps.templates, toLocale(locale))),
    total: o.unreadOnly ? counts.unread : counts.total,
    unread: counts.unread,
  };
}

/** Someone else's notification is 404, the same as one that does not exist. */
export async function markRead(deps: ReadDeps, userId: string, id: string): Promise<Notification> {
  const r = await markNotificationRead(deps.db, userId, id);
  if (!r) throw notFound();
  return toApi(r, deps.templates, toLocale(await findUserLocale(deps.db, userId)));
}

export async function markAllRead(db: Db, userId: string): Promise<void> {
  await markAllNotificationsRead(db, userId);
}
