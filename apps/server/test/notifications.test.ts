import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { deliverPendingMail, mailOutbox, notifications, notifyUsers } from '../src/modules/notifications/index.js';
import { MAX_MAIL_ATTEMPTS, retryDelayMinutes } from '../src/modules/notifications/mail-delivery.service.js';
import { chunk, NOTIFY_CHUNK_SIZE } from '../src/modules/notifications/notifications.service.js';
import { usersRepo } from '../src/modules/users/index.js';
import { createMailer, type Mailer } from '../src/platform/mail.js';
import { buildOrg, buildUser, createTestApp, signIn, type TestApp, type TestUser } from './harness.js';
import { startSmtpSink, type SmtpSink } from './smtp/start-smtp-sink.js';

const TITLE = 'Công văn mới: V/v bảo đảm an toàn thông tin';
const BODY = 'Đề nghị các đơn vị rà soát, khắc phục ngay các lỗ hổng nghiêm trọng trước ngày 15/01/2026 và báo cáo kết quả về Sở.';

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
        title: TITLE,
        body: BODY,
        link: '/directives/00000000-0000-0000-0000-000000000001',
        email: true,
      });
    });
    for (const u of [alice, bob, carol]) {
      const rows = await rowsOf(u.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'directive.issued', title: TITLE, body: BODY, readAt: null });
    }
    const mail = await outboxTo([alice.email, bob.email, carol.email]);
    expect(mail.map((m) => m.toAddress).sort()).toEqual([alice.email, bob.email].sort());
    for (const m of mail) {
      expect(m).toMatchObject({ subject: TITLE, sentAt: null, attempts: 0, lastError: null });
      // a relative link means nothing in a mail reader: only the text goes
      expect(m.textBody).toBe(`${BODY}\n`);
    }
  });

  it('leaves no notification and no mail when the caller’s transaction rolls back', async () => {
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(mailOutbox);
    await expect(
      db().transaction(async (tx) => {
        await notifyUsers(tx, { userIds: [alice.id, bob.id], kind: 'test.rolled_back', title: 'Không gửi', body: 'x', link: null, email: true });
        throw new Error('the change failed after notifying');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db().select().from(notifications).where(eq(notifications.kind, 'test.rolled_back'))).toEqual([]);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.subject, 'Không gửi'))).toEqual([]);
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
    await notifyUsers(db(), {
      userIds: [alice.id],
      kind: 'assignment.returned',
      title: 'Báo cáo bị trả lại',
      body: 'Bổ sung minh chứng.',
      link: null,
      email: false,
    });
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
    expect(await deliverPendingMail(db(), mailer)).toEqual({ sent: 2, failed: 0 });
    const received = await sink.messages();
    expect(received.flatMap((m) => m.to).sort()).toEqual([alice.email, bob.email].sort());
    for (const m of received) {
      expect(m.from).toBe('khien@test.khien.vn');
      // on the wire the subject is an RFC 2047 encoded-word; decoded it keeps every diacritic
      expect(m.headers.get('subject')).toMatch(/^=\?UTF-8\?[QB]\?/i);
      expect(m.subject).toBe(TITLE);
      expect(m.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8$/i);
      expect(m.text.replace(/\r\n/g, '\n')).toBe(`${BODY}\n`);
    }
    const rows = await outboxTo([alice.email, bob.email]);
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 0)).toBe(true);
    // nothing is sent twice
    expect(await deliverPendingMail(db(), mailer)).toEqual({ sent: 0, failed: 0 });
    expect(await sink.messages()).toHaveLength(2);
  });

  it('keeps mail queued when the server is unreachable: attempt counted, error kept, retried later, then delivered', async () => {
    await notifyUsers(db(), {
      userIds: [alice.id, bob.id],
      kind: 'directive.reminder',
      title: 'Nhắc hạn báo cáo',
      body: 'Còn 1 ngày.',
      link: null,
      email: true,
    });
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'khien@test.khien.vn' })!;
    try {
      const started = Date.now();
      expect(await deliverPendingMail(db(), down)).toEqual({ sent: 0, failed: 2 });
      const rows = await db().select().from(mailOutbox).where(eq(mailOutbox.subject, 'Nhắc hạn báo cáo'));
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r.sentAt).toBeNull();
        expect(r.attempts).toBe(1);
        expect(r.lastError).toMatch(/ECONNREFUSED/);
        // first retry a minute on
        expect(r.nextAttemptAt!.getTime()).toBeGreaterThan(started + 50_000);
      }
      // not due yet: a run now leaves them alone
      expect(await deliverPendingMail(db(), down)).toEqual({ sent: 0, failed: 0 });
    } finally {
      down.close();
    }
    // a minute later the server is back
    await db()
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(mailOutbox.subject, 'Nhắc hạn báo cáo'));
    expect(await deliverPendingMail(db(), mailer)).toEqual({ sent: 2, failed: 0 });
    expect((await sink.messages()).filter((m) => m.subject === 'Nhắc hạn báo cáo')).toHaveLength(2);
  });

  it('backs off 1, 2, 4 … 60 minutes and gives up after the eighth failure, keeping the row', async () => {
    expect(Array.from({ length: 9 }, (_, i) => retryDelayMinutes(i + 1))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    await notifyUsers(db(), { userIds: [alice.id], kind: 'directive.reminder', title: 'Lần cuối', body: 'x', link: null, email: true });
    await db()
      .update(mailOutbox)
      .set({ attempts: MAX_MAIL_ATTEMPTS - 1 })
      .where(eq(mailOutbox.subject, 'Lần cuối'));
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'khien@test.khien.vn' })!;
    try {
      expect(await deliverPendingMail(db(), down)).toEqual({ sent: 0, failed: 1 });
    } finally {
      down.close();
    }
    const [r] = await db().select().from(mailOutbox).where(eq(mailOutbox.subject, 'Lần cuối'));
    expect(r).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, sentAt: null, nextAttemptAt: null });
    expect(r!.lastError).toMatch(/ECONNREFUSED/);
    expect(await deliverPendingMail(db(), mailer)).toEqual({ sent: 0, failed: 0 });
  });

  it('sends each mail once when two workers deliver at the same time', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => buildUser(t, { homeOrgId: orgId })));
    await notifyUsers(db(), { userIds: people.map((p) => p.id), kind: 'directive.issued', title: 'Hai tiến trình', body: 'x', link: null, email: true });
    const other = createMailer({ smtpUrl: sink.url, mailFrom: 'khien@test.khien.vn' })!;
    try {
      const results = await Promise.all([deliverPendingMail(db(), mailer, { batch: 5 }), deliverPendingMail(db(), other, { batch: 5 })]);
      const rest = await deliverPendingMail(db(), mailer);
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
      await notifyUsers(tx, { userIds: ids, kind: 'directive.issued', title: TITLE, body: BODY, link: null, email: true });
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
