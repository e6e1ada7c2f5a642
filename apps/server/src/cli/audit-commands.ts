import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { auditVerifyReport } from '../platform/audit/audit-verify-report.js';
import { checkpointFileOf, createCheckpoint } from '../platform/audit/audit-checkpoint.js';
import { auditKeysFromConfig } from '../platform/audit/audit-signing.js';
import type { Cli } from './context.js';

export function registerAuditCommands(program: Command, cli: Cli): void {
  const { m } = cli;
  const audit = program.command('audit').description(m.audit.description);
  audit
    .command('verify')
    .description(m.audit.verify)
    .option('--checkpoint <file>', m.audit.checkpointFile)
    .option('--key <file>', m.audit.key)
    .action(async (o: { checkpoint?: string; key?: string }) => {
      const config = loadConfig();
      await cli.withDb(async (database) => {
        const keys = auditKeysFromConfig(config, (line) => process.stderr.write(`${line}\n`));
        const r = await auditVerifyReport(database.db, keys, { checkpointPath: o.checkpoint, keyPath: o.key, lang: cli.lang });
        for (const line of r.lines) cli.print(line);
        process.exitCode = r.exitCode;
      });
    });
  audit
    .command('checkpoint')
    .description(m.audit.checkpoint)
    .option('--out <file>', m.audit.out)
    .action(async (o: { out?: string }) => {
      const config = loadConfig();
      await cli.withDb(async ({ db }) => {
        const keys = auditKeysFromConfig(config, (line) => process.stderr.write(`${line}\n`));
        const row = (await createCheckpoint(db, { signer: keys.signer(), reason: 'on_demand', audit: cli.audit() }))!;
        cli.print(m.audit.created(row.id, row.headSeq, row.rowCount, row.keyId));
        if (o.out) {
          const file = await checkpointFileOf(db, row, keys.publicKey());
          fs.writeFileSync(o.out, `${JSON.stringify(file, null, 2)}\n`);
          cli.print(m.audit.written(o.out));
        }
      });
    });
}
