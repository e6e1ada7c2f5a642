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
import * as schema from '../../db-schema.js';
import { acquireDataDirLock } from './lock.js';

export type Schema = typeof schema;
/** One handle type for both engines; a transaction is a Db too, so repos take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

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
  /** A dumped, migrated data folder to start from (tests). */
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
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async executeSql(text, values = []) {
      const r = await pool.query(text, values as unknown[]);
      return { rows: r.rows as Record<string, unknown>[] };
    },
    async migrate() {
      await migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_DIR });
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
      client = await PGlite.create(path.join(dir, 'pg'), { extensions: { ltree } });
    } catch (err) {
      release();
      throw err;
    }
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
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
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
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
