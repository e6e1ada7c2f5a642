import type { Directive, DirectiveInput, DirectiveSummary } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { authorize, requireSomewhere, scopeFor, type Actor } from '../../platform/policy.js';
import type { FileStore } from '../../platform/files/files.js';
import { getOrgRef, getVisibleOrg } from '../orgs/index.js';
import { getEditableDirective, getVisibleDirective, staleVersion, type VisibleDirective } from './directive-access.js';
import { checkChain, parentOf } from './directive-chain.js';
import {
  directiveCounts,
  deleteDirectiveRow,
  findAttachments,
  findDirectives,
  findSectionsAndTasks,
  insertAttachment,
  insertDirectiveRow,
  replaceSections,
  updateDirectiveRow,
} from './directives.repo.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function toDirective(db: Db, actor: Actor, d: VisibleDirective): Promise<Directive> {
  const [{ sections, tasks }, attachments, summary] = await Promise.all([findSectionsAndTasks(db, d.id), findAttachments(db, d.id), summaryOf(db, actor, d)]);
  return {
    ...summary,
    place: d.place,
    preamble: d.preamble,
    closing: d.closing,
    recipientsText: d.recipientsText,
    copiesTo: d.copiesTo,
    signer: d.signer,
    contacts: d.contacts.map((c) => ({ name: c.name, phone: c.phone, title: c.title ?? null })),
    governingBody: d.governingBody,
    documentType: d.documentType,
    dateText: d.dateText,
    references: d.references,
    relayWithinDays: d.relayWithinDays,
    parent: await parentOf(db, d),
    alertStart: d.alertStart,
    alertEnd: d.alertEnd,
    rule: d.rule ?? null,
    sections: sections.map((s) => ({
      id: s.id,
      position: s.position,
      heading: s.heading,
      addressees: s.addressees,
      rule: s.rule ?? null,
      tasks: tasks
        .filter((t) => t.sectionId === s.id)
        .map((t) => ({ id: t.id, position: t.position, text: t.text, dueAt: iso(t.dueAt), parentTaskId: t.parentTaskId })),
    })),
    attachments: attachments.map((a) => ({ ...a, size: Number(a.size) })),
    canEdit: d.canEdit,
    version: d.version,
  };
}

async function summaryOf(db: Db, actor: Actor, d: VisibleDirective): Promise<DirectiveSummary> {
  const counts = await directiveCounts(db, d.id, d.side === 'issuer' ? null : scopeFor(actor, 'directive:read'));
  return {
    id: d.id,
    issuerOrgId: d.orgId,
    issuerOrgName: d.orgName,
    number: d.number,
    issuedOn: d.issuedOn,
    subject: d.subject,
    status: d.status as DirectiveSummary['status'],
    dueAt: iso(d.dueAt),
    createdAt: d.createdAt.toISOString(),
    counts,
  };
}

/** Rules name orgs by id: each must exist for the caller (404 otherwise) before a draft keeps it. */
async function checkRules(db: Db, actor: Actor, input: DirectiveInput): Promise<void> {
  const rules = [input.rule, ...input.sections.map((s) => s.rule)].filter((r): r is NonNullable<typeof r> => r !== null);
  for (const r of rules) {
    if (r.underOrgId) await getVisibleOrg(db, actor, r.underOrgId);
    for (const id of r.orgIds ?? []) await getVisibleOrg(db, actor, id);
  }
}

function rowValues(input: DirectiveInput) {
  return {
    orgId: input.issuerOrgId,
    number: input.number,
    place: input.place,
    issuedOn: input.issuedOn,
    governingBody: input.governingBody,
    documentType: input.documentType,
    dateText: input.issuedOn ? null : input.dateText,
    subject: input.subject,
    preamble: input.preamble,
    closing: input.closing,
    recipientsText: input.recipientsText,
    copiesTo: input.copiesTo,
    signer: input.signer,
    contacts: input.contacts,
    references: input.references,
    relayWithinDays: input.relayWithinDays,
    alertStart: input.alertStart,
    alertEnd: input.alertEnd,
    dueAt: input.dueAt ? new Date(input.dueAt) : null,
    rule: input.rule,
    searchText: foldVietnamese(`${input.number ?? ''} ${input.subject}`),
  };
}

function sectionValues(input: DirectiveInput) {
  return input.sections.map((s) => ({
    heading: s.heading,
    addressees: s.addressees,
    rule: s.rule,
    tasks: s.tasks.map((t) => ({ text: t.text, dueAt: t.dueAt ? new Date(t.dueAt) : null, parentTaskId: t.parentTaskId })),
  }));
}

function validateDates(input: DirectiveInput): void {
  if (input.alertStart && input.alertEnd && input.alertEnd < input.alertStart) {
    throw domainError('VALIDATION_FAILED', 'alert_period_reversed', 'alert period ends before it starts', {}, [
      { path: 'body.alertEnd', message: 'before alertStart' },
    ]);
  }
  for (const s of [input.dueAt, ...input.sections.flatMap((x) => x.tasks.map((t) => t.dueAt))]) {
    if (s && Number.isNaN(Date.parse(s)))
      throw domainError('VALIDATION_FAILED', 'due_date_invalid', 'bad due date', { value: s }, [{ path: 'body.dueAt', message: s }]);
  }
}

export async function createDraft(
  db: Db,
  actor: Actor,
  input: DirectiveInput,
  audit: AuditContext,
  sourceFile?: { fileId: string },
  /** a relay: the received assignment it passes on, and that assignment's directive */
  parent?: { itemId: string; directiveId: string },
): Promise<Directive> {
  const org = await getOrgRef(db, input.issuerOrgId);
  authorize(actor, 'directive:write', org?.path ?? null);
  validateDates(input);
  await checkRules(db, actor, input);
  await checkChain(db, actor, input, { id: null, parentItemId: parent?.itemId ?? null });
  const id = await db.transaction(async (tx) => {
    const row = await insertDirectiveRow(tx, {
      ...rowValues(input),
      createdBy: actor.userId,
      parentItemId: parent?.itemId ?? null,
      parentDirectiveId: parent?.directiveId ?? null,
    });
    await replaceSections(tx, row.id, sectionValues(input));
    if (sourceFile) await insertAttachment(tx, row.id, sourceFile.fileId);
    await recordAudit(tx, audit, {
      action: 'directive.created',
      entityType: 'directive',
      entityId: row.id,
      orgId: org!.id,
      orgPath: org!.path,
      after: {
        number: input.number,
        subject: input.subject,
        sections: input.sections.length,
        tasks: input.sections.reduce((n, s) => n + s.tasks.length, 0),
        ...(parent ? { relayOf: parent.directiveId, assignment: parent.itemId } : {}),
      },
    });
    return row.id;
  });
  return toDirective(db, actor, await getVisibleDirective(db, actor, id));
}

export async function updateDraft(db: Db, actor: Actor, id: string, version: number, input: DirectiveInput, audit: AuditContext): Promise<Directive> {
  const before = await getEditableDirective(db, actor, id);
  if (before.status !== 'draft') throw domainError('CONFLICT', 'directive_not_draft', 'only drafts can be edited');
  if (input.issuerOrgId !== before.orgId) authorize(actor, 'directive:write', (await getOrgRef(db, input.issuerOrgId))?.path ?? null);
  validateDates(input);
  await checkRules(db, actor, input);
  await checkChain(db, actor, input, { id, parentItemId: before.parentItemId });
  await db.transaction(async (tx) => {
    const after = await updateDirectiveRow(tx, id, version, rowValues(input));
    if (!after) throw staleVersion();
    await replaceSections(tx, id, sectionValues(input));
    await recordAudit(tx, audit, {
      action: 'directive.updated',
      entityType: 'directive',
      entityId: id,
      orgId: after.orgId,
      orgPath: before.orgPath,
      before: { number: before.number, subject: before.subject, dueAt: before.dueAt },
      after: { number: after.number, subject: after.subject, dueAt: after.dueAt },
    });
  });
  return toDirective(db, actor, await getVisibleDirective(db, actor, id));
}

export async function deleteDraft(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<void> {
  const d = await getEditableDirective(db, actor, id);
  if (d.status !== 'draft') throw domainError('CONFLICT', 'directive_delete_not_draft', 'only drafts can be deleted');
  await db.transaction(async (tx) => {
    await deleteDirectiveRow(tx, id);
    await recordAudit(tx, audit, {
      action: 'directive.deleted',
      entityType: 'directive',
      entityId: id,
      orgId: d.orgId,
      orgPath: d.orgPath,
      before: { subject: d.subject },
    });
  });
}

export async function addAttachment(
  db: Db,
  store: FileStore,
  actor: Actor,
  id: string,
  file: { data: Buffer; filename: string; mime: string },
  audit: AuditContext,
): Promise<Directive> {
  const d = await getEditableDirective(db, actor, id);
  await db.transaction(async (tx) => {
    const stored = await store.put(tx, { ...file, createdBy: actor.userId });
    await insertAttachment(tx, id, stored.id);
    await recordAudit(tx, audit, {
      action: 'directive.attachment_added',
      entityType: 'directive',
      entityId: id,
      orgId: d.orgId,
      orgPath: d.orgPath,
      after: { file: stored.filename, sha256: stored.sha256 },
    });
  });
  return toDirective(db, actor, await getVisibleDirective(db, actor, id));
}

export async function listDirectives(
  db: Db,
  actor: Actor,
  q: { side?: 'issued' | 'received' | undefined; status?: string | undefined; q?: string | undefined; limit: number; offset: number },
) {
  const readScope = requireSomewhere(actor, 'directive:read');
  const { rows, total } = await findDirectives(db, {
    issuerScope: readScope,
    recipientScope: scopeFor(actor, 'directive:read'),
    ...q,
    q: q.q ? foldVietnamese(q.q) : undefined,
  });
  const items: DirectiveSummary[] = rows.map((r) => ({
    id: r.id as string,
    issuerOrgId: r.org_id as string,
    issuerOrgName: r.org_name as string,
    number: (r.number as string | null) ?? null,
    issuedOn: (r.issued_on as string | null) ?? null,
    subject: r.subject as string,
    status: r.status as DirectiveSummary['status'],
    dueAt: r.due_at ? new Date(r.due_at as string).toISOString() : null,
    createdAt: new Date(r.created_at as string).toISOString(),
    counts: {
      recipients: Number(r.recipients ?? 0),
      acknowledged: Number(r.acknowledged ?? 0),
      submitted: Number(r.submitted ?? 0),
      accepted: Number(r.accepted ?? 0),
      overdue: Number(r.overdue ?? 0),
    },
  }));
  return { items, total };
}
