import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ImportOptionsSchema, type ImportRowError } from '@khien/contracts';
import { importOrgs } from '../modules/orgs/index.js';
import { getImport, runImportNow, startImportFromPath } from '../modules/inventory/index.js';
import { CliError, zodIssueWords, type Cli } from './context.js';
import { additionLines, surpriseReasons, surprisesOf } from './org-guard.js';

const SHOWN_ERRORS = 200;

/** `khien org import` and `khien import <kind>`: the two file imports, their row errors in the run's language. */
export function registerImportCommands(program: Command, cli: Cli): void {
  const { m, lang } = cli;
  const said = (e: ImportRowError) => e.text[lang];

  program
    .command('org')
    .description(m.org.description)
    .command('import <file>')
    .description(m.org.import)
    .option('--parent <codeOrId>', m.org.parent)
    .option('--dry-run', m.org.dryRun)
    .option('--skip-errors', m.org.skipErrors)
    .option('--yes', m.org.yes)
    .action(async (file: string, o: { parent?: string; dryRun?: boolean; skipErrors?: boolean; yes?: boolean }) => {
      const data = fs.readFileSync(file);
      await cli.withDb(async ({ db }) => {
        const parent = o.parent ? await cli.orgByCodeOrId(db, o.parent) : undefined;
        const r = await importOrgs(
          db,
          cli.actor(),
          { data, filename: path.basename(file) },
          {
            dryRun: Boolean(o.dryRun),
            onError: o.skipErrors ? 'skip' : 'abort',
            parentId: parent?.id,
            lang,
            // provinces under a province (the national list under the wrong org) and the like: asked first
            stopIf: o.yes || o.dryRun ? undefined : (added) => surprisesOf(added).any,
          },
          cli.audit(),
        );
        for (const e of r.errors) cli.print(m.org.row(e.row, e.field, said(e)));
        const under = parent?.name ?? m.org.topLevel;
        if (r.stopped) {
          for (const line of additionLines(m, r.added, under)) cli.print(line);
          cli.print(m.org.why(surpriseReasons(m, surprisesOf(r.added))));
          cli.print(m.org.askYes);
          process.exitCode = 1;
          return;
        }
        if (r.dryRun && r.added.length > 0) for (const line of additionLines(m, r.added, under)) cli.print(line);
        cli.print(m.org.summary({ dryRun: r.dryRun, rows: r.rows, created: r.created, updated: r.updated, errors: r.errors.length }));
        if (r.errors.length > 0 && !o.skipErrors) process.exitCode = 1;
      });
    });

  program
    .command('import <kind> <file>')
    .description(m.inventory.description)
    .requiredOption('--org <codeOrId>', m.inventory.org)
    .option('--format <format>', m.inventory.format)
    .option('--on-error <mode>', m.inventory.onError)
    .option('--dry-run', m.inventory.dryRun)
    .action(async (kind: string, file: string, o: { org: string; format?: string; onError?: string; dryRun?: boolean }) => {
      const opts = ImportOptionsSchema.safeParse({
        orgId: '00000000-0000-0000-0000-000000000000',
        kind,
        format: o.format,
        onError: o.onError ?? 'refuse',
        dryRun: Boolean(o.dryRun),
      });
      const names: Record<string, string> = { onError: 'on-error' };
      if (!opts.success) throw new CliError(opts.error.issues.map((i) => zodIssueWords(m, i, (p) => names[p] ?? p)).join('; '));
      await cli.withDb(async ({ db }) => {
        const org = await cli.orgByCodeOrId(db, o.org);
        const id = await startImportFromPath(db, cli.actor(), { ...opts.data, orgId: org.id }, path.resolve(file), cli.audit());
        let last = 0;
        const started = performance.now();
        const cpu0 = process.cpuUsage();
        await runImportNow(db, id, cli.audit(), (p) => {
          if (Date.now() - last < 2000) return;
          last = Date.now();
          process.stderr.write(
            `${m.inventory.progress(m.inventory.phases[p.phase] ?? p.phase, (p.bytesDone / 1048576).toFixed(0), p.rowsRead, p.rowsFailed)}\n`,
          );
        });
        const cpu = process.cpuUsage(cpu0);
        process.stderr.write(`${m.inventory.time(((performance.now() - started) / 1000).toFixed(1), ((cpu.user + cpu.system) / 1e6).toFixed(1))}\n`);
        const r = await getImport(db, cli.actor(), id);
        for (const e of r.errors.slice(0, SHOWN_ERRORS)) cli.print(m.inventory.row(e.row, e.field, said(e)));
        const more = Math.max(r.errors.length, r.rowsFailed) - SHOWN_ERRORS;
        if (more > 0) cli.print(m.inventory.more(more));
        if (r.messageText) cli.print(r.messageText[lang]);
        cli.print(
          m.inventory.summary({
            dryRun: r.dryRun,
            status: r.status,
            statusWords: m.inventory.statuses[r.status] ?? r.status,
            rows: r.rowsRead,
            created: r.created,
            updated: r.updated,
            errors: r.rowsFailed,
          }),
        );
        if (r.status !== 'done' || (r.rowsFailed > 0 && opts.data.onError === 'refuse')) process.exitCode = 1;
      });
    });
}
