import type { Contact, ContactInput } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { authorize, type Actor } from '../../platform/policy.js';
import { deleteContactRow, findHistory, getContact, insertContact, updateContactRow } from './orgs.repo.js';
import { getVisibleOrg, toContact } from './orgs.service.js';

async function writableOrg(db: Db, actor: Actor, orgId: string) {
  const org = await getVisibleOrg(db, actor, orgId);
  authorize(actor, 'org:write', org.path);
  return org;
}

export async function addContact(db: Db, actor: Actor, orgId: string, input: ContactInput, audit: AuditContext): Promise<Contact> {
  const org = await writableOrg(db, actor, orgId);
  return db.transaction(async (tx) => {
    const c = await insertContact(tx, { orgId, ...input });
    await recordAudit(tx, audit, { action: 'org.contact_added', entityType: 'org_contact', entityId: c.id, orgId, orgPath: org.path, after: toContact(c) });
    return toContact(c);
  });
}

export async function updateContact(
  db: Db,
  actor: Actor,
  orgId: string,
  contactId: string,
  patch: Partial<ContactInput>,
  audit: AuditContext,
): Promise<Contact> {
  const org = await writableOrg(db, actor, orgId);
  const before = await getContact(db, orgId, contactId);
  if (!before) throw domainError('NOT_FOUND', 'contact_not_found', 'contact not found');
  return db.transaction(async (tx) => {
    const after = await updateContactRow(tx, contactId, patch);
    await recordAudit(tx, audit, {
      action: 'org.contact_updated',
      entityType: 'org_contact',
      entityId: contactId,
      orgId,
      orgPath: org.path,
      before: toContact(before),
      after: toContact(after),
    });
    return toContact(after);
  });
}

export async function removeContact(db: Db, actor: Actor, orgId: string, contactId: string, audit: AuditContext): Promise<void> {
  const org = await writableOrg(db, actor, orgId);
  const before = await getContact(db, orgId, contactId);
  if (!before) throw domainError('NOT_FOUND', 'contact_not_found', 'contact not found');
  await db.transaction(async (tx) => {
    await deleteContactRow(tx, contactId);
    await recordAudit(tx, audit, {
      action: 'org.contact_removed',
      entityType: 'org_contact',
      entityId: contactId,
      orgId,
      orgPath: org.path,
      before: toContact(before),
    });
  });
}

export async function listOrgHistory(db: Db, actor: Actor, orgId: string) {
  await getVisibleOrg(db, actor, orgId);
  return (await findHistory(db, orgId)).map((h) => {
    return {
      id: h.id as string,
      at: new Date(h.at as string).toISOString(),
      change: h.change as 'created' | 'renamed' | 'moved' | 'updated',
      oldName: (h.old_name as string | null) ?? null,
      newName: (h.new_name as string | null) ?? null,
      oldParentName: (h.old_parent_name as string | null) ?? null,
      newParentName: (h.new_parent_name as string | null) ?? null,
      actor: (h.actor_label as string | null) ?? null,
    };
  });
}
