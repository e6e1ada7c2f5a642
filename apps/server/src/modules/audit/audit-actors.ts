import type { AuditActorKind } from '@khien/contracts';

/**
 * The labels the product writes for itself (AuditContext.systemLabel, the actors of the CLI, the demo
 * seed and the background imports). audit-words.test.ts reads every label literal in the sources and
 * fails on one this table does not know.
 */
const PRODUCT_LABELS: Record<string, AuditActorKind> = {
  'demo seed': 'demo_seed',
  'file import': 'file_import',
  // the actor of a background import, named after the person who uploaded the file
  'nhập tệp / file import': 'file_import',
  'work timers': 'work_timers',
  'system:audit-checkpoint': 'audit_checkpoint',
  system: 'system',
  cli: 'cli',
};

/** A recorded actor label as a kind and the detail it carries (the token's name, the system account, the e-mail). */
export function classifyActorLabel(label: string): { kind: AuditActorKind; detail: string | null } {
  const known = PRODUCT_LABELS[label];
  if (known) return { kind: known, detail: null };
  const prefixed = /^(cli|token):(.+)$/s.exec(label);
  if (prefixed) return { kind: prefixed[1] === 'cli' ? 'cli' : 'token', detail: prefixed[2]! };
  // people are recorded by e-mail (sessions, sign-in)
  if (label.includes('@')) return { kind: 'person', detail: label };
  return { kind: 'unknown', detail: label };
}

/**
 * Whose name to show: the acting user (a token's or a file import's owner too), or for a sign-in, which
 * is recorded before there is a session, the user named in the row.
 */
export function personOf(row: { actorUserId: string | null; action: string; changes: unknown }): string | null {
  if (row.actorUserId) return row.actorUserId;
  if (row.action !== 'auth.login') return null;
  const userId = (row.changes as { userId?: { after?: unknown } } | null)?.userId?.after;
  return typeof userId === 'string' ? userId : null;
}
