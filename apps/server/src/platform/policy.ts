import { sql, type SQL } from 'drizzle-orm';
import { PERMISSIONS, type Permission, type Role } from '@khien/contracts';
import { AppError } from './errors.js';

/** Who is calling: a signed-in person or a machine token, with grants resolved to org paths. */
export interface Actor {
  kind: 'user' | 'token';
  userId: string;
  tokenId: string | null;
  label: string;
  grants: ActorGrant[];
  /** For tokens: the only permissions it carries and the subtree it is limited to. */
  tokenLimit: { permissions: Permission[]; orgPath: string } | null;
}
export interface ActorGrant {
  role: Role;
  /** null: the whole installation (system admin). */
  orgPath: string | null;
}

const ALL: readonly Permission[] = PERMISSIONS;
const COORDINATOR: readonly Permission[] = [
  'org:read',
  'org:write',
  'user:read',
  'user:write',
  'grant:write',
  'token:write',
  'audit:read',
  'directive:read',
  'directive:write',
  'directive:report',
  'inventory:read',
  'inventory:write',
  'work:read',
  'work:report',
  'duty:read',
  'duty:write',
  'alert:read',
  'alert:act',
  'alert:ingest',
  'incident:read',
  'incident:report',
  'incident:review',
];
// people in units receive directives and report on them, and see their unit's inventory
const RECIPIENT: readonly Permission[] = [
  'org:read',
  'directive:read',
  'directive:report',
  'inventory:read',
  'work:read',
  'work:report',
  'duty:read',
  'alert:read',
  'alert:act',
  'incident:read',
  'incident:report',
];

/** The one table of what each role may do; scope comes from where the role is granted. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: ALL,
  // the province chooses the regulation pack in force
  province_coordinator: [...COORDINATOR, 'regulation:choose', 'alert:configure', 'incident:manage'],
  commune_coordinator: COORDINATOR,
  // the unit's IT officer keeps its systems and assets
  unit_officer: [...RECIPIENT, 'inventory:write', 'duty:write'],
  duty_officer: RECIPIENT,
  auditor: ['org:read', 'user:read', 'audit:read', 'directive:read', 'inventory:read', 'work:read', 'duty:read', 'alert:read', 'incident:read'],
  // telecoms keep their own holiday rosters
  telecom_contact: [...RECIPIENT, 'duty:write'],
};

/** A grantor may hand out roles up to their own rank on that subtree, never above. */
export const ROLE_RANK: Record<Role, number> = {
  system_admin: 100,
  province_coordinator: 80,
  commune_coordinator: 60,
  unit_officer: 20,
  duty_officer: 20,
  auditor: 20,
  telecom_contact: 20,
};

export type Scope = { all: true } | { all: false; paths: string[] };

export function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/** Drops paths already covered by an ancestor in the list, so SQL filters stay short. */
function minimalPaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => isAncestorOrSelf(k, p))) kept.push(p);
  return kept;
}

export function scopeFor(actor: Actor, permission: Permission): Scope {
  const holding = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  let scope: Scope = holding.some((g) => g.orgPath === null) ? { all: true } : { all: false, paths: minimalPaths(holding.map((g) => g.orgPath as string)) };
  if (actor.tokenLimit) {
    const { permissions, orgPath } = actor.tokenLimit;
    if (!permissions.includes(permission)) return { all: false, paths: [] };
    scope = intersect(scope, orgPath);
  }
  return scope;
}

function intersect(scope: Scope, orgPath: string): Scope {
  if (scope.all) return { all: false, paths: [orgPath] };
  if (scope.paths.some((p) => isAncestorOrSelf(p, orgPath))) return { all: false, paths: [orgPath] };
  return { all: false, paths: scope.paths.filter((p) => isAncestorOrSelf(orgPath, p)) };
}

export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => {
    const s = scopeFor(actor, p);
    return s.all || s.paths.length > 0;
  });
}

export function inScope(scope: Scope, orgPath: string | null): boolean {
  if (scope.all) return true;
  if (orgPath === null) return false;
  return scope.paths.some((p) => isAncestorOrSelf(p, orgPath));
}

/** The subtree filter, pushed into SQL: `column` must be an ltree column or expression. */
export function scopeSql(scope: Scope, column: SQL | SQL.Aliased | unknown): SQL {
  if (scope.all) return sql`true`;
  if (scope.paths.length === 0) return sql`false`;
  const arr = `{${scope.paths.map((p) => `"${p}"`).join(',')}}`;
  return sql`${column} <@ ${arr}::ltree[]`;
}

/**
 * Reading a record the caller cannot see answers 404 (it does not exist for them);
 * seeing it but lacking the permission to change it answers 403.
 */
export function authorize(actor: Actor, permission: Permission, orgPath: string | null): void {
  if (inScope(scopeFor(actor, permission), orgPath)) return;
  const visible = inScope(scopeFor(actor, 'org:read'), orgPath);
  if (!visible) throw new AppError('NOT_FOUND', 'Không tìm thấy / not found');
  throw new AppError('FORBIDDEN', `Thiếu quyền ${permission} / missing permission ${permission}`);
}

/** For routes with no record yet (lists, creates at the top): the permission somewhere. */
export function requireSomewhere(actor: Actor, permission: Permission): Scope {
  const s = scopeFor(actor, permission);
  if (!s.all && s.paths.length === 0) throw new AppError('FORBIDDEN', `Thiếu quyền ${permission} / missing permission ${permission}`);
  return s;
}

export function maxRankAt(actor: Actor, orgPath: string | null): number {
  let rank = 0;
  for (const g of actor.grants) {
    if (g.orgPath === null || (orgPath !== null && isAncestorOrSelf(g.orgPath, orgPath))) rank = Math.max(rank, ROLE_RANK[g.role]);
  }
  return rank;
}
