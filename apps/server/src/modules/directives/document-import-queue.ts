import type { Db } from '../../platform/db/client.js';
import { enqueue, jobName } from '../../platform/jobs/index.js';

export const DOCUMENT_IMPORT_JOB = jobName<{ importId: string }>('directives.document-import');

/**
 * Asks a worker to read this import, in the transaction that writes its row: the job exists
 * exactly when the row does. The web process needs no job runner of its own (`serve
 * --no-worker`); the job lands in the queue a `khien worker` reads. The minute sweep still
 * runs an import whose worker died.
 */
export async function enqueueDocumentImport(tx: Db, importId: string): Promise<void> {
  await enqueue(tx, DOCUMENT_IMPORT_JOB, { importId });
}
