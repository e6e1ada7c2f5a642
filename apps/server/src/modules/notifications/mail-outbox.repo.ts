import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { users } from '../users/index.js';
import type { NotificationParams } from './notification-templates.js';
import { mailOutbox } from './notifications.tables.js';

export interface ClaimedMail {
  id: string;
  toAddress: string;
  /** null: a row older than templates, sent with its stored subject and text as they are */
  kind: string | null;
  params: NotificationParams;
  link: string | null;
  subject: string | null;
  textBody: string | null;
  /** the recipient's locale now, not when the mail was queued */
  locale: string | null;
  attempts: number;
}

/**
 * Takes up to `batch` due mails for this worker in one short statement: `skip locked` keeps
 * two workers off the same rows, and the lease (next_attempt_at pushed ahead) keeps them off
 * after commit while this one sends. The sending happens outside any transaction; if the
 * worker dies mid-batch, the lease runs out and another worker picks the rows up.
 */
export async function claimDueMail(db: Db, batch: number, leaseSeconds: number): Promise<ClaimedMail[]> {
  const rows = await queryRows<{
    id: string;
    to_address: string;
    kind: string | null;
    params: NotificationParams | string | null;
    link: string | null;
    subject: string | null;
    text_body: string | null;
    locale: string | null;
    attempts: number;
  }>(
    db,
    sql`
    update ${mailOutbox} m
       set next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
      from (select id from ${mailOutbox}
             where sent_at is null and next_attempt_at <= now()
             order by next_attempt_at
             limit ${batch}
               for update skip locked) due
     where m.id = due.id
    returning m.id, m.to_address, m.kind, m.params, m.link, m.subject, m.text_body, m.attempts,
              (select u.locale from ${users} u where u.id = m.user_id) as locale`,
  );
  return rows.map((r) => ({
    id: r.id,
    toAddress: r.to_address,
    kind: r.kind,
    // jsonb arrives parsed from either driver; a string is tolerated should one hand back text
    params: typeof r.params === 'string' ? (JSON.parse(r.params) as NotificationParams) : (r.params ?? {}),
    link: r.link,
    subject: r.subject,
    textBody: r.text_body,
    locale: r.locale,
    attempts: Number(r.attempts),
  }));
}

export async function markMailSent(db: Db, id: string): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ sentAt: sql`now()` })
    .where(eq(mailOutbox.id, id));
}

/** retryInSeconds null: give up, the row stays for the record. */
export async function markMailFailed(db: Db, id: string, error: string, retryInSeconds: number | null): Promise<void> {
  await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: error,
      nextAttemptAt: retryInSeconds === null ? null : sql`now() + make_interval(secs => ${retryInSeconds})`,
    })
    .where(eq(mailOutbox.id, id));
}
