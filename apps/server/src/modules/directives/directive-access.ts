import type { Db } from '../../platform/db/client.js';
import { type AppError, domainError } from '../../platform/errors.js';
import { inScope, scopeFor, type Actor } from '../../platform/policy.js';
import { findDirectiveRow, hasAssignmentInScope } from './directives.repo.js';

export type VisibleDirective = NonNullable<Awaited<ReturnType<typeof findDirectiveRow>>> & { side: 'issuer' | 'recipient'; canEdit: boolean };

/**
 * A directive exists for the caller when their orgs issued it, or (once issued) when it
 * was assigned to one of their orgs; otherwise 404. `canEdit` = may edit, issue, close, review.
 */
export async function getVisibleDirective(db: Db, actor: Actor, id: string): Promise<VisibleDirective> {
  const d = await findDirectiveRow(db, id);
  if (!d) throw notFound();
  const canEdit = inScope(scopeFor(actor, 'directive:write'), d.orgPath);
  if (inScope(scopeFor(actor, 'directive:read'), d.orgPath) || canEdit) return { ...d, side: 'issuer', canEdit };
  if (d.status !== 'draft' && (await hasAssignmentInScope(db, id, scopeFor(actor, 'directive:read')))) return { ...d, side: 'recipient', canEdit: false };
  throw notFound();
}

export async function getEditableDirective(db: Db, actor: Actor, id: string): Promise<VisibleDirective> {
  const d = await getVisibleDirective(db, actor, id);
  if (!d.canEdit) throw domainError('FORBIDDEN', 'directive_issuer_only', 'only the issuing side may do this');
  return d;
}

export function notFound(): AppError {
  return domainError('NOT_FOUND', 'directive_not_found', 'directive not found');
}

export function staleVersion(): AppError {
  return domainError('CONFLICT', 'stale_version', 'someone else changed this, reload', {}, { reason: 'stale_version' });
}
