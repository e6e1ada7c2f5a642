import { asc, sql } from 'drizzle-orm';
import type { OrgKind } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { requireSomewhere, scopeSql, type Actor } from '../../platform/policy.js';
import { findContactsOfOrgs } from './orgs.repo.js';
import { orgs } from './orgs.tables.js';
import { getVisibleOrg, toContact } from './orgs.service.js';
import { buildOrgExport, type OrgExportRow } from './import/index.js';

/** The caller's visible tree (or one subtree of it) as a file that imports back unchanged. */
export async function exportOrgs(db: Db, actor: Actor, opts: { under?: string | undefined; format: 'csv' | 'xlsx' }): Promise<Buffer> {
  const scope = requireSomewhere(actor, 'org:read');
  const underPath = opts.under ? (await getVisibleOrg(db, actor, opts.under)).path : undefined;
  const rows = await db
    .select()
    .from(orgs)
    .where(sql`${scopeSql(scope, orgs.path)} and ${underPath ? sql`${orgs.path} <@ ${underPath}::ltree` : sql`true`}`)
    .orderBy(asc(orgs.path));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const contacts = new Map<string, ReturnType<typeof toContact>[]>();
  for (const { contact } of await findContactsOfOrgs(db, scope, underPath)) {
    contacts.set(contact.orgId, [...(contacts.get(contact.orgId) ?? []), toContact(contact)]);
  }
  const exportRows: OrgExportRow[] = rows.map((r) => {
    const names: string[] = [];
    // names from the top of the exported set: a subtree export imports back under a chosen parent
    for (let p = r.parentId ? byId.get(r.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) names.unshift(p.name);
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    return {
      name: r.name,
      shortName: r.shortName,
      kind: r.kind as OrgKind,
      adminCode: r.adminCode,
      parentAdminCode: parent?.adminCode ?? null,
      parentPath: names,
      contacts: contacts.get(r.id) ?? [],
    };
  });
  return buildOrgExport(exportRows, opts.format);
}
