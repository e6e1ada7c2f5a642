import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.js';
import { TEMPLATE_DB_NAME, TEMPLATE_FILE } from './template.js';

/**
 * Migrates once per run: a dumped PGlite folder on disk, or a PostgreSQL
 * template database when DATABASE_URL is set; each test file clones it.
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB_NAME}`);
    await admin.query(`create database ${TEMPLATE_DB_NAME}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB_NAME}`;
    const d = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
    await d.migrate();
    await d.close();
    return;
  }
  const d = await openDatabase({ memory: true });
  await d.migrate();
  const dump = await d.pglite!.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await d.close();
}
