import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { readFacts, type DatabaseFacts } from './database-facts.js';
import { runPgTool } from './pg-tools.js';

/**
 * The embedded engine's consistent copy. PGlite runs one statement at a time, and every query,
 * exec and transaction of this process first takes its transaction lock; holding a transaction
 * here therefore keeps all other work waiting (and none half done) while the counts are read
 * and the data folder is dumped, so the dump and the manifest describe the same moment.
 * dumpDataDir takes only the statement lock, which our own transaction releases between
 * statements. The server pauses for the dump: 0.3 s for the demo data (a 44 MB folder), longer in
 * proportion to the folder's size, and the dump is held in memory (twice its size) while it is written.
 */
export async function snapshotPglite(pglite: PGlite): Promise<{ dump: Buffer; facts: DatabaseFacts }> {
  return pglite.transaction(async (tx) => {
    const facts = await readFacts((text) => tx.query(text));
    const blob = await pglite.dumpDataDir('none');
    return { dump: Buffer.from(await blob.arrayBuffer()), facts };
  });
}

/**
 * PostgreSQL: a repeatable-read transaction exports its snapshot, pg_dump runs in that same
 * snapshot (--snapshot) and the counts are read in it too, so neither sees a change the other
 * misses, while the server goes on serving.
 */
export async function snapshotPostgres(databaseUrl: string, dumpPath: string): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'khien-backup' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const [row] = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows;
    const facts = await readFacts((text) => client.query(text));
    await runPgTool('pg_dump', [`--snapshot=${row!.id}`, '--format=custom', '--no-owner', `--file=${dumpPath}`], databaseUrl);
    await client.query('commit');
    return facts;
  } finally {
    await client.end();
  }
}
