import { Command, Help } from 'commander';
import { cliLanguage } from './platform/words.js';
import { registerBackupCommands } from './platform/backup/index.js';
import { CliError, createCli, errorLine } from './cli/context.js';
import { registerAuditCommands } from './cli/audit-commands.js';
import { registerDirectiveCommands } from './cli/directive-commands.js';
import { registerImportCommands } from './cli/import-commands.js';
import { registerServerCommands } from './cli/server-commands.js';
import { registerUserCommands } from './cli/user-commands.js';

// `khien`: Vietnamese by default, English with --lang en or an English LANG/LC_ALL. The language is
// read before the commands are built, so that their help is in it too.
const lang = cliLanguage(process.argv.slice(2), process.env);
const cli = createCli(lang);
const { m } = cli;

const program = new Command('khien')
  .description(m.program)
  .option('--lang <lang>', m.langOption)
  .helpOption('-h, --help', m.helpOption)
  .helpCommand('help [command]', m.helpCommand)
  .configureHelp({
    styleTitle: (title) => m.titles[title] ?? title,
    commandUsage: (cmd) => m.usage.reduce((usage, [token, words]) => usage.replace(token, words), Help.prototype.commandUsage.call(new Help(), cmd)),
  })
  .configureOutput({
    // commander's own mistakes ("unknown option", "required option not specified") in words
    outputError: (text, write) => write(m.commander.reduce((s, [pattern, words]) => s.replace(pattern, words), text)),
  })
  .showHelpAfterError(m.helpHint);

registerServerCommands(program, cli);
registerUserCommands(program, cli);
registerImportCommands(program, cli);
registerAuditCommands(program, cli);
registerBackupCommands(program, { print: cli.print, audit: cli.audit, lang });
registerDirectiveCommands(program, cli);

program.parseAsync(process.argv).catch((err: unknown) => {
  // one line, in words; the whole error (stack included) with KHIEN_DEBUG=1
  process.stderr.write(`${errorLine(m, lang, err)}\n`);
  if (process.env.KHIEN_DEBUG && !(err instanceof CliError)) console.error(err);
  process.exit(1);
});
