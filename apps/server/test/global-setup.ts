import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { loadConfig } from '../src/platform/config.js';
import { installJobs } from '../src/platform/jobs/index.js';
import { allJobs } from '../src/server.js';
import { TEMPLATE_DB_NAME, TEMPLATE_FILE } from './template.js';

/**
 * Migrates once per run: a dumped PGlite folder on disk, or a PostgreSQL
 * template database when DATABASE_URL is set; each test file clones it.
 * Like `openMigrated`, with the job queues: a request that enqueues finds them.
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
    await migrateLikeAServer(d);
    await d.close();
    return;
  }
  const d = await openDatabase({ memory: true });
  await migrateLikeAServer(d);
  const dump = await d.pglite!.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await d.close();
}

async function migrateLikeAServer(d: Database): Promise<void> {
  await d.migrate();
  await installJobs(d, allJobs(d, loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv)));
}
