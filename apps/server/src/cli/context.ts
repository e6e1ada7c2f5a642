import os from 'node:os';
import { z } from 'zod';
import { loadConfig } from '../platform/config.js';
import type { Actor } from '../platform/policy.js';
import type { AuditContext } from '../platform/audit/audit.js';
import { isWords, type Lang } from '../platform/words.js';
import { openMigrated } from '../server.js';
import { findOrgByAdminCode, getOrgRef } from '../modules/orgs/index.js';
import { CLI_MESSAGES, type CliMessages } from './messages.js';

/** What every command is handed: the run's language and its words, the output, the operator. */
export interface Cli {
  lang: Lang;
  m: CliMessages;
  print(line: string): void;
  /** the operator at the console: every right, named in the audit log as "cli:<system user>" */
  actor(): Actor;
  audit(): AuditContext;
  withDb<T>(fn: (db: Awaited<ReturnType<typeof openMigrated>>) => Promise<T>): Promise<T>;
  orgByCodeOrId(db: Parameters<typeof getOrgRef>[0], ref: string): Promise<NonNullable<Awaited<ReturnType<typeof getOrgRef>>>>;
}

/** A mistake of the person at the console, said in words; printed without a stack, exit code 1. */
export class CliError extends Error {}

export function createCli(lang: Lang): Cli {
  const m = CLI_MESSAGES[lang];
  const actor = (): Actor => ({
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    tokenId: null,
    label: `cli:${os.userInfo().username}`,
    grants: [{ role: 'system_admin', orgPath: null }],
    tokenLimit: null,
  });
  return {
    lang,
    m,
    print: (line) => process.stdout.write(`${line}\n`),
    actor,
    audit: () => ({ actor: actor(), ip: null, requestId: null }),
    async withDb(fn) {
      const database = await openMigrated(loadConfig());
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    },
    async orgByCodeOrId(db, ref) {
      const org = /^[0-9a-f-]{36}$/i.test(ref) ? await getOrgRef(db, ref) : await findOrgByAdminCode(db, ref);
      if (!org) throw new CliError(m.orgNotFound(ref));
      return org;
    },
  };
}

/** One zod issue as words naming the field: "Trường email: không phải địa chỉ e-mail hợp lệ". */
export function zodIssueWords(m: CliMessages, issue: z.core.$ZodIssue, fieldName: (path: string) => string = (p) => p): string {
  const z = m.zod;
  const i = issue as z.core.$ZodIssue & {
    format?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    origin?: string;
    values?: unknown[];
    keys?: string[];
    expected?: string;
  };
  let why: string;
  switch (i.code) {
    case 'invalid_format':
      why = i.format === 'email' ? z.email : i.format === 'uuid' ? z.uuid : i.format === 'url' ? z.url : z.format;
      break;
    case 'too_small':
      why = i.origin === 'string' ? (Number(i.minimum) <= 1 ? z.required : z.tooShort(Number(i.minimum))) : z.tooSmall(Number(i.minimum));
      break;
    case 'too_big':
      why = i.origin === 'string' ? z.tooLong(Number(i.maximum)) : z.tooBig(Number(i.maximum));
      break;
    case 'invalid_value':
      why = z.oneOf((i.values ?? []).map(String).join(', '));
      break;
    case 'invalid_type':
      why = /received undefined/.test(i.message) ? z.required : z.type(String(i.expected));
      break;
    case 'unrecognized_keys':
      why = z.unknownKeys((i.keys ?? []).join(', '));
      break;
    default:
      why = z.invalid;
  }
  return m.field(fieldName(i.path.map(String).join('.')), why);
}

/** Any error as the one line `khien` prints: words for what it knows, the message for the rest. */
export function errorLine(m: CliMessages, lang: Lang, err: unknown): string {
  if (err instanceof z.ZodError) return `${m.error}: ${err.issues.map((i) => zodIssueWords(m, i)).join('; ')}`;
  // imports, archives: the sentence in both languages
  const text = (err as { text?: unknown } | null)?.text;
  if (isWords(text)) return `${m.error}: ${text[lang]}`;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const file = (err as NodeJS.ErrnoException | null)?.path;
  if (code === 'ENOENT' && file) return `${m.error}: ${m.noSuchFile(file)}`;
  const message = err instanceof Error ? err.message : String(err);
  return `${m.error}: ${message.split('\n')[0]}`;
}
