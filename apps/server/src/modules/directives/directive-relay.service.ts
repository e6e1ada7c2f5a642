import type { Directive, DirectiveInput, DirectiveReference } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { inScope, scopeFor, type Actor } from '../../platform/policy.js';
import { getVisibleItem, type WorkContext } from '../work/index.js';
import { getVisibleDirective } from './directive-access.js';
import { dmy, hasUnits } from './directive-chain.js';
import { createDraft } from './directive-drafts.service.js';
import { findSectionsAndTasks } from './directives.repo.js';

/**
 * Relay (triển khai): the org that received a directive passes it on to its own units as a
 * directive of its own, pre-filled from the one received — the reference to the parent, the
 * sections addressed to the org and their tasks (each linked to the task it passes on), a due
 * date before its own — to edit and issue as usual. Relaying twice makes a second draft.
 */

const RELAY_MARGIN_DAYS = 2;
const DAY_MS = 86_400_000;

/** The relay's deadline: some days before the parent's, so the org can gather its units' reports; never after it. */
export function relayDue(parentDue: Date | null, now = new Date()): Date | null {
  if (!parentDue) return null;
  const earlier = new Date(parentDue.getTime() - RELAY_MARGIN_DAYS * DAY_MS);
  return earlier.getTime() > now.getTime() + DAY_MS ? earlier : parentDue;
}

/** The sentence a relay opens with: "Thực hiện Công văn số 907/CAT-PA05 ngày 27/02/2026 của Công an tỉnh về việc …". */
export function relayPreamble(p: {
  documentType: string | null;
  number: string | null;
  issuedOn: string | null;
  issuerName: string;
  subject: string;
  orgName: string;
}): string {
  const doc = [p.documentType ?? 'Công văn', p.number ? `số ${p.number}` : null, p.issuedOn ? `ngày ${dmy(p.issuedOn)}` : null, `của ${p.issuerName}`]
    .filter(Boolean)
    .join(' ');
  return `Thực hiện ${doc} về việc ${p.subject}, ${p.orgName} đề nghị các cơ quan, đơn vị trực thuộc triển khai thực hiện các nội dung sau:`;
}

/** A relay draft from a received assignment; 404 when the caller did not receive it, 403 when they may not write for the org. */
export async function relayAssignment(db: Db, work: WorkContext, actor: Actor, assignmentId: string, audit: AuditContext): Promise<Directive> {
  const v = await getVisibleItem(work, db, actor, assignmentId);
  const item = v.row;
  // the issuing side sees the assignment too, but only the receiving side relays it
  if (item.kind !== 'directive' || !inScope(scopeFor(actor, 'directive:read'), item.orgPath)) {
    throw domainError('NOT_FOUND', 'work_not_found', 'assignment not found');
  }
  if (!inScope(scopeFor(actor, 'directive:write'), item.orgPath))
    throw domainError('FORBIDDEN', 'relay_needs_write', 'you may not write directives for this org');
  const parent = await getVisibleDirective(db, actor, item.sourceId);
  if (parent.status !== 'issued') throw domainError('CONFLICT', 'relay_directive_closed', 'the directive is closed');
  if (!(await hasUnits(db, item.orgId))) throw domainError('CONFLICT', 'relay_no_units', 'the org has no units to relay to');

  const { sections, tasks } = await findSectionsAndTasks(db, parent.id);
  const mine = sections.filter((s) => item.partIds.length === 0 || item.partIds.includes(s.id));
  const due = relayDue(item.dueAt);
  const capped = (d: Date | null) => (d && due && d > due ? due : (d ?? null));
  const reference: DirectiveReference = {
    kind: 'thực hiện',
    documentType: parent.documentType ?? 'Công văn',
    number: parent.number,
    date: parent.issuedOn,
    issuer: parent.orgName,
    text: `${parent.documentType ?? 'Công văn'}${parent.number ? ` số ${parent.number}` : ''}${parent.issuedOn ? ` ngày ${dmy(parent.issuedOn)}` : ''} của ${parent.orgName}`,
    directiveId: parent.id,
  };
  const input: DirectiveInput = {
    issuerOrgId: item.orgId,
    number: null,
    place: null,
    issuedOn: null,
    dateText: null,
    governingBody: null,
    documentType: 'Công văn',
    subject: parent.subject,
    preamble: relayPreamble({
      documentType: parent.documentType,
      number: parent.number,
      issuedOn: parent.issuedOn,
      issuerName: parent.orgName,
      subject: parent.subject,
      orgName: item.orgName,
    }),
    closing: '',
    recipientsText: [],
    copiesTo: [parent.orgName, 'Lưu: VT'],
    signer: { authority: item.orgName, title: null, name: null },
    contacts: [],
    references: [reference],
    relayWithinDays: null,
    alertStart: parent.alertStart,
    alertEnd: parent.alertEnd,
    dueAt: due?.toISOString() ?? null,
    rule: { underOrgId: item.orgId, directChildrenOnly: true },
    sections: mine
      .map((s) => ({
        heading: s.heading,
        addressees: null,
        rule: null,
        tasks: tasks.filter((t) => t.sectionId === s.id).map((t) => ({ text: t.text, dueAt: capped(t.dueAt)?.toISOString() ?? null, parentTaskId: t.id })),
      }))
      .filter((s) => s.tasks.length > 0),
  };
  return createDraft(db, actor, input, audit, undefined, { itemId: item.id, directiveId: parent.id });
}
