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
import { buildWorkContext } from './work-context.js';
import { hasAnyUser, seedDemo } from './demo/demo-seed.js';
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
export async function seedIfFresh(database: Database, config: Config, print: (line: string) => void): Promise<void> {
  if (database.kind !== 'pglite' || (await hasAnyUser(database.db))) return;
  await printSeed(database, config, print);
}

export async function printSeed(database: Database, config: Config, print: (line: string) => void): Promise<void> {
  if (config.adminPassword) assertPasswordAcceptable(config.adminPassword);
  const r = await seedDemo(database.db, { adminPassword: config.adminPassword });
  print('');
  print(`Đã tạo dữ liệu mẫu (demo): ${r.orgs} đơn vị, ${r.users.length} người dùng / demo data created.`);
  print(`  Quản trị / admin: ${r.adminEmail}  mật khẩu / password: ${config.adminPassword ? '(KHIEN_ADMIN_PASSWORD)' : r.adminPassword}`);
  print(`  Người dùng mẫu khác / other demo users (mật khẩu chung / shared password: ${r.demoPassword}):`);
  for (const u of r.users.slice(1)) print(`    ${u.role.padEnd(22)} ${u.email}`);
  print('  Mật khẩu chỉ hiện một lần; hãy lưu lại / shown only once, keep it.');
  print('');
}

export interface Running {
  app: FastifyInstance;
  database: Database;
  jobs: Jobs | null;
  address: string;
  stop(): Promise<void>;
}

export async function serve(config: Config, opts: { worker: boolean; print: (line: string) => void }): Promise<Running> {
  const database = await openMigrated(config);
  let app: FastifyInstance | undefined;
  let control: ControlChannel | null = null;
  try {
    await seedIfFresh(database, config, opts.print);
    // embedded: this process owns the data folder, so an import still "running" died with the last one
    await interruptDeadImports(database.db, { everyRunning: database.kind === 'pglite' });
    app = await buildApp({ database, config });
    const address = await app.listen({ port: config.port, host: config.host });
    opts.print(`Khiên đang chạy tại / listening at ${address}  (${database.kind === 'pglite' ? `nhúng / embedded: ${config.dataDir}` : 'PostgreSQL'})`);
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
    const server = app;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await control?.close();
        await server.close();
        await jobs.stop().catch(() => undefined);
        await database.close();
      })());
    return { app: server, database, jobs, address, stop };
  } catch (err) {
    await control?.close();
    await app?.close();
    await database.close();
    throw err;
  }
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
    ...auditCheckpointJobs(
      database.db,
      auditKeysFromConfig(config, (m) => console.warn(m)),
      config.auditCheckpointMinutes,
    ),
  ];
}
