import { createTransport } from 'nodemailer';
import type { Config } from './config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the SMTP server has accepted the message; rejects with nodemailer's error (code, responseCode, permanent). */
  send(msg: MailMessage): Promise<void>;
  /** Closes pooled connections (shutdown, tests). */
  close(): void;
}

export const MAIL_TIMEOUTS = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 20_000 } as const;

/**
 * SMTP from KHIEN_SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS).
 * null without it: mail stays queued in mail_outbox and the product works without it.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = createTransport(
    {
      url: config.smtpUrl,
      // one connection reused for a whole batch: a province-wide directive queues tens of thousands of mails
      pool: true,
      maxConnections: 1,
      maxMessages: 500,
      idleTimeout: 30_000,
      connectionTimeout: MAIL_TIMEOUTS.connectionMs,
      greetingTimeout: MAIL_TIMEOUTS.greetingMs,
      socketTimeout: MAIL_TIMEOUTS.socketMs,
      // messages are plain text we wrote: nothing in them may make the server read files or fetch URLs
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from: config.mailFrom },
  );
  return {
    async send(msg) {
      await transport.sendMail({ to: msg.to, subject: msg.subject, text: msg.text });
    },
    close() {
      transport.close();
    },
  };
}
