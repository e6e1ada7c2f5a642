import pg from 'pg';
import { GENESIS_HASH } from '../audit/audit-hash.js';
import { BackupError, type BackupManifest } from './backup-format.js';

/** Any client that answers raw SQL with `{ rows }`: a PGlite transaction, a pg.Client, Database.executeSql. */
export type RawQuery = (text: string) => Promise<{ rows: unknown[] }>;

export interface DatabaseFacts {
  tables: Record<string, number>;
  audit: BackupManifest['audit'];
  files: BackupManifest['files'];
  engineVersion: string;
}

// every table outside the catalogs: ours, drizzle's migration journal and pg-boss's queue alike
const TABLES_SQL = `select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
  order by 1, 2`;

type Row = Record<string, string | null>;

// ordered by the column, not by its text alias ('99' sorts after '104')
const HEAD_SQL = 'select a.seq::text as last_seq, a.hash from public.audit_log a order by a.seq desc limit 1';

export async function findTables(q: RawQuery): Promise<string[]> {
  const rows = (await q(TABLES_SQL)).rows as Row[];
  return rows.map((r) => `${r.schema}.${r.name}`);
}

/** Exact row counts of every table, in one statement so that it sees one moment. */
export async function countRows(q: RawQuery): Promise<Record<string, number>> {
  const rows = (await q(TABLES_SQL)).rows as Row[];
  if (rows.length === 0) return {};
  const parts = rows.map(
    (r) =>
      `select ${pg.escapeLiteral(`${r.schema}.${r.name}`)} as t, count(*)::text as n from ${pg.escapeIdentifier(r.schema!)}.${pg.escapeIdentifier(r.name!)}`,
  );
  const counted = (await q(parts.join(' union all '))).rows as Row[];
  // code-point order, not locale order: the manifest must read the same on every machine
  return Object.fromEntries(counted.map((r) => [r.t!, Number(r.n)]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

/** What a backup records of a database; call it inside the snapshot the dump is taken from. */
export async function readFacts(q: RawQuery): Promise<DatabaseFacts> {
  const tables = await countRows(q);
  if (!('public.audit_log' in tables) || !('public.files' in tables))
    throw new BackupError('Cơ sở dữ liệu chưa có bảng của Khiên (chưa chạy migrate?) / the database has no Khiên tables (not migrated?)');
  const [head] = (await q(HEAD_SQL)).rows as Row[];
  const files = (await q('select sha256, max(size_bytes)::text as bytes, min(filename) as filename from public.files group by sha256 order by sha256'))
    .rows as Row[];
  const [version] = (await q('select version() as v')).rows as Row[];
  return {
    tables,
    audit: { rows: tables['public.audit_log']!, lastSeq: Number(head?.last_seq ?? 0), lastHash: head?.hash ?? GENESIS_HASH },
    files: files.map((f) => ({ sha256: f.sha256!, bytes: Number(f.bytes), filename: f.filename ?? '' })),
    engineVersion: version?.v ?? '',
  };
}

/** The tables whose counts differ from the manifest's, each as "name: restored ≠ expected". */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((n) => expected[n] !== actual[n]).map((n) => `${n}: ${actual[n] ?? '—'} ≠ ${expected[n] ?? '—'}`);
}

/** The chain's head as a restored database has it, to hold against the manifest. */
export async function readAuditHead(q: RawQuery): Promise<{ lastSeq: number; lastHash: string }> {
  const [head] = (await q(HEAD_SQL)).rows as Row[];
  return { lastSeq: Number(head?.last_seq ?? 0), lastHash: head?.hash ?? GENESIS_HASH };
}
