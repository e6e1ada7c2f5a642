import { AlertWorker } from '../modules/alerts/index.js';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { startJobs } from '../platform/jobs/index.js';
import { usersRepo } from '../modules/users/index.js';
import { allJobs, openMigrated, seedDemoData, serve } from '../server.js';
import { CliError, type Cli } from './context.js';
import { startupLines } from './startup-block.js';

/** How long a stop may take before the process gives up waiting and exits anyway. */
const STOP_DEADLINE_MS = 10_000;

/**
 * SIGINT and SIGTERM stop the process cleanly (server closed, jobs stopped, the embedded database
 * closed and its lock released), once: a second signal while stopping (Ctrl-C pressed twice, or
 * `npm start` passing on the terminal's SIGINT the child got already) does not cut the stop short.
 */
function stopOnSignals(cli: Cli, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${cli.m.serve.stopping}\n`);
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    void stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

export function registerServerCommands(program: Command, cli: Cli): void {
  const { m } = cli;
  program
    .command('serve')
    .description(m.serve.description)
    .option('--no-worker', m.serve.noWorker)
    .action(async (opts: { worker: boolean }) => {
      const config = loadConfig();
      const running = await serve(config, { worker: opts.worker });
      const facts = {
        address: running.address,
        engine: running.database.kind,
        dataDir: config.dataDir,
        seeded: running.seeded,
        adminPasswordFromEnv: Boolean(config.adminPassword),
        logRequests: config.logRequests,
      };
      for (const line of startupLines(m, facts)) cli.print(line);
      stopOnSignals(cli, () => running.stop());
    });

  program
    .command('migrate')
    .description(m.migrate.description)
    .action(async () => {
      await cli.withDb(async (d) => cli.print(m.migrate.done(d.kind)));
    });

  program
    .command('worker')
    .description(m.worker.description)
    .action(async () => {
      const config = loadConfig();
      const database = await openMigrated(config);
      const jobs = await startJobs(database, {
        databaseUrl: config.databaseUrl,
        work: true,
        definitions: allJobs(database, config),
        onError: (err, job) => console.error(job ? `job ${job}:` : 'jobs:', err),
      });
      // the alert timers are rows: any number of workers share them (for update skip locked)
      const alerts = new AlertWorker(database.db);
      alerts.onError = (err) => console.error('alerts:', err);
      alerts.start();
      cli.print(m.worker.running(database.kind));
      stopOnSignals(cli, () =>
        alerts
          .stop()
          .then(() => jobs.stop())
          .then(() => database.close()),
      );
    });

  program
    .command('demo')
    .description(m.seed.demoDescription)
    .command('seed')
    .description(m.seed.seedDescription)
    .action(async () => {
      const config = loadConfig();
      await cli.withDb(async (database) => {
        if (await usersRepo.findUserByEmail(database.db, 'admin@khien.local')) throw new CliError(m.seed.alreadyPresent);
        const seeded = await seedDemoData(database, config);
        const facts = {
          address: null,
          engine: database.kind,
          dataDir: config.dataDir,
          seeded,
          adminPasswordFromEnv: Boolean(config.adminPassword),
          logRequests: true,
        };
        for (const line of startupLines(m, facts)) cli.print(line);
      });
    });
}
