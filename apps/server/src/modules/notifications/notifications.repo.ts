import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { users } from '../users/index.js';
import type { NotificationParams } from './notification-templates.js';
import { mailOutbox, notifications } from './notifications.tables.js';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NotificationContent {
  kind: string;
  params: NotificationParams;
  /** legacy text from a caller on the deprecated form; null when the kind's template renders it */
  title: string | null;
  body: string | null;
  link: string | null;
}

// hot path: both statements read the users table in the same INSERT … SELECT rather than asking
// the users module for the rows first (issuing notifies 3,321 officers and queues their mail in
// its transaction), measured in bench "issue one directive to every unit of the national tree"

/** One in-app row per listed user that exists, in one statement. */
export async function insertNotificationsFor(db: Db, userIds: string[], n: NotificationContent): Promise<void> {
  if (userIds.length === 0) return;
  await db.execute(sql`
    insert into ${notifications} (user_id, kind, params, title, body, link)
    select u.id, ${n.kind}, ${JSON.stringify(n.params)}::jsonb, ${n.title}::text, ${n.body}::text, ${n.link}::text
      from ${users} u
     where u.id in ${userIds}`);
}

/** One queued mail per listed user who can receive it: enabled and with an address. Its text is rendered when sent. */
export async function insertMailFor(db: Db, userIds: string[], n: NotificationContent): Promise<void> {
  if (userIds.length === 0) return;
  await db.execute(sql`
    insert into ${mailOutbox} (to_address, user_id, kind, params, link, subject, text_body)
    select u.email, u.id, ${n.kind}, ${JSON.stringify(n.params)}::jsonb, ${n.link}::text, ${n.title}::text, ${n.body}::text
      from ${users} u
     where u.id in ${userIds} and not u.disabled and btrim(u.email) <> ''`);
}

export async function findNotifications(db: Db, userId: string, o: { limit: number; offset: number; unreadOnly: boolean }): Promise<NotificationRow[]> {
  const where = o.unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
  return (
    db
      .select()
      .from(notifications)
      .where(where)
      // one notifyUsers call stamps many rows with the same time: the id keeps pages stable
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(o.limit)
      .offset(o.offset)
  );
}

/** The reader's language; 'vi' for someone who no longer exists. */
export async function findUserLocale(db: Db, userId: string): Promise<string> {
  const [r] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return r?.locale ?? 'vi';
}

export async function countNotifications(db: Db, userId: string): Promise<{ total: number; unread: number }> {
  const [r] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int` })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return { total: Number(r?.total ?? 0), unread: Number(r?.unread ?? 0) };
}

/** Marks the caller's own notification read, keeping the first read time; undefined when it is not theirs. */
export async function markNotificationRead(db: Db, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [r] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return r;
}

export async function markAllNotificationsRead(db: Db, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/**
 * Many notifications with their own content in one statement each for the inbox and the mail
 * queue: the alert processor tells a different duty officer about each of hundreds of alerts a
 * second, and two statements per alert would be its bottleneck.
 */
export async function insertManyNotifications(db: Db, rows: readonly { userId: string; content: NotificationContent; email: boolean }[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ u: r.userId, k: r.content.kind, p: r.content.params, l: r.content.link, m: r.email })));
  await db.execute(sql`
    insert into ${notifications} (user_id, kind, params, link)
    select u.id, x.k, x.p, x.l from jsonb_to_recordset(${json}::jsonb) as x(u uuid, k text, p jsonb, l text, m boolean) join ${users} u on u.id = x.u`);
  if (!rows.some((r) => r.email)) return;
  await db.execute(sql`
    insert into ${mailOutbox} (to_address, user_id, kind, params, link)
    select u.email, u.id, x.k, x.p, x.l from jsonb_to_recordset(${json}::jsonb) as x(u uuid, k text, p jsonb, l text, m boolean) join ${users} u on u.id = x.u
     where x.m and not u.disabled and btrim(u.email) <> ''`);
}
