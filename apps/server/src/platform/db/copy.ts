import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.js';

/** The node-postgres connection under a drizzle transaction on PostgreSQL; null on PGlite. */
function pgClientOf(tx: Db): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function field(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

function* lines(rows: readonly (readonly (string | number | boolean | null)[])[]): Generator<string> {
  for (let i = 0; i < rows.length; i += 1000) {
    let chunk = '';
    for (const r of rows.slice(i, i + 1000)) chunk += `${r.map(field).join('\t')}\n`;
    yield chunk;
  }
}

/**
 * Bulk insert with COPY … FROM STDIN inside the caller's transaction: on PostgreSQL about twice
 * as fast as INSERT … SELECT over a JSON parameter. Returns false where COPY from a client stream
 * is not available (PGlite), so the caller inserts another way. `table` and `columns` are
 * identifiers from code, never from input.
 */
export async function copyRows(
  tx: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): Promise<boolean> {
  const client = pgClientOf(tx);
  if (!client) return false;
  if (rows.length === 0) return true;
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(lines(rows)), stream);
  return true;
}
