import type { ApiToken, Permission } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import { authorize, inScope, requireSomewhere, scopeFor, type Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import { findTokens, getTokenView, insertToken, revokeToken, type TokenView } from './tokens.repo.js';

function toApi(t: TokenView): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    orgId: t.orgId,
    orgName: t.orgName,
    permissions: t.permissions as Permission[],
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(db: Db, actor: Actor): Promise<ApiToken[]> {
  return (await findTokens(db, actor.userId, requireSomewhere(actor, 'token:write'))).map(toApi);
}

/**
 * A token can carry only permissions its creator holds on that subtree, and
 * at request time it is also cut down to what the creator still holds.
 */
export async function createToken(
  db: Db,
  actor: Actor,
  input: { name: string; orgId: string; permissions: Permission[]; expiresInDays: number },
  audit: AuditContext,
): Promise<{ token: ApiToken; secret: string }> {
  const org = await getOrgRef(db, input.orgId);
  authorize(actor, 'token:write', org?.path ?? null);
  for (const p of input.permissions) {
    if (!inScope(scopeFor(actor, p), org!.path)) {
      throw domainError('FORBIDDEN', 'token_permission_not_held', `you lack ${p} on this org`, { permission: p }, { permission: p });
    }
  }
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const secret = `khien_${prefix}_${randomToken(32)}`;
  const id = await db.transaction(async (tx) => {
    const tokenId = await insertToken(tx, {
      name: input.name,
      prefix,
      tokenHash: sha256(secret),
      orgId: org!.id,
      permissions: [...new Set(input.permissions)],
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    await recordAudit(tx, audit, {
      action: 'token.created',
      entityType: 'api_token',
      entityId: tokenId,
      orgId: org!.id,
      orgPath: org!.path,
      after: { name: input.name, permissions: input.permissions, expiresInDays: input.expiresInDays },
    });
    return tokenId;
  });
  return { token: toApi((await getTokenView(db, id))!), secret };
}

export async function revokeApiToken(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<void> {
  const t = await getTokenView(db, id);
  if (!t) throw domainError('NOT_FOUND', 'token_not_found', 'token not found');
  if (t.createdBy !== actor.userId) authorize(actor, 'token:write', t.orgPath);
  await db.transaction(async (tx) => {
    await revokeToken(tx, id);
    await recordAudit(tx, audit, {
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      orgId: t.orgId,
      orgPath: t.orgPath,
      before: { revokedAt: null },
      after: { revokedAt: new Date().toISOString() },
    });
  });
}
