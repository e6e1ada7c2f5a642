import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { users } from '../users/index.js';
import { mailOutbox, notifications } from './notifications.tables.js';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NotificationContent {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

// hot path: both statements read the users table in the same INSERT … SELECT rather than asking
// the users module for the rows first (issuing notifies 3,321 officers and queues their mail in
// its transaction), measured in bench "issue one directive to every unit of the national tree"

/** One in-app row per listed user that exists, in one statement. */
export async function insertNotificationsFor(db: Db, userIds: string[], n: NotificationContent): Promise<void> {
  if (userIds.length === 0) return;
  await db.execute(sql`
    insert into ${notifications} (user_id, kind, title, body, link)
    select u.id, ${n.kind}, ${n.title}, ${n.body}, ${n.link}::text
      from ${users} u
     where u.id in ${userIds}`);
}

/** One queued mail per listed user who can receive it: enabled and with an address. */
export async function insertMailFor(db: Db, userIds: string[], m: { subject: string; textBody: string }): Promise<void> {
  if (userIds.length === 0) return;
  await db.execute(sql`
    insert into ${mailOutbox} (to_address, subject, text_body)
    select u.email, ${m.subject}, ${m.textBody}
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
