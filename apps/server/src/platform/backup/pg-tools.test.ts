import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDatabase, findPgTool, libpqConnection } from './pg-tools.js';

describe('PostgreSQL client tools', () => {
  it('keeps the password off the command line: the URL loses it, PGPASSWORD carries it', () => {
    const c = libpqConnection('postgres://khien:p%40ss%20w0rd@db.tinh.gov.vn:5432/khien?sslmode=require');
    expect(c.dbname).toBe('postgres://khien@db.tinh.gov.vn:5432/khien?sslmode=require');
    expect(c.env).toEqual({ PGPASSWORD: 'p@ss w0rd' });
    expect(libpqConnection('postgres://postgres@127.0.0.1:5432/postgres').env).toEqual({});
  });

  it('names a database in messages by host, port and name only', () => {
    expect(describeDatabase('postgres://khien:secret@db:6432/khien')).toBe('db:6432/khien');
  });

  it('looks in KHIEN_PG_BIN first, then PATH, and says what to install when there is none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-pgbin-'));
    try {
      fs.writeFileSync(path.join(dir, 'pg_dump'), '#!/bin/sh\n', { mode: 0o755 });
      expect(findPgTool('pg_dump', { KHIEN_PG_BIN: dir, PATH: '/usr/bin' })).toBe(path.join(dir, 'pg_dump'));
      expect(findPgTool('pg_dump', { PATH: dir })).toBe(path.join(dir, 'pg_dump'));
      if (!fs.existsSync('/usr/lib/postgresql')) expect(() => findPgTool('pg_restore', { PATH: dir })).toThrow(/postgresql-client/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
