import PgBoss from 'pg-boss';
import type { Db } from '../../platform/db/client.js';

export const DOCUMENT_IMPORT_JOB = 'directives.document-import';

interface QueryClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const producers = new WeakMap<object, PgBoss>();

/**
 * A pg-boss that only sends, through the app's own database handle (pg pool or PGlite):
 * the web process has no job runner of its own (`serve --no-worker`, or jobs still
 * starting), yet the job must land in the same queue a `khien worker` reads. pg-boss
 * inserts a job with one SQL statement and needs no `start()` for it.
 */
function producerFor(db: Db): PgBoss {
  const client = (db as unknown as { $client: QueryClient }).$client;
  let boss = producers.get(client);
  if (!boss) {
    boss = new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values ?? []) as never } });
    producers.set(client, boss);
  }
  return boss;
}

/**
 * Asks a worker to read this import now. False when the queue is not there yet (pg-boss
 * creates it when the job runner first starts); the import row stays queued and the
 * minute sweep runs it, so nothing is lost either way.
 */
export async function enqueueDocumentImport(db: Db, importId: string): Promise<boolean> {
  try {
    const id = await producerFor(db).send(DOCUMENT_IMPORT_JOB, { importId }, { retryLimit: 0, expireInSeconds: 30 * 60 });
    return id !== null;
  } catch {
    return false;
  }
}
