import type { Db } from '../../platform/db/client.js';
import { defineJob, type AnyJobDefinition } from '../../platform/jobs/index.js';
import { FileStore } from '../../platform/files/files.js';
import { DOCUMENT_IMPORT_JOB } from './document-import-queue.js';
import { runDocumentImport, sweepDocumentImports } from './document-imports.service.js';

/** `filesDir`: where uploads live (the document import job reads them); without it, no import jobs. */
export function directiveJobs(db: Db, filesDir?: string): AnyJobDefinition[] {
  // reminders and escalation of assignments are the work module's timers (directive-work.ts sets the policy)
  const jobs: AnyJobDefinition[] = [];
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
