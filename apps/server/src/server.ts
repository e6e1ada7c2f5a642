import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/client.js';
import { installJobs, startJobs, type AnyJobDefinition, type Jobs } from './platform/jobs/index.js';
import { createMailer } from './platform/mail.js';
import { directiveJobs } from './modules/directives/index.js';
import { notificationJobs } from './modules/notifications/index.js';
import { allNotificationTemplates } from './notification-templates.js';
import { interruptDeadImports, inventoryJobs } from './modules/inventory/index.js';
import { usersJobs } from './modules/users/index.js';
import { workJobs } from './modules/work/index.js';
import { dutyJobs } from './modules/duty/index.js';
import { AlertWorker, startSyslog, type SyslogListener } from './modules/alerts/index.js';
import { findOrgByAdminCode, getOrgRef } from './modules/orgs/index.js';
import { sql } from 'drizzle-orm';
import { queryRows } from './platform/db/client.js';
import { buildWorkContext } from './work-context.js';
import { hasAnyUser, seedDemo, type SeedResult } from './demo/demo-seed.js';
import { assertPasswordAcceptable } from './platform/auth/passwords.js';
import { serveBackups, type ControlChannel } from './platform/backup/index.js';
import { auditCheckpointJobs } from './platform/audit/audit-checkpoint.js';
import { auditKeysFromConfig } from './platform/audit/audit-signing.js';

/**
 * Opens the database, applies the migrations and creates the job queues: every process does,
 * web processes included, so a job enqueued before any worker started finds its queue (and
 * waits there for a worker).
 */
export async function openMigrated(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    await installJobs(database, allJobs(database, config));
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** First start in embedded mode: a demo province so that there is something to try. */
export async function seedIfFresh(database: Database, config: Config): Promise<SeedResult | null> {
  if (database.kind !== 'pglite' || (await hasAnyUser(database.db))) return null;
  return seedDemoData(database, config);
}

/** The demo province, with the admin password of KHIEN_ADMIN_PASSWORD if set; the passwords come back to be shown once. */
export async function seedDemoData(database: Database, config: Config): Promise<SeedResult> {
  if (config.adminPassword) assertPasswordAcceptable(config.adminPassword);
  return seedDemo(database.db, { adminPassword: config.adminPassword });
}

export interface Running {
  app: FastifyInstance;
  database: Database;
  jobs: Jobs | null;
  address: string;
  /** the syslog listener, when KHIEN_SYSLOG_PORT is set */
  syslog: SyslogListener | null;
  /** the demo province this start created (first embedded start), null otherwise */
  seeded: SeedResult | null;
  stop(): Promise<void>;
}

export async function serve(config: Config, opts: { worker: boolean }): Promise<Running> {
  const database = await openMigrated(config);
  let app: FastifyInstance | undefined;
  let control: ControlChannel | null = null;
  let syslog: SyslogListener | null = null;
  // every process that takes alerts also routes and tells them: the duty officer hears in under a second
  const alertWorker = new AlertWorker(database.db);
  try {
    const seeded = await seedIfFresh(database, config);
    // embedded: this process owns the data folder, so an import still "running" died with the last one
    await interruptDeadImports(database.db, { everyRunning: database.kind === 'pglite' });
    app = await buildApp({ database, config, alertWorker });
    // the caller prints where it listens, in its start-up block; Fastify's own line only with the request log
    const level = app.log.level;
    if (!config.logRequests) app.log.level = 'warn';
    const address = await app.listen({ port: config.port, host: config.host });
    app.log.level = level;
    // embedded: only this process may open the data folder, so `khien backup` asks it for the copy
    if (database.kind === 'pglite') control = await openControl(app, database, config);
    // workers start after the first page can be served (the queues exist since openMigrated).
    // Embedded mode has one process, so it always runs the jobs itself.
    const jobs = await startJobs(database, {
      databaseUrl: config.databaseUrl,
      work: opts.worker || database.kind === 'pglite',
      definitions: allJobs(database, config),
      onError: (err, job) => app?.log.error({ err, job }, 'job failed'),
    });
    alertWorker.onError = (err) => app?.log.error({ err }, 'alert processing failed');
    alertWorker.start();
    if (config.syslog.port !== undefined) syslog = await openSyslog(database, config, alertWorker);
    const server = app;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await control?.close();
        await syslog?.close();
        await server.close();
        await alertWorker.stop();
        await jobs.stop().catch(() => undefined);
        await database.close();
      })());
    return { app: server, database, jobs, address, seeded, syslog, stop };
  } catch (err) {
    await control?.close();
    await syslog?.close();
    await alertWorker.stop();
    await app?.close();
    await database.close();
    throw err;
  }
}

/** The syslog listener speaks for KHIEN_SYSLOG_ORG (an org id or admin code), else the first top-level org. */
export async function openSyslog(database: Database, config: Config, worker: AlertWorker | null): Promise<SyslogListener> {
  const key = config.syslog.org;
  let org = key ? ((/^[0-9a-f-]{36}$/i.test(key) ? await getOrgRef(database.db, key) : undefined) ?? (await findOrgByAdminCode(database.db, key))) : undefined;
  if (!org && !key) {
    const [top] = await queryRows<{ id: string }>(database.db, sql`select id from orgs where parent_id is null order by created_at, id limit 1`);
    if (top) org = await getOrgRef(database.db, top.id);
  }
  if (!org) throw new Error(`KHIEN_SYSLOG_ORG: không tìm thấy đơn vị / no such org: ${key ?? '(no org yet)'}`);
  return startSyslog(database.db, {
    host: config.syslog.host,
    port: config.syslog.port!,
    sender: { orgId: org.id, orgPath: org.path, tokenId: null },
    onStored: () => worker?.kickSoon(),
    onError: (err) => console.error('syslog:', err),
  });
}

/** Without a control channel (a socket path too long, say) the server still runs; backups then need it stopped. */
async function openControl(app: FastifyInstance, database: Database, config: Config): Promise<ControlChannel | null> {
  try {
    return await serveBackups(database, config, (message, err) => app.log.error({ err }, message));
  } catch (err) {
    app.log.warn({ err }, 'control channel unavailable: `khien backup` needs the server stopped');
    return null;
  }
}

/** Every job of the product: its queues are created by every process, its handlers run by `serve` (embedded, or unless --no-worker) and `worker`. */
export function allJobs(database: Database, config: Config): AnyJobDefinition[] {
  return [
    ...usersJobs(database.db),
    ...notificationJobs(database.db, createMailer(config), { templates: allNotificationTemplates(), publicUrl: config.publicUrl }),
    ...directiveJobs(database.db, config.filesDir),
    ...inventoryJobs(database.db),
    ...workJobs(buildWorkContext(), database.db),
    ...dutyJobs(database.db),
    ...auditCheckpointJobs(
      database.db,
      auditKeysFromConfig(config, (m) => console.warn(m)),
      config.auditCheckpointMinutes,
    ),
  ];
}
