import type { Db } from '../../platform/db/client.js';
import type { Mailer } from '../../platform/mail.js';
import { claimDueMail, markMailFailed, markMailSent } from './mail-outbox.repo.js';
import { renderMail, type MailRendering } from './mail-render.js';

/** After this many failures a mail is given up (next_attempt_at null); about two hours of retries in all. */
export const MAX_MAIL_ATTEMPTS = 8;
/** Longer than a batch can take with the mailer's timeouts, so no second worker sends a mail still in flight. */
const LEASE_SECONDS = 15 * 60;
const MAX_ERROR_LENGTH = 1000;

/** Minutes to wait after the n-th failure: 1, 2, 4, 8 … at most 60. */
export function retryDelayMinutes(failures: number): number {
  return Math.min(60, 2 ** Math.max(0, failures - 1));
}

interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

/**
 * Whether the server answered about this one message (a refused recipient or body) rather than
 * failing as a whole (unreachable, timeout, TLS, authentication, 421 closing): only then is the
 * rest of the batch worth trying.
 */
export function isMessageLevelFailure(err: unknown): boolean {
  const e = (err ?? {}) as SmtpError;
  return (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && e.responseCode !== 421;
}

export function describeMailError(err: unknown): string {
  const e = (err ?? {}) as SmtpError;
  const code = typeof e.code === 'string' ? `${e.code}: ` : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  return `${code}${message}`.slice(0, MAX_ERROR_LENGTH);
}

function retryInSeconds(failures: number): number | null {
  return failures >= MAX_MAIL_ATTEMPTS ? null : retryDelayMinutes(failures) * 60;
}

/**
 * Sends due mail from the outbox: each sent one is marked at once (a crash resends at most the
 * one in flight); a failure counts an attempt, keeps the error and backs off. When the server
 * itself fails, the rest of the batch is marked with the same error instead of each waiting
 * out the same timeouts. Each mail is rendered now, in its recipient's current language.
 */
export async function deliverPendingMail(
  db: Db,
  mailer: Mailer,
  rendering: MailRendering,
  opts: { batch?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const claimed = await claimDueMail(db, opts.batch ?? 100, LEASE_SECONDS);
  let sent = 0;
  let failed = 0;
  let serverError: string | null = null;
  for (const m of claimed) {
    if (serverError === null) {
      try {
        const { subject, text } = renderMail(m, rendering);
        await mailer.send({ to: m.toAddress, subject, text });
        sent++;
        await markMailSent(db, m.id);
        continue;
      } catch (err) {
        const error = describeMailError(err);
        if (!isMessageLevelFailure(err)) serverError = error;
        failed++;
        await markMailFailed(db, m.id, error, retryInSeconds(m.attempts + 1));
        continue;
      }
    }
    failed++;
    await markMailFailed(db, m.id, serverError, retryInSeconds(m.attempts + 1));
  }
  return { sent, failed };
}
