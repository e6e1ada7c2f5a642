import type { SeedResult } from '../demo/demo-seed.js';
import type { CliMessages } from './messages.js';

export interface StartupFacts {
  /** where the server listens; null for `khien demo seed`, which serves nothing */
  address: string | null;
  engine: 'pglite' | 'postgres';
  dataDir: string;
  /** the demo province this start created, with its passwords (shown this once) */
  seeded: SeedResult | null;
  /** the admin's password came from KHIEN_ADMIN_PASSWORD: not printed */
  adminPasswordFromEnv: boolean;
  logRequests: boolean;
}

/**
 * What `khien serve` prints when it is ready, apart from any log: on the first start the demo users
 * (role in words, e-mail, password) and how they sign in, then the address — last, so that whoever
 * waits for it (a person, e2e/src/server.ts) has the whole block.
 */
export function startupLines(m: CliMessages, f: StartupFacts): string[] {
  const lines: string[] = [''];
  const s = f.seeded;
  if (s) {
    lines.push(m.seed.created(s.orgs, s.users.length));
    if (f.address) lines.push(m.seed.signIn(f.address));
    const role = (u: SeedResult['users'][number]) => `${m.roles[u.role]}${u.mfa ? ' *' : ''}`;
    const width = Math.max(...s.users.map((u) => role(u).length));
    const emailWidth = Math.max(...s.users.map((u) => u.email.length));
    for (const u of s.users) {
      const admin = u.email === s.adminEmail;
      const password = admin ? (f.adminPasswordFromEnv ? m.seed.adminPasswordFromEnv : s.adminPassword) : m.seed.shared;
      lines.push(`  ${role(u).padEnd(width)}  ${u.email.padEnd(emailWidth)}  ${password}`);
    }
    lines.push(`  ${m.seed.sharedPassword(s.demoPassword)}`, `  ${m.seed.totp}`, `  ${m.seed.once}`, '');
  }
  if (f.address && !f.logRequests) lines.push(m.serve.requests);
  if (f.address) lines.push(`${m.serve.running} ${f.address}  (${f.engine === 'pglite' ? m.serve.embedded(f.dataDir) : m.serve.postgres})`);
  lines.push('');
  return lines;
}
