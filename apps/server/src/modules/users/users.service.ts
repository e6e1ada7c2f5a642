import type { Role, User } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { readablePassword } from '../../platform/auth/secrets.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import { authorize, inScope, maxRankAt, requireSomewhere, ROLE_RANK, scopeFor, type Actor } from '../../platform/policy.js';
import { getOrgRef, getVisibleOrg } from '../orgs/index.js';
import { revokeAllSessionsOf } from './sessions-link.js';
import { deleteGrant, findGrantsOf, findUsers, findUserWithOrg, insertGrant, insertUserRow, updateUserRow, type UserListRow } from './users.repo.js';

async function toUsers(db: Db, rows: UserListRow[], actor: Actor | null): Promise<User[]> {
  const grants = await findGrantsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    phone: u.phone,
    homeOrgId: u.homeOrgId,
    homeOrgName: u.homeOrgName,
    disabled: u.disabled,
    totpEnabled: u.totpEnabledAt !== null,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    isDemo: u.isDemo,
    createdAt: u.createdAt.toISOString(),
    grants: (grants.get(u.id) ?? []).map((g) => ({ id: g.id, role: g.role, orgId: g.orgId, orgName: g.orgName })),
    canManage: actor !== null && inScope(scopeFor(actor, 'user:write'), u.homeOrgPath) && outranks(actor, grants.get(u.id) ?? []),
  }));
}

function userAuditView(u: { email: string; fullName: string; phone: string | null; homeOrgId: string; disabled: boolean; locale: string }) {
  return { email: u.email, fullName: u.fullName, phone: u.phone, homeOrgId: u.homeOrgId, disabled: u.disabled, locale: u.locale };
}

// users live where their home org is: outside the caller's subtree 404, inside without the right 403
async function getVisibleUserRow(db: Db, actor: Actor, id: string, permission: 'user:read' | 'user:write' | 'grant:write'): Promise<UserListRow> {
  const u = await findUserWithOrg(db, id);
  if (!u) throw domainError('NOT_FOUND', 'user_not_found', 'user not found');
  authorize(actor, permission, u.homeOrgPath);
  return u;
}

/**
 * Whether `actor` may act on a person holding `targetGrants` (edit, disable, reset, end sessions,
 * change grants). Having the person's home org in one's subtree is not enough: a system admin homed
 * in a commune is still a system admin, and whoever could reset their password could become them.
 * So every grant the person holds must be outranked by the actor's own rank where that grant applies.
 * System admins are the one peer exception: nobody outranks them, and a lost second factor must be
 * recoverable without the command line.
 */
export function outranks(actor: Actor, targetGrants: { role: Role; orgPath: string | null }[]): boolean {
  const own = (path: string | null) => maxRankAt(actor, path);
  return targetGrants.every((g) => {
    const needed = ROLE_RANK[g.role];
    const have = own(g.orgPath);
    return have > needed || (g.role === 'system_admin' && have === ROLE_RANK.system_admin);
  });
}

/** The person seen with the write permission, refused with 403 when they outrank the actor anywhere. */
async function getUserToActOn(db: Db, actor: Actor, id: string, permission: 'user:write' | 'grant:write'): Promise<UserListRow> {
  const u = await getVisibleUserRow(db, actor, id, permission);
  const held = (await findGrantsOf(db, [id])).get(id) ?? [];
  if (!outranks(actor, held)) {
    throw domainError(
      'FORBIDDEN',
      'target_outranks_actor',
      'this person holds a role equal to or above yours',
      {},
      {
        reason: 'target_outranks_actor',
      },
    );
  }
  return u;
}

export async function listUsers(db: Db, actor: Actor, q: { q?: string | undefined; orgId?: string | undefined; limit: number; offset: number }) {
  const underPath = q.orgId ? (await getVisibleOrg(db, actor, q.orgId)).path : undefined;
  const scope = requireSomewhere(actor, 'user:read');
  const page = await findUsers(db, scope, { q: q.q ? foldVietnamese(q.q) : undefined, underPath, limit: q.limit, offset: q.offset });
  return { items: await toUsers(db, page.items, actor), total: page.total };
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  const [u] = await toUsers(db, [await getVisibleUserRow(db, actor, id, 'user:read')], actor);
  return u!;
}

export async function createUser(
  db: Db,
  actor: Actor | null,
  input: {
    email: string;
    fullName: string;
    phone: string | null;
    homeOrgId: string;
    locale: 'vi' | 'en';
    password?: string;
    mustChangePassword?: boolean;
    isDemo?: boolean;
  },
  audit: AuditContext,
): Promise<{ user: User; temporaryPassword: string }> {
  const org = await getOrgRef(db, input.homeOrgId);
  if (actor) {
    if (!org) throw domainError('NOT_FOUND', 'org_not_found', 'org not found');
    authorize(actor, 'user:write', org.path);
  } else if (!org) throw domainError('NOT_FOUND', 'org_not_found', 'org not found');
  const temporaryPassword = input.password ?? readablePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  let id = '';
  try {
    await db.transaction(async (tx) => {
      const row = await insertUserRow(tx, {
        email: input.email.toLowerCase(),
        fullName: input.fullName,
        phone: input.phone,
        homeOrgId: org.id,
        locale: input.locale,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? true,
        searchText: foldVietnamese(`${input.fullName} ${input.email}`),
        isDemo: input.isDemo ?? false,
      });
      id = row.id;
      await recordAudit(tx, audit, {
        action: 'user.created',
        entityType: 'user',
        entityId: row.id,
        orgId: org.id,
        orgPath: org.path,
        after: userAuditView(row),
      });
    });
  } catch (err) {
    if (uniqueViolation(err) === 'users_email_key')
      throw domainError('CONFLICT', 'email_taken', 'email already registered', { email: input.email }, { field: 'email' });
    throw err;
  }
  const full = await findUserWithOrg(db, id);
  return { user: (await toUsers(db, [full!], actor))[0]!, temporaryPassword };
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: { fullName?: string | undefined; phone?: string | null | undefined; disabled?: boolean | undefined; locale?: 'vi' | 'en' | undefined },
  audit: AuditContext,
): Promise<User> {
  const before = await getUserToActOn(db, actor, id, 'user:write');
  if (patch.disabled && id === actor.userId) throw domainError('BAD_REQUEST', 'cannot_disable_self', 'you cannot disable yourself');
  await db.transaction(async (tx) => {
    const fullName = patch.fullName ?? before.fullName;
    const after = await updateUserRow(tx, id, { ...patch, searchText: foldVietnamese(`${fullName} ${before.email}`) });
    if (patch.disabled) await revokeAllSessionsOf(tx, id);
    await recordAudit(tx, audit, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      orgId: before.homeOrgId,
      orgPath: before.homeOrgPath,
      before: userAuditView(before),
      after: userAuditView(after),
    });
  });
  return getUser(db, actor, id);
}

/** Admin reset: a one-time password shown once, every session ended, lockout cleared, change forced. */
export async function resetPassword(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<{ user: User; temporaryPassword: string }> {
  const before = await getUserToActOn(db, actor, id, 'user:write');
  const temporaryPassword = readablePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    await updateUserRow(tx, id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    await revokeAllSessionsOf(tx, id);
    await recordAudit(tx, audit, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      orgId: before.homeOrgId,
      orgPath: before.homeOrgPath,
      before: { passwordHash: 'x', mustChangePassword: before.mustChangePassword },
      after: { passwordHash: 'y', mustChangePassword: true },
    });
  });
  return { user: await getUser(db, actor, id), temporaryPassword };
}

/** For a lost phone: the second factor is removed and must be enrolled again at next sign-in. */
export async function resetTotp(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<User> {
  const before = await getUserToActOn(db, actor, id, 'user:write');
  await db.transaction(async (tx) => {
    await updateUserRow(tx, id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
    await revokeAllSessionsOf(tx, id);
    await recordAudit(tx, audit, {
      action: 'user.totp_reset',
      entityType: 'user',
      entityId: id,
      orgId: before.homeOrgId,
      orgPath: before.homeOrgPath,
      before: { totpEnabledAt: before.totpEnabledAt },
      after: { totpEnabledAt: null },
    });
  });
  return getUser(db, actor, id);
}

export async function addGrant(db: Db, actor: Actor, userId: string, input: { role: Role; orgId: string | null }, audit: AuditContext): Promise<User> {
  const user = await getUserToActOn(db, actor, userId, 'grant:write');
  if (input.role === 'system_admin' ? input.orgId !== null : input.orgId === null) {
    throw domainError('VALIDATION_FAILED', 'grant_org_mismatch', 'system_admin is global (orgId null), other roles need an org', {}, [
      { path: 'body.orgId', message: 'orgId' },
    ]);
  }
  const org = input.orgId ? await getOrgRef(db, input.orgId) : undefined;
  if (input.orgId) authorize(actor, 'grant:write', org?.path ?? null);
  else if (maxRankAt(actor, null) < ROLE_RANK.system_admin)
    throw domainError('FORBIDDEN', 'grant_system_admin_only', 'only a system admin can grant this role');
  if (ROLE_RANK[input.role] > maxRankAt(actor, org?.path ?? null)) {
    throw domainError('FORBIDDEN', 'grant_above_own_role', 'cannot grant a role above your own');
  }
  await db.transaction(async (tx) => {
    const g = await insertGrant(tx, { userId, role: input.role, orgId: input.orgId, createdBy: actor.userId });
    if (!g) throw domainError('CONFLICT', 'grant_exists', 'grant already exists');
    await recordAudit(tx, audit, {
      action: 'grant.added',
      entityType: 'grant',
      entityId: g.id,
      orgId: org?.id ?? user.homeOrgId,
      orgPath: org?.path ?? user.homeOrgPath,
      after: { userId, email: user.email, role: input.role, orgId: input.orgId, orgName: org?.name ?? null },
    });
  });
  return getUser(db, actor, userId);
}

export async function removeGrant(db: Db, actor: Actor, userId: string, grantId: string, audit: AuditContext): Promise<User> {
  const user = await getUserToActOn(db, actor, userId, 'grant:write');
  const grant = (await findGrantsOf(db, [userId])).get(userId)?.find((g) => g.id === grantId);
  if (!grant) throw domainError('NOT_FOUND', 'grant_not_found', 'grant not found');
  if (grant.orgPath) authorize(actor, 'grant:write', grant.orgPath);
  if (ROLE_RANK[grant.role] > maxRankAt(actor, grant.orgPath)) throw domainError('FORBIDDEN', 'revoke_above_own_role', 'cannot revoke a role above your own');
  await db.transaction(async (tx) => {
    await deleteGrant(tx, userId, grantId);
    await recordAudit(tx, audit, {
      action: 'grant.removed',
      entityType: 'grant',
      entityId: grantId,
      orgId: grant.orgId ?? user.homeOrgId,
      orgPath: grant.orgPath ?? user.homeOrgPath,
      before: { userId, email: user.email, role: grant.role, orgId: grant.orgId, orgName: grant.orgName },
    });
  });
  return getUser(db, actor, userId);
}

/** Signs a person out everywhere (a lost or shared phone): every session ends, nothing else changes. */
export async function endSessions(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<User> {
  const before = await getUserToActOn(db, actor, id, 'user:write');
  await db.transaction(async (tx) => {
    const ended = await revokeAllSessionsOf(tx, id);
    await recordAudit(tx, audit, {
      action: 'user.sessions_ended',
      entityType: 'user',
      entityId: id,
      orgId: before.homeOrgId,
      orgPath: before.homeOrgPath,
      note: { sessionsEnded: ended },
    });
  });
  return getUser(db, actor, id);
}
