import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './lock.js';

/**
 * One handle type for both engines; a transaction is a Db too, so repos take either.
 * No schema: the platform knows no module's tables (the linter holds it to that). Queries
 * name their tables (drizzle's builders, or SQL); drizzle's relational `db.query.*` API,
 * the one thing a schema would add, is used nowhere.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL for pg-boss and admin tasks: same contract on both engines. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Only for PGlite: the engine, so tests can dump and clone a migrated template. */
  pglite?: PGlite;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../db/migrations');

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A dumped data folder to start from: a migrated template (tests), a backup being restored (into an empty dataDir). */
  loadDataDir?: Blob;
  /** In-memory PGlite (tests); no lock file. */
  memory?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // an idle client that errors (server restart) must not crash the process
  pool.on('error', () => undefined);
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async executeSql(text, values = []) {
      const r = await pool.query(text, values as unknown[]);
      return { rows: r.rows as Record<string, unknown>[] };
    },
    async migrate() {
      await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR });
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  let release: (() => void) | undefined;
  let client: PGlite;
  if (opts.memory) {
    client = await PGlite.create({ extensions: { ltree }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  } else {
    const dir = path.resolve(opts.dataDir ?? './data');
    release = acquireDataDirLock(dir);
    try {
      client = await PGlite.create(path.join(dir, 'pg'), { extensions: { ltree }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
    } catch (err) {
      release();
      throw err;
    }
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async executeSql(text, values = []) {
      // pg-boss sends multi-statement scripts without parameters: those need the simple protocol
      if (values.length === 0) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }
      const r = await client.query(text, values as unknown[]);
      return { rows: r.rows as Record<string, unknown>[] };
    },
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    },
    async close() {
      try {
        await client.close();
      } finally {
        release?.();
      }
    },
  };
}

/** Raw SQL rows on either engine (both drivers answer with `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/**
 * A fixed, hot statement sent straight to the driver: no query building, no row mapping and,
 * on PGlite, none of drizzle's per-query type-parser overrides (PGlite copies its whole parser
 * table, some 370 entries, for every query that brings its own: about 0.1 ms a query).
 * Rows come back as each driver decodes them by default, so select text, integers and
 * booleans only (cast the rest to text). With `name` the statement is parsed once per
 * connection and its plan may become a generic one: name only statements whose best plan
 * does not depend on the values. Needs the root handle, not a transaction.
 */
export async function queryHot<T>(db: Db, q: HotQuery): Promise<T[]> {
  const client = (db as unknown as { $client?: PGlite | pg.Pool }).$client;
  if (client instanceof PGlite) return pgliteHot<T>(client, q);
  if (client instanceof pg.Pool) return (await client.query<T & pg.QueryResultRow>(q.name ? { name: q.name, text: q.text, values: q.values } : q)).rows;
  throw new Error('queryHot needs the database handle from openDatabase, not a transaction');
}

export interface HotQuery {
  text: string;
  values: (string | number | boolean | null)[];
  name?: string;
}

const preparedOn = new WeakMap<PGlite, Map<string, Promise<unknown>>>();

/**
 * PGlite's extended protocol costs two trips through the engine per query (describe, then
 * bind and execute), and has no named statements. A named hot statement is PREPAREd once and
 * run with EXECUTE over the simple protocol, its values written as escaped literals.
 */
async function pgliteHot<T>(client: PGlite, q: HotQuery): Promise<T[]> {
  if (!q.name) return (await client.query<T>(q.text, q.values)).rows;
  if (!/^[a-z_][a-z0-9_]*$/.test(q.name)) throw new Error(`bad statement name ${q.name}`);
  let prepared = preparedOn.get(client);
  if (!prepared) preparedOn.set(client, (prepared = new Map()));
  let ready = prepared.get(q.name);
  if (!ready) {
    ready = client.exec(`prepare ${q.name} as ${q.text}`);
    prepared.set(q.name, ready);
    ready.catch(() => prepared.delete(q.name!));
  }
  await ready;
  const args = q.values.length ? `(${q.values.map(sqlLiteral).join(', ')})` : '';
  const [r] = await client.exec(`execute ${q.name}${args}`);
  return (r?.rows ?? []) as T[];
}

function sqlLiteral(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  return pg.escapeLiteral(v);
}

const noMarker = new WeakSet<PGlite>();

/**
 * A value that changes whenever anything in the database may have changed — for caches that
 * must never serve stale data — or null when there is none to trust.
 * PGlite: the WAL insert position. One engine runs one statement at a time, in this process
 * only (the data folder is locked); a query waits while any transaction is open, and every
 * change writes WAL before it ends. So a page read after the marker, while the marker stays
 * the same, is still what the database holds. (Reads may move it too — pruning, hint bits —
 * which only costs a miss.) PostgreSQL: null. Other processes write, and a commit becomes
 * visible a moment after its WAL record, so the same reasoning does not hold there.
 */
/** Whether this handle is the embedded engine. */
export function isPglite(db: Db): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof PGlite;
}

export async function changeMarker(db: Db): Promise<string | null> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof PGlite) || noMarker.has(client)) return null;
  try {
    const [r] = await queryHot<{ lsn: string }>(db, { name: 'khien_change_marker', text: 'select pg_current_wal_insert_lsn()::text as lsn', values: [] });
    return r?.lsn ?? null;
  } catch {
    // an engine build without it: no caching, rather than an error on every read
    noMarker.add(client);
    return null;
  }
}
