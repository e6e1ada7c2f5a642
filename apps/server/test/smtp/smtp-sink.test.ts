import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../src/platform/mail.js';
import { decodeEncodedWords, decodeQuotedPrintable, parseMail } from './mime.js';
import { startSmtpSink, type SmtpSink } from './start-smtp-sink.js';

describe('RFC 2047 and MIME decoding', () => {
  it('decodes Q and B encoded-words, joining adjacent ones', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?C=C3=B4ng_v=C4=83n_m=E1=BB=9Bi?=')).toBe('Công văn mới');
    expect(decodeEncodedWords(`=?utf-8?B?${Buffer.from('bảo đảm an toàn').toString('base64')}?=`)).toBe('bảo đảm an toàn');
    // white space between encoded-words is folding, not content
    expect(decodeEncodedWords('=?UTF-8?Q?an_to=C3=A0n?=\r\n =?UTF-8?Q?_th=C3=B4ng_tin?=')).toBe('an toàn thông tin');
    // a character split across two words (not allowed, but seen) still reads right
    expect(decodeEncodedWords('=?UTF-8?Q?=E1=BB?= =?UTF-8?Q?=9B?=')).toBe('ớ');
    expect(decodeEncodedWords('Re: =?ISO-8859-1?Q?caf=E9?= ok')).toBe('Re: café ok');
    expect(decodeEncodedWords('plain ASCII')).toBe('plain ASCII');
  });

  it('decodes quoted-printable bodies with soft line breaks', () => {
    expect(decodeQuotedPrintable('Th=C3=B4ng b=C3=A1o =\r\nm=E1=BB=9Bi').toString('utf8')).toBe('Thông báo mới');
  });

  it('finds the text part of a multipart message', () => {
    const src = [
      'Subject: =?UTF-8?B?' + Buffer.from('Sự cố').toString('base64') + '?=',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>x</p>',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('Đã xử lý').toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const m = parseMail(Buffer.from(src));
    expect(m.subject).toBe('Sự cố');
    expect(m.text).toBe('Đã xử lý');
  });
});

describe('SMTP sink process', () => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'Khiên <khien@test.khien.vn>' })!;
  });
  afterAll(async () => {
    mailer?.close();
    await sink?.stop();
  });

  it('receives what nodemailer sends, over TCP, with Vietnamese subject and UTF-8 body intact', async () => {
    const subject = 'Công văn mới: V/v bảo đảm an toàn thông tin mạng trong dịp Tết Nguyên đán Bính Ngọ 2026 — đề nghị các đơn vị khẩn trương triển khai';
    const text = 'Đề nghị các đơn vị rà soát, khắc phục lỗ hổng trước ngày 15/01.\nTrân trọng.\n';
    await mailer.send({ to: 'truc.ban@xa-a.gov.vn', subject, text });
    const [m, ...rest] = await sink.messages();
    expect(rest).toEqual([]);
    expect(m!.to).toEqual(['truc.ban@xa-a.gov.vn']);
    expect(m!.from).toBe('khien@test.khien.vn');
    // the header really went out encoded, and decodes back
    expect(m!.headers.get('subject')).toMatch(/=\?UTF-8\?[QB]\?/i);
    expect(m!.subject).toBe(subject);
    expect(m!.headers.get('content-type')).toMatch(/charset=utf-8/i);
    expect(m!.text.replace(/\r\n/g, '\n')).toBe(text);
    expect(decodeEncodedWords(m!.headers.get('from')!)).toBe('Khiên <khien@test.khien.vn>');
  });

  it('greets like an SMTP server on its own TCP port', async () => {
    const socket = net.connect(sink.port, '127.0.0.1');
    const greeting = await new Promise<string>((resolve, reject) => {
      socket.once('data', (b) => resolve(b.toString()));
      socket.once('error', reject);
    });
    socket.destroy();
    expect(greeting).toMatch(/^220 /);
  });
});
