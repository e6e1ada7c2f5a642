import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { defineJob, type AnyJobDefinition } from '../../platform/jobs/index.js';
import { recordAuditBatch } from '../../platform/audit/audit.js';
import { notifyUsers } from '../notifications/index.js';
import { findNearestRoleHoldersAbove, findRoleHoldersOn } from '../users/index.js';
import { FileStore } from '../../platform/files/files.js';
import { DOCUMENT_IMPORT_JOB } from './document-import-queue.js';
import { runDocumentImport, sweepDocumentImports } from './document-imports.service.js';
import { RECIPIENT_OFFICER_ROLES } from './recipient-rule.js';

export const REMIND_BEFORE_HOURS = 48;
const BATCH = 500;

/**
 * Reminders before the due date go to the recipient org's own people; an overdue
 * assignment escalates once to the coordinators of the recipient's parent org (or the
 * nearest ancestor that has one), in-app and by e-mail. Each assignment is claimed with
 * `for update skip locked` and stamped, so several workers never send twice.
 */
export async function runDeadlineSweep(db: Db, now = new Date()): Promise<{ reminded: number; escalated: number }> {
  let reminded = 0;
  let escalated = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await queryRows<{ id: string; org_id: string; org_name: string; subject: string; due_at: string; directive_id: string }>(
        tx,
        sql`select a.id, a.org_id, o.name as org_name, d.subject, a.due_at, d.id as directive_id
              from assignments a join directives d on d.id = a.directive_id join orgs o on o.id = a.org_id
             where d.status = 'issued' and a.status in ('pending', 'acknowledged', 'returned') and a.reminded_at is null
               and a.due_at > ${now} and a.due_at <= ${new Date(now.getTime() + REMIND_BEFORE_HOURS * 3_600_000)}
             order by a.due_at limit ${BATCH} for update of a skip locked`,
      );
      for (const a of due) {
        const people = await findRoleHoldersOn(tx, a.org_id, RECIPIENT_OFFICER_ROLES);
        await notifyUsers(tx, {
          userIds: people,
          kind: 'assignment.reminder',
          title: `Sắp đến hạn báo cáo: V/v ${a.subject}`.slice(0, 300),
          body: `Hạn báo cáo của ${a.org_name}: ${new Date(a.due_at).toISOString().slice(0, 10)}.`,
          link: `/assignments/${a.id}`,
          email: true,
        });
      }
      if (due.length) await tx.execute(sql`update assignments set reminded_at = ${now} where id = any(${`{${due.map((a) => a.id).join(',')}}`}::uuid[])`);
      reminded += due.length;
      return due.length;
    });
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const late = await queryRows<{ id: string; org_id: string; org_name: string; org_path: string; subject: string; due_at: string }>(
        tx,
        sql`select a.id, a.org_id, o.name as org_name, o.path::text as org_path, d.subject, a.due_at
              from assignments a join directives d on d.id = a.directive_id join orgs o on o.id = a.org_id
             where d.status = 'issued' and a.status in ('pending', 'acknowledged', 'returned') and a.escalated_at is null and a.due_at <= ${now}
             order by a.due_at limit ${BATCH} for update of a skip locked`,
      );
      for (const a of late) {
        await notifyUsers(tx, {
          userIds: await findNearestRoleHoldersAbove(tx, a.org_path, ESCALATE_TO),
          kind: 'assignment.overdue',
          title: `Quá hạn báo cáo: ${a.org_name}`.slice(0, 300),
          body: `${a.org_name} chưa báo cáo kết quả thực hiện công văn V/v ${a.subject} (hạn ${new Date(a.due_at).toISOString().slice(0, 10)}).`,
          link: `/assignments/${a.id}`,
          email: true,
        });
        await tx.execute(sql`insert into assignment_events (assignment_id, actor_label, kind) values (${a.id}, 'hệ thống', 'escalated')`);
      }
      if (late.length) {
        await tx.execute(sql`update assignments set escalated_at = ${now} where id = any(${`{${late.map((a) => a.id).join(',')}}`}::uuid[])`);
        await recordAuditBatch(
          tx,
          { actor: null, systemLabel: 'deadline sweep', ip: null, requestId: null },
          late.map((a) => ({
            action: 'assignment.escalated',
            entityType: 'assignment',
            entityId: a.id,
            orgId: a.org_id,
            orgPath: a.org_path,
            after: { escalatedAt: now.toISOString() },
          })),
        );
      }
      escalated += late.length;
      return late.length;
    });
    if (n < BATCH) break;
  }
  return { reminded, escalated };
}

// an overdue unit escalates to the coordinators of its nearest ancestor that has any
const ESCALATE_TO = ['commune_coordinator', 'province_coordinator'] as const;

/** `filesDir`: where uploads live (the document import job reads them); without it, no import jobs. */
export function directiveJobs(db: Db, filesDir?: string): AnyJobDefinition[] {
  const jobs: AnyJobDefinition[] = [defineJob({ name: 'directives.deadlines', cron: '*/10 * * * *', handler: async () => void (await runDeadlineSweep(db)) })];
  if (filesDir) jobs.push(...documentImportJobs(db, new FileStore(filesDir)));
  return jobs;
}

/** Reading uploaded PDFs and photos: one job per import, and a sweep for imports whose job was lost. */
export function documentImportJobs(db: Db, files: FileStore): AnyJobDefinition[] {
  return [
    defineJob({
      name: DOCUMENT_IMPORT_JOB,
      // the import row counts attempts and the sweep retries a dead worker's import once
      retryLimit: 0,
      expireInSeconds: 30 * 60,
      // OCR takes seconds a page: one import at a time, none waiting behind another in a batch
      batchSize: 1,
      handler: async (data) => {
        // a job queued by an older version may carry anything; an import already read (or failed) is left alone
        if (typeof data?.importId === 'string') await runDocumentImport(db, files, data.importId);
      },
    }),
    defineJob({ name: 'directives.document-import-sweep', cron: '* * * * *', handler: async () => void (await sweepDocumentImports(db, files)) }),
  ];
}
