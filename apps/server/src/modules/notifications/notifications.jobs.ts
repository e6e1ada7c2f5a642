import type { Db } from '../../platform/db/client.js';
import { defineJob, type AnyJobDefinition } from '../../platform/jobs/index.js';
import type { Mailer } from '../../platform/mail.js';
import { deliverPendingMail } from './mail-delivery.service.js';
import type { MailRendering } from './mail-render.js';

const BATCH = 100;
// the job runs every minute: it drains what it can and hands over before the next run is due
const RUN_BUDGET_MS = 45_000;

/**
 * mailer null (no KHIEN_SMTP_URL): the job still exists, so its schedule does not pile up unworked, and mail stays queued.
 * rendering: every module's templates, handed in by whoever builds the jobs (this module imports none of them).
 */
export function notificationJobs(db: Db, mailer: Mailer | null, rendering: MailRendering): AnyJobDefinition[] {
  return [
    defineJob({
      name: 'mail.deliver',
      cron: '* * * * *',
      handler: async () => {
        if (!mailer) return;
        const started = Date.now();
        while (Date.now() - started < RUN_BUDGET_MS) {
          const r = await deliverPendingMail(db, mailer, rendering, { batch: BATCH });
          // a short batch: the queue is drained; nothing sent: the server is failing, wait for the backoff
          if (r.sent + r.failed < BATCH || r.sent === 0) break;
        }
      },
    }),
  ];
}
