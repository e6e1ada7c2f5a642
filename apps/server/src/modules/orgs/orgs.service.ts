import { randomUUID } from 'node:crypto';
import type { Contact, CreateOrgBody, Org, OrgDetail, OrgKind } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { type AppError, domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { authorize, inScope, isAncestorOrSelf, requireSomewhere, scopeFor, type Actor } from '../../platform/policy.js';
import { listSubtree } from './org-subtree.service.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import {
  countOrgDependents,
  deleteOrgRow,
  findContacts,
  findOrgById,
  findOrgs,
  findOrgsByPaths,
  insertContact,
  insertHistory,
  insertOrg,
  labelOf,
  moveSubtree,
  updateOrgAtVersion,
  type OrgRow,
} from './orgs.repo.js';

export function toOrg(o: OrgRow & { label?: string }): Org {
  return {
    id: o.id,
    parentId: o.parentId,
    name: o.name,
    ...(o.label !== undefined && { label: o.label }),
    shortName: o.shortName,
    kind: o.kind as OrgKind,
    adminCode: o.adminCode,
    depth: o.depth,
    childCount: o.childCount,
    isDemo: o.isDemo,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function toContact(c: { id: string; name: string; role: string; phone: string | null; email: string | null; hotline247: boolean }): Contact {
  return { id: c.id, name: c.name, role: c.role, phone: c.phone, email: c.email, hotline247: c.hotline247 };
}

/** The org as the caller may see it, or 404 when it is outside every subtree they hold. */
export async function getVisibleOrg(db: Db, actor: Actor, id: string): Promise<OrgRow> {
  const org = await findOrgById(db, id);
  if (!org || !inScope(scopeFor(actor, 'org:read'), org.path)) throw domainError('NOT_FOUND', 'org_not_found', 'org not found');
  return org;
}

export async function getOrgDetail(db: Db, actor: Actor, id: string): Promise<OrgDetail> {
  const org = await getVisibleOrg(db, actor, id);
  const readScope = scopeFor(actor, 'org:read');
  const ancestorPaths = org.path
    .split('.')
    .slice(0, -1)
    .map((_, i, labels) => labels.slice(0, i + 1).join('.'));
  const ancestors = (await findOrgsByPaths(db, ancestorPaths))
    .filter((a) => inScope(readScope, a.path))
    .sort((a, b) => a.depth - b.depth)
    .map((a) => ({ id: a.id, name: a.name, kind: a.kind as OrgKind }));
  const contacts = (await findContacts(db, org.id)).map(toContact);
  return { ...toOrg(org), contacts, ancestors };
}

/** The top-most orgs the caller can see: the whole forest's roots for an admin, else their grant orgs. */
export async function listRootOrgs(db: Db, actor: Actor) {
  const scope = requireSomewhere(actor, 'org:read');
  const page = scope.all
    ? await findOrgs(db, scope, { rootsOnly: true, limit: 500, offset: 0 })
    : await findOrgs(db, scope, { exactPaths: scope.paths, limit: 500, offset: 0 });
  return { items: page.items.map(toOrg), total: page.total };
}

export async function listOrgs(
  db: Db,
  actor: Actor,
  q: { parentId?: string | undefined; under?: string | undefined; q?: string | undefined; kind?: OrgKind | undefined; limit: number; offset: number },
) {
  const scope = requireSomewhere(actor, 'org:read');
  // the whole subtree, unfiltered: the hot path
  if (q.under && !q.parentId && !q.q && !q.kind) return listSubtree(db, scope, q.under, q.limit, q.offset);
  const under = q.under ? await getVisibleOrg(db, actor, q.under) : undefined;
  if (q.parentId) await getVisibleOrg(db, actor, q.parentId);
  const page = await findOrgs(db, scope, {
    parentId: q.parentId,
    under,
    q: q.q ? foldVietnamese(q.q) : undefined,
    kind: q.kind,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: page.items.map(toOrg), total: page.total };
}

function conflictFromDb(err: unknown): never {
  const v = uniqueViolation(err);
  if (v === 'orgs_parent_name_key') throw domainError('DUPLICATE_NAME', 'org_name_taken', 'a sibling org already has this name');
  if (v === 'orgs_admin_code_key') throw domainError('CONFLICT', 'admin_code_taken', 'admin code already in use', {}, { field: 'adminCode' });
  throw err;
}

export function auditView(o: OrgRow): Record<string, unknown> {
  return { name: o.name, shortName: o.shortName, kind: o.kind, adminCode: o.adminCode, parentId: o.parentId };
}

export async function createOrg(db: Db, actor: Actor, body: CreateOrgBody, audit: AuditContext, opts: { isDemo?: boolean } = {}): Promise<OrgDetail> {
  let parent: OrgRow | undefined;
  if (body.parentId) {
    parent = await findOrgById(db, body.parentId);
    authorize(actor, 'org:write', parent?.path ?? null);
  } else if (!scopeFor(actor, 'org:write').all) {
    throw domainError('FORBIDDEN', 'top_level_org_admin_only', 'only a system admin can create a top-level org');
  }
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      const row = await insertOrgTx(tx, { id, parent, body, isDemo: opts.isDemo ?? false });
      for (const c of body.contacts) await insertContact(tx, { orgId: id, ...c });
      await insertHistory(tx, {
        orgId: id,
        change: 'created',
        newName: body.name,
        newParentId: parent?.id ?? null,
        actorUserId: actor.userId,
        actorLabel: actor.label,
      });
      await recordAudit(tx, audit, {
        action: 'org.created',
        entityType: 'org',
        entityId: id,
        orgId: id,
        orgPath: row.path,
        after: { ...auditView(row), contacts: body.contacts.length },
      });
    });
  } catch (err) {
    conflictFromDb(err);
  }
  return getOrgDetail(db, actor, id);
}

/** Shared by the form and the importer: one place computes path, depth and search text. */
export async function insertOrgTx(
  tx: Db,
  v: {
    id: string;
    parent: Pick<OrgRow, 'id' | 'path' | 'depth'> | undefined;
    body: Pick<CreateOrgBody, 'name' | 'shortName' | 'kind' | 'adminCode'>;
    isDemo: boolean;
  },
): Promise<OrgRow> {
  const path = v.parent ? `${v.parent.path}.${labelOf(v.id)}` : labelOf(v.id);
  return insertOrg(tx, {
    id: v.id,
    parentId: v.parent?.id ?? null,
    path,
    depth: v.parent ? v.parent.depth + 1 : 1,
    name: v.body.name,
    shortName: v.body.shortName,
    kind: v.body.kind,
    adminCode: v.body.adminCode,
    searchText: foldVietnamese(`${v.body.name} ${v.body.shortName} ${v.body.adminCode ?? ''}`),
    isDemo: v.isDemo,
  });
}

export async function updateOrg(
  db: Db,
  actor: Actor,
  id: string,
  patch: { name?: string | undefined; shortName?: string | undefined; kind?: OrgKind | undefined; adminCode?: string | null | undefined; version: number },
  audit: AuditContext,
): Promise<OrgDetail> {
  const before = await getVisibleOrg(db, actor, id);
  authorize(actor, 'org:write', before.path);
  if (before.version !== patch.version) throw staleOrg(before.version);
  const name = patch.name ?? before.name;
  const shortName = patch.shortName ?? before.shortName;
  const adminCode = patch.adminCode === undefined ? before.adminCode : patch.adminCode;
  try {
    await db.transaction(async (tx) => {
      const after = await updateOrgAtVersion(tx, id, patch.version, {
        name,
        shortName,
        kind: patch.kind ?? before.kind,
        adminCode,
        searchText: foldVietnamese(`${name} ${shortName} ${adminCode ?? ''}`),
      });
      if (!after) throw staleOrg(null);
      if (name !== before.name) {
        await insertHistory(tx, { orgId: id, change: 'renamed', oldName: before.name, newName: name, actorUserId: actor.userId, actorLabel: actor.label });
      } else if (patch.kind || patch.adminCode !== undefined || patch.shortName !== undefined) {
        await insertHistory(tx, { orgId: id, change: 'updated', oldName: before.name, newName: name, actorUserId: actor.userId, actorLabel: actor.label });
      }
      await recordAudit(tx, audit, {
        action: 'org.updated',
        entityType: 'org',
        entityId: id,
        orgId: id,
        orgPath: after.path,
        before: auditView(before),
        after: auditView(after),
      });
    });
  } catch (err) {
    conflictFromDb(err);
  }
  return getOrgDetail(db, actor, id);
}

/** Someone else changed the org since the caller loaded it: 409 with the version it is at now. */
function staleOrg(current: number | null): AppError {
  return domainError(
    'CONFLICT',
    'org_stale_version',
    'someone else changed this org, reload',
    {},
    {
      reason: 'stale_version',
      ...(current === null ? {} : { currentVersion: current }),
    },
  );
}

export async function moveOrg(db: Db, actor: Actor, id: string, newParentId: string, version: number, audit: AuditContext): Promise<OrgDetail> {
  const org = await getVisibleOrg(db, actor, id);
  authorize(actor, 'org:write', org.path);
  if (org.version !== version) throw staleOrg(org.version);
  const parent = await findOrgById(db, newParentId);
  authorize(actor, 'org:write', parent?.path ?? null);
  if (isAncestorOrSelf(org.path, parent!.path)) {
    throw domainError('ORG_CYCLE', 'org_move_cycle', 'cannot move an org under itself or its descendants', { name: org.name });
  }
  if (org.parentId === parent!.id) return getOrgDetail(db, actor, id);
  try {
    await db.transaction(async (tx) => {
      // the version check first: a stale move must not rewrite a single path
      if (!(await updateOrgAtVersion(tx, id, version, { parentId: parent!.id }))) throw staleOrg(null);
      await moveSubtree(tx, org.path, parent!.path);
      await insertHistory(tx, {
        orgId: id,
        change: 'moved',
        oldName: org.name,
        newName: org.name,
        oldParentId: org.parentId,
        newParentId: parent!.id,
        actorUserId: actor.userId,
        actorLabel: actor.label,
      });
      await recordAudit(tx, audit, {
        action: 'org.moved',
        entityType: 'org',
        entityId: id,
        orgId: id,
        orgPath: `${parent!.path}.${labelOf(id)}`,
        before: { parentId: org.parentId },
        after: { parentId: parent!.id },
      });
    });
  } catch (err) {
    conflictFromDb(err);
  }
  return getOrgDetail(db, actor, id);
}

export async function deleteOrg(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<void> {
  const org = await getVisibleOrg(db, actor, id);
  authorize(actor, 'org:write', org.path);
  const deps = await countOrgDependents(db, id);
  if (deps.children > 0) {
    throw domainError(
      'ORG_HAS_CHILDREN',
      'org_has_children',
      `the org still has ${deps.children} child orgs`,
      { count: deps.children },
      { children: deps.children },
    );
  }
  const used = Object.entries(deps.data).filter(([, n]) => n > 0);
  if (used.length > 0) {
    const data = used.map(([k, n]) => `${k}: ${n}`).join(', ');
    throw domainError('ORG_HAS_DATA', 'org_has_data', `the org still has data (${data})`, { data }, Object.fromEntries(used));
  }
  await db.transaction(async (tx) => {
    await deleteOrgRow(tx, id);
    await recordAudit(tx, audit, { action: 'org.deleted', entityType: 'org', entityId: id, orgId: id, orgPath: org.path, before: auditView(org) });
  });
}
