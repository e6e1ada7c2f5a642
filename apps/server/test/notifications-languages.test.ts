import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPendingMail, mailOutbox, notificationJobs, notifyUsers } from '../src/modules/notifications/index.js';
import { usersRepo } from '../src/modules/users/index.js';
import { loadConfig } from '../src/platform/config.js';
import { createMailer } from '../src/platform/mail.js';
import { allNotificationTemplates } from '../src/notification-templates.js';
import { buildOrg, buildUser, createTestApp, signIn, type TestApp, type TestUser } from './harness.js';
import { startSmtpSink, type SmtpSink } from './smtp/start-smtp-sink.js';

const PUBLIC_URL = 'https://khien.tinh-thu.gov.vn';
const LINK = '/directives/00000000-0000-0000-0000-0000000000aa';
const PARAMS = { number: '7/STTTT', subject: 'rà soát lỗ hổng', orgName: 'Sở Thông tin và Truyền thông', dueAt: '2026-05-20T17:30:00.000Z' };

let t: TestApp;
let sink: SmtpSink;
let vi: TestUser;
let en: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
  const orgId = (await buildOrg(t, { name: 'Xã Hai Thứ Tiếng', kind: 'commune' })).id;
  vi = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'unit_officer', orgId }] });
  en = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'unit_officer', orgId }] });
  await usersRepo.updateUserRow(t.database.db, en.id, { locale: 'en' });
  await notifyUsers(t.database.db, { userIds: [vi.id, en.id], kind: 'directive.issued', params: PARAMS, link: LINK, email: true });
});
afterAll(async () => {
  await sink?.stop();
  await t?.close();
});

describe('one notification, two readers', () => {
  it('reads in each person’s own language in the inbox', async () => {
    const viItems = (await (await signIn(t, vi)).get('/api/v1/notifications')).json().items;
    const enItems = (await (await signIn(t, en)).get('/api/v1/notifications')).json().items;
    expect(viItems).toEqual([
      expect.objectContaining({
        kind: 'directive.issued',
        link: LINK,
        title: 'Công văn mới: số 7/STTTT – V/v rà soát lỗ hổng',
        body: 'Sở Thông tin và Truyền thông đã ban hành công văn, hạn báo cáo 21/05/2026. Hãy xác nhận đã nhận và báo cáo kết quả.',
      }),
    ]);
    expect(enItems).toEqual([
      expect.objectContaining({
        kind: 'directive.issued',
        link: LINK,
        title: 'New directive: no. 7/STTTT – Re: rà soát lỗ hổng',
        body: 'Sở Thông tin và Truyền thông has issued a directive, report due 21/05/2026. Please acknowledge it and report on the result.',
      }),
    ]);
  });

  it('mails each in their language, as set when the mail is sent, with the absolute link under KHIEN_PUBLIC_URL', async () => {
    // the job as server.ts builds it, from configuration
    const config = loadConfig({ KHIEN_SMTP_URL: sink.url, KHIEN_PUBLIC_URL: PUBLIC_URL, KHIEN_MAIL_FROM: 'khien@test.khien.vn' } as NodeJS.ProcessEnv);
    expect(config.publicUrl).toBe(PUBLIC_URL);
    const mailer = createMailer(config)!;
    try {
      const [job] = notificationJobs(t.database.db, mailer, { templates: allNotificationTemplates(), publicUrl: config.publicUrl });
      expect(job!.name).toBe('mail.deliver');
      await job!.handler(undefined as never);
    } finally {
      mailer.close();
    }
    const got = await sink.messages();
    expect(got).toHaveLength(2);
    const to = (u: TestUser) => got.find((m) => m.to.includes(u.email))!;
    expect(to(vi).subject).toBe('Công văn mới: số 7/STTTT – V/v rà soát lỗ hổng');
    expect(to(en).subject).toBe('New directive: no. 7/STTTT – Re: rà soát lỗ hổng');
    expect(to(vi).text.replace(/\r\n/g, '\n')).toBe(
      `Sở Thông tin và Truyền thông đã ban hành công văn, hạn báo cáo 21/05/2026. Hãy xác nhận đã nhận và báo cáo kết quả.\n\n${PUBLIC_URL}${LINK}\n`,
    );
    expect(to(en).text.replace(/\r\n/g, '\n')).toContain(`report due 21/05/2026.`);
    expect(to(en).text.replace(/\r\n/g, '\n')).toMatch(new RegExp(`\n\n${PUBLIC_URL.replace(/\./g, '\\.')}${LINK}\n$`));
  });

  it('renders a queued mail in the language its recipient has when it goes out, and without a link when KHIEN_PUBLIC_URL is unset', async () => {
    await notifyUsers(t.database.db, { userIds: [en.id], kind: 'directive.issued', params: PARAMS, link: LINK, email: true });
    // switched to Vietnamese after the mail was queued
    await usersRepo.updateUserRow(t.database.db, en.id, { locale: 'vi' });
    const mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'khien@test.khien.vn' })!;
    try {
      expect(await deliverPendingMail(t.database.db, mailer, { templates: allNotificationTemplates(), publicUrl: undefined })).toEqual({ sent: 1, failed: 0 });
    } finally {
      mailer.close();
    }
    const last = (await sink.messages()).at(-1)!;
    expect(last.subject).toBe('Công văn mới: số 7/STTTT – V/v rà soát lỗ hổng');
    expect(last.text).not.toContain('http');
  });

  it('sends mail queued before templates as it was written, with the absolute link when it has one', async () => {
    // rows from before the migration: subject and text rendered when queued, no kind (one with a link and a reader)
    await t.database.db.insert(mailOutbox).values({ toAddress: 'cu@test.khien.vn', subject: 'Thư cũ', textBody: 'Nội dung cũ.\n' });
    await t.database.db.insert(mailOutbox).values({
      toAddress: 'en@test.khien.vn',
      userId: en.id,
      kind: 'assignment.overdue',
      subject: 'Quá hạn báo cáo: Xã A',
      textBody: 'Xã A chưa báo cáo.',
      link: '/assignments/1',
    });
    const mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'khien@test.khien.vn' })!;
    try {
      expect(await deliverPendingMail(t.database.db, mailer, { templates: allNotificationTemplates(), publicUrl: PUBLIC_URL })).toEqual({ sent: 2, failed: 0 });
    } finally {
      mailer.close();
    }
    const got = await sink.messages();
    const old = got.find((m) => m.to.includes('cu@test.khien.vn'))!;
    expect([old.subject, old.text.replace(/\r\n/g, '\n')]).toEqual(['Thư cũ', 'Nội dung cũ.\n']);
    const legacy = got.find((m) => m.subject === 'Quá hạn báo cáo: Xã A')!;
    expect(legacy.subject).toBe('Quá hạn báo cáo: Xã A');
    expect(legacy.text.replace(/\r\n/g, '\n')).toBe(`Xã A chưa báo cáo.\n\n${PUBLIC_URL}/assignments/1\n`);
  });

  it('refuses a KHIEN_PUBLIC_URL that is not http(s) or ends in a slash', () => {
    for (const bad of ['khien.gov.vn', 'ftp://khien.gov.vn', 'https://khien.gov.vn/', 'javascript:alert(1)'])
      expect(() => loadConfig({ KHIEN_PUBLIC_URL: bad } as NodeJS.ProcessEnv), bad).toThrow(/KHIEN_PUBLIC_URL/);
    expect(loadConfig({ KHIEN_PUBLIC_URL: 'http://10.0.0.5:3000/khien' } as NodeJS.ProcessEnv).publicUrl).toBe('http://10.0.0.5:3000/khien');
    expect(loadConfig({} as NodeJS.ProcessEnv).publicUrl).toBeUndefined();
  });
});
