import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { deliverPendingMail, mailOutbox, notifications, notifyUsers, param, type MailRendering } from '../src/modules/notifications/index.js';
import { MAX_MAIL_ATTEMPTS, retryDelayMinutes } from '../src/modules/notifications/mail-delivery.service.js';
import { chunk, NOTIFY_CHUNK_SIZE } from '../src/modules/notifications/notifications.service.js';
import { usersRepo } from '../src/modules/users/index.js';
import { allNotificationTemplates } from '../src/notification-templates.js';
import { createMailer, type Mailer } from '../src/platform/mail.js';
import { buildOrg, buildUser, createTestApp, signIn, type TestApp, type TestUser } from './harness.js';
import { startSmtpSink, type SmtpSink } from './smtp/start-smtp-sink.js';

const SUBJECT = 'bảo đảm an toàn thông tin';
// 17:00Z on the 14th is already the 15th in Hà Nội
const ISSUED = { number: '12/UBND-VP', subject: SUBJECT, orgName: 'UBND tỉnh Thông Báo', dueAt: '2026-01-14T17:00:00.000Z' };
const TITLE = `Công văn mới: số 12/UBND-VP – V/v ${SUBJECT}`;
const BODY = 'UBND tỉnh Thông Báo đã ban hành công văn, hạn báo cáo 15/01/2026. Hãy xác nhận đã nhận và báo cáo kết quả.';

// the product's templates plus one kind for the mail mechanics below, to find its rows by subject
const rendering: MailRendering = {
  templates: {
    ...allNotificationTemplates(),
    'test.mail': {
      vi: (p) => ({ title: param(p, 'subject'), body: 'Nội dung thử.' }),
      en: (p) => ({ title: `${param(p, 'subject')} (en)`, body: 'Test body.' }),
    },
  },
  publicUrl: undefined,
};
const testMail = (subject: string) => ({ kind: 'test.mail', params: { subject }, link: null, email: true });

let t: TestApp;
let sink: SmtpSink;
let mailer: Mailer;
let orgId: string;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'Khiên <khien@test.khien.vn>' })!;
  const province = await buildOrg(t, { name: 'Tỉnh Thông Báo', kind: 'province' });
  orgId = (await buildOrg(t, { parentId: province.id, name: 'Xã Hoà Bình', kind: 'commune' })).id;
  alice = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'unit_officer', orgId }] });
  bob = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'duty_officer', orgId }] });
  carol = await buildUser(t, { homeOrgId: orgId });
  await usersRepo.updateUserRow(t.database.db, carol.id, { disabled: true });
});
afterAll(async () => {
  mailer?.close();
  await sink?.stop();
  await t?.close();
});

const db = () => t.database.db;
const rowsOf = (userId: string) => db().select().from(notifications).where(eq(notifications.userId, userId));
const outboxTo = (addresses: string[]) => db().select().from(mailOutbox).where(inArray(mailOutbox.toAddress, addresses));
const outboxWith = (subject: string) =>
  db()
    .select()
    .from(mailOutbox)
    .where(sql`${mailOutbox.params}->>'subject' = ${subject}`);

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('notifyUsers', () => {
  it('writes an in-app row for everyone and queues mail only for enabled users, inside the caller’s transaction', async () => {
    await db().transaction(async (tx) => {
      await notifyUsers(tx, {
        // a repeated id is one notification, not two
        userIds: [alice.id, bob.id, carol.id, alice.id],
        kind: 'directive.issued',
        params: ISSUED,
        link: '/directives/00000000-0000-0000-0000-000000000001',
        email: true,
      });
    });
    for (const u of [alice, bob, carol]) {
      const rows = await rowsOf(u.id);
      expect(rows).toHaveLength(1);
      // what happened is stored, not text: it is rendered in the reader's language when read
      expect(rows[0]).toMatchObject({ kind: 'directive.issued', params: ISSUED, title: null, body: null, readAt: null });
    }
    const mail = await outboxTo([alice.email, bob.email, carol.email]);
    expect(mail.map((m) => m.toAddress).sort()).toEqual([alice.email, bob.email].sort());
    for (const m of mail) {
      expect(m).toMatchObject({ kind: 'directive.issued', params: ISSUED, link: '/directives/00000000-0000-0000-0000-000000000001' });
      expect(m).toMatchObject({ subject: null, textBody: null, sentAt: null, attempts: 0, lastError: null });
    }
  });

  it('leaves no notification and no mail when the caller’s transaction rolls back', async () => {
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(mailOutbox);
    await expect(
      db().transaction(async (tx) => {
        await notifyUsers(tx, { userIds: [alice.id, bob.id], kind: 'test.rolled_back', params: {}, link: null, email: true });
        throw new Error('the change failed after notifying');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db().select().from(notifications).where(eq(notifications.kind, 'test.rolled_back'))).toEqual([]);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.kind, 'test.rolled_back'))).toEqual([]);
    expect(
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(mailOutbox),
    ).toEqual(before);
  });

  it('splits recipients into chunks of at most 1,000', () => {
    expect(NOTIFY_CHUNK_SIZE).toBeLessThanOrEqual(1000);
    const parts = chunk(
      Array.from({ length: 2501 }, (_, i) => i),
      NOTIFY_CHUNK_SIZE,
    );
    expect(parts.map((p) => p.length)).toEqual([1000, 1000, 501]);
  });
});

describe('notifications API', () => {
  it('lists the caller’s own notifications, newest first, with the unread count; marks one read, then all', async () => {
    // a row with its own text (older than templates, or the deprecated form) is shown as it was written
    await db().insert(notifications).values({ userId: alice.id, kind: 'assignment.returned', title: 'Báo cáo bị trả lại', body: 'Bổ sung minh chứng.' });
    const a = await signIn(t, alice);

    const page = await a.get('/api/v1/notifications');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({ total: 2, unread: 2 });
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(['Báo cáo bị trả lại', TITLE]);
    expect(Object.keys(body.items[0]).sort()).toEqual(['body', 'createdAt', 'id', 'kind', 'link', 'readAt', 'title']);

    const paged = (await a.get('/api/v1/notifications?limit=1&offset=1')).json();
    expect(paged).toMatchObject({ total: 2, unread: 2 });
    expect(paged.items.map((n: { title: string }) => n.title)).toEqual([TITLE]);

    const read = await a.send('POST', `/api/v1/notifications/${body.items[1].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: body.items[1].id, title: TITLE });
    expect(read.json().readAt).toEqual(expect.any(String));
    // reading again keeps the first read time
    expect((await a.send('POST', `/api/v1/notifications/${body.items[1].id}/read`)).json().readAt).toBe(read.json().readAt);

    const unread = (await a.get('/api/v1/notifications?unreadOnly=true')).json();
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    expect(unread.items.map((n: { title: string }) => n.title)).toEqual(['Báo cáo bị trả lại']);

    expect((await a.send('POST', '/api/v1/notifications/read-all')).json()).toEqual({ ok: true });
    expect((await a.get('/api/v1/notifications')).json()).toMatchObject({ total: 2, unread: 0 });
    expect((await a.get('/api/v1/notifications?unreadOnly=true')).json()).toMatchObject({ items: [], total: 0, unread: 0 });
  });

  it('answers 404 for someone else’s notification and leaves it alone', async () => {
    const a = await signIn(t, alice);
    const [bobs] = await rowsOf(bob.id);
    const res = await a.send('POST', `/api/v1/notifications/${bobs!.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await rowsOf(bob.id))[0]!.readAt).toBeNull();
    // read-all is the caller's own rows only
    await a.send('POST', '/api/v1/notifications/read-all');
    expect((await rowsOf(bob.id))[0]!.readAt).toBeNull();
    const b = await signIn(t, bob);
    expect((await b.get('/api/v1/notifications')).json()).toMatchObject({ total: 1, unread: 1 });
  });

  it('checks its input and needs a signed-in person', async () => {
    const a = await signIn(t, alice);
    expect((await a.send('POST', '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await a.get('/api/v1/notifications?limit=100000')).statusCode).toBe(400);
    expect((await a.get('/api/v1/notifications?unreadOnly=yes')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('mail delivery', () => {
  it('sends queued mail through a real SMTP server, Vietnamese subject and UTF-8 body intact', async () => {
    expect(await deliverPendingMail(db(), mailer, rendering)).toEqual({ sent: 2, failed: 0 });
    const received = await sink.messages();
    expect(received.flatMap((m) => m.to).sort()).toEqual([alice.email, bob.email].sort());
    for (const m of received) {
      expect(m.from).toBe('khien@test.khien.vn');
      // on the wire the subject is an RFC 2047 encoded-word; decoded it keeps every diacritic
      expect(m.headers.get('subject')).toMatch(/^=\?UTF-8\?[QB]\?/i);
      expect(m.subject).toBe(TITLE);
      expect(m.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8$/i);
      // no KHIEN_PUBLIC_URL: a bare path means nothing in a mail reader, so only the text goes
      expect(m.text.replace(/\r\n/g, '\n')).toBe(`${BODY}\n`);
    }
    const rows = await outboxTo([alice.email, bob.email]);
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 0)).toBe(true);
    // nothing is sent twice
    expect(await deliverPendingMail(db(), mailer, rendering)).toEqual({ sent: 0, failed: 0 });
    expect(await sink.messages()).toHaveLength(2);
  });

  it('keeps mail queued when the server is unreachable: attempt counted, error kept, retried later, then delivered', async () => {
    await notifyUsers(db(), { userIds: [alice.id, bob.id], ...testMail('Nhắc hạn báo cáo') });
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'khien@test.khien.vn' })!;
    try {
      const started = Date.now();
      expect(await deliverPendingMail(db(), down, rendering)).toEqual({ sent: 0, failed: 2 });
      const rows = await outboxWith('Nhắc hạn báo cáo');
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r.sentAt).toBeNull();
        expect(r.attempts).toBe(1);
        expect(r.lastError).toMatch(/ECONNREFUSED/);
        // first retry a minute on
        expect(r.nextAttemptAt!.getTime()).toBeGreaterThan(started + 50_000);
      }
      // not due yet: a run now leaves them alone
      expect(await deliverPendingMail(db(), down, rendering)).toEqual({ sent: 0, failed: 0 });
    } finally {
      down.close();
    }
    // a minute later the server is back
    await db()
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(sql`${mailOutbox.params}->>'subject' = 'Nhắc hạn báo cáo'`);
    expect(await deliverPendingMail(db(), mailer, rendering)).toEqual({ sent: 2, failed: 0 });
    expect((await sink.messages()).filter((m) => m.subject === 'Nhắc hạn báo cáo')).toHaveLength(2);
  });

  it('backs off 1, 2, 4 … 60 minutes and gives up after the eighth failure, keeping the row', async () => {
    expect(Array.from({ length: 9 }, (_, i) => retryDelayMinutes(i + 1))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    await notifyUsers(db(), { userIds: [alice.id], ...testMail('Lần cuối') });
    await db()
      .update(mailOutbox)
      .set({ attempts: MAX_MAIL_ATTEMPTS - 1 })
      .where(sql`${mailOutbox.params}->>'subject' = 'Lần cuối'`);
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'khien@test.khien.vn' })!;
    try {
      expect(await deliverPendingMail(db(), down, rendering)).toEqual({ sent: 0, failed: 1 });
    } finally {
      down.close();
    }
    const [r] = await outboxWith('Lần cuối');
    expect(r).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, sentAt: null, nextAttemptAt: null });
    expect(r!.lastError).toMatch(/ECONNREFUSED/);
    expect(await deliverPendingMail(db(), mailer, rendering)).toEqual({ sent: 0, failed: 0 });
  });

  it('sends each mail once when two workers deliver at the same time', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => buildUser(t, { homeOrgId: orgId })));
    await notifyUsers(db(), { userIds: people.map((p) => p.id), ...testMail('Hai tiến trình') });
    const other = createMailer({ smtpUrl: sink.url, mailFrom: 'khien@test.khien.vn' })!;
    try {
      const results = await Promise.all([deliverPendingMail(db(), mailer, rendering, { batch: 5 }), deliverPendingMail(db(), other, rendering, { batch: 5 })]);
      const rest = await deliverPendingMail(db(), mailer, rendering);
      expect(results.reduce((n, r) => n + r.sent, rest.sent)).toBe(12);
    } finally {
      other.close();
    }
    const got = (await sink.messages()).filter((m) => m.subject === 'Hai tiến trình').flatMap((m) => m.to);
    expect(got.sort()).toEqual(people.map((p) => p.email).sort());
  });
});

describe('a province-wide notification', () => {
  it('reaches 70,000 people in chunked statements, with mail for each', async () => {
    const n = 70_000;
    const ids = (
      await t.database.executeSql(
        `insert into users (email, full_name, home_org_id, password_hash, search_text)
         select 'bulk' || g || '@test.khien.vn', 'Cán bộ ' || g, $1, 'not-a-hash', '' from generate_series(1, ${n}) g
         returning id`,
        [orgId],
      )
    ).rows.map((r) => r.id as string);
    expect(ids).toHaveLength(n);
    await db().transaction(async (tx) => {
      await notifyUsers(tx, { userIds: ids, kind: 'directive.issued', params: ISSUED, link: null, email: true });
    });
    const [counts] = (
      await t.database.executeSql(
        `select (select count(*)::int from notifications n join users u on u.id = n.user_id where u.email like 'bulk%') as inapp,
                (select count(*)::int from mail_outbox where to_address like 'bulk%') as mail`,
      )
    ).rows;
    expect(counts).toEqual({ inapp: n, mail: n });
  });
});
