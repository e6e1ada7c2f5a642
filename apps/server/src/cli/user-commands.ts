import type { Command } from 'commander';
import { CreateUserBodySchema, RoleSchema, type Role } from '@khien/contracts';
import { addGrant, createUser, resetPassword, resetTotp, usersRepo } from '../modules/users/index.js';
import { CliError, zodIssueWords, type Cli } from './context.js';

// the API's own rules for a new person, checked before anything is written
const NewUserSchema = CreateUserBodySchema.pick({ email: true, fullName: true }).extend({ role: RoleSchema.optional() });

export function registerUserCommands(program: Command, cli: Cli): void {
  const { m } = cli;
  const user = program.command('user').description(m.user.description);
  user
    .command('create')
    .description(m.user.create)
    .requiredOption('--email <email>', m.user.email)
    .requiredOption('--name <fullName>', m.user.name)
    .requiredOption('--org <codeOrId>', m.user.org)
    .option('--role <role>', m.user.role(RoleSchema.options.join(', ')))
    .option('--grant-org <codeOrId>', m.user.grantOrg)
    .action(async (o: { email: string; name: string; org: string; role?: string; grantOrg?: string }) => {
      // every problem, naming the option: "Trường email: không phải địa chỉ e-mail hợp lệ"
      const parsed = NewUserSchema.safeParse({ email: o.email, fullName: o.name, role: o.role });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => zodIssueWords(m, i, (p) => (p === 'fullName' ? 'name' : p))).join('; '));
      const input = parsed.data;
      await cli.withDb(async ({ db }) => {
        const home = await cli.orgByCodeOrId(db, o.org);
        const role: Role | undefined = input.role;
        const { user: u, temporaryPassword } = await createUser(
          db,
          null,
          { email: input.email, fullName: input.fullName, phone: null, homeOrgId: home.id, locale: cli.lang },
          cli.audit(),
        );
        if (role) {
          const grantOrg = role === 'system_admin' ? null : await cli.orgByCodeOrId(db, o.grantOrg ?? o.org);
          await addGrant(db, cli.actor(), u.id, { role, orgId: grantOrg?.id ?? null }, cli.audit());
        }
        cli.print(m.user.created(u.email, temporaryPassword));
      });
    });
  user
    .command('reset')
    .description(m.user.reset)
    .requiredOption('--email <email>', m.user.email)
    .option('--totp', m.user.totp)
    .action(async (o: { email: string; totp?: boolean }) => {
      await cli.withDb(async ({ db }) => {
        const u = await usersRepo.findUserByEmail(db, o.email);
        if (!u) throw new CliError(m.user.noSuchUser(o.email));
        if (o.totp) await resetTotp(db, cli.actor(), u.id, cli.audit());
        const { temporaryPassword } = await resetPassword(db, cli.actor(), u.id, cli.audit());
        cli.print(m.user.temporary(temporaryPassword));
      });
    });
}
