import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './backup-format.js';

export type PgTool = 'pg_dump' | 'pg_restore';

/** Debian keeps each major version's client tools apart; newest first, since pg_dump must not be older than the server. */
function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v));
  } catch {
    // no PostgreSQL packages installed
  }
  return versions.sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin'));
}

/** `KHIEN_PG_BIN` (a folder) first, then PATH, then /usr/lib/postgresql/<newest>/bin. */
export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string {
  const dirs = [...(env.KHIEN_PG_BIN ? [env.KHIEN_PG_BIN] : []), ...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...debianBinDirs()];
  for (const dir of dirs) {
    const candidate = path.join(dir, tool);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new BackupError(
    `Không tìm thấy ${tool}. Hãy cài gói postgresql-client cùng phiên bản với máy chủ PostgreSQL (hoặc mới hơn), hoặc đặt KHIEN_PG_BIN là thư mục chứa nó. / ` +
      `${tool} not found: install the PostgreSQL client tools (the server's version or newer) or point KHIEN_PG_BIN at their folder.`,
  );
}

/**
 * The connection for libpq's tools without the password on the command line, where any user
 * of the machine could read it in `ps`: the URL loses its password, which travels in
 * PGPASSWORD (readable only by the same user and root).
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Host, port and database only: what messages may show of DATABASE_URL. */
export function describeDatabase(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}

/** Runs a PostgreSQL client tool (never through a shell); its stderr becomes the error message. */
export function runPgTool(tool: PgTool, args: string[], databaseUrl: string): Promise<void> {
  const bin = findPgTool(tool);
  const conn = libpqConnection(databaseUrl);
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      [`--dbname=${conn.dbname}`, ...args],
      { env: { ...process.env, ...conn.env, PGAPPNAME: `khien-${tool}` }, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (err, _stdout, stderr) => {
        if (!err) return resolve();
        const detail = String(stderr).trim().split('\n').slice(-8).join('\n') || err.message;
        reject(new BackupError(`${tool} thất bại / ${tool} failed (${bin}):\n${detail}`));
      },
    );
  });
}
