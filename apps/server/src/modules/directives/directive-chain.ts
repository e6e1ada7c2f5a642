import { sql } from 'drizzle-orm';
import type { Assignment, Directive, DirectiveInput } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { inScope, scopeFor, type Actor } from '../../platform/policy.js';
import { getVisibleDirective, type VisibleDirective } from './directive-access.js';

/**
 * The chain of directives (issue 11): a relay keeps its parent (the assignment relayed and its
 * directive) and each of its tasks the received task it passes on; references may link other
 * directives. What a draft may say about the chain, what issuing a relay settles, and what the
 * directive and assignment pages show of it.
 */

const at = (path: string, message: string) => [{ path, message }];

/** "27/02/2026" from an ISO date, as Vietnamese letters write it. */
export function dmy(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export async function hasUnits(db: Db, orgId: string): Promise<boolean> {
  return (await queryRows(db, sql`select 1 from orgs where parent_id = ${orgId} limit 1`)).length > 0;
}

/** The received tasks a relay may pass on: those of the sections addressed to the relaying org. */
async function relayableTasks(db: Db, itemId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select t.id from work_items w join directive_tasks t on t.directive_id = w.source_id
         where w.id = ${itemId} and (cardinality(w.part_ids) = 0 or t.section_id = any(w.part_ids))`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * What a draft may say about the chain: each task's `parentTaskId` is a task the relayed
 * assignment received (and only a relay has them); each linked reference is a directive the
 * caller sees, and following links from it never comes back to this draft.
 */
export async function checkChain(db: Db, actor: Actor, input: DirectiveInput, own: { id: string | null; parentItemId: string | null }): Promise<void> {
  const parentTaskIds = input.sections.flatMap((s, i) => s.tasks.map((t, j) => ({ id: t.parentTaskId, path: `sections.${i}.tasks.${j}.parentTaskId` })));
  const linked = parentTaskIds.filter((p) => p.id !== null);
  if (linked.length > 0) {
    if (!own.parentItemId)
      throw domainError(
        'VALIDATION_FAILED',
        'parent_task_without_relay',
        'only a relayed directive passes on received tasks',
        {},
        at(linked[0]!.path, 'not a relay'),
      );
    const allowed = await relayableTasks(db, own.parentItemId);
    const stray = linked.find((p) => !allowed.has(p.id!));
    if (stray) throw domainError('VALIDATION_FAILED', 'parent_task_unknown', 'not a task of the relayed assignment', {}, at(stray.path, 'unknown task'));
  }
  for (const [i, r] of input.references.entries()) {
    if (!r.directiveId) continue;
    try {
      await getVisibleDirective(db, actor, r.directiveId);
    } catch {
      throw domainError(
        'VALIDATION_FAILED',
        'reference_unknown',
        'the referenced directive is not in the system',
        {},
        at(`references.${i}.directiveId`, 'unknown'),
      );
    }
    if (own.id && (r.directiveId === own.id || (await reaches(db, r.directiveId, own.id)))) {
      throw domainError('VALIDATION_FAILED', 'reference_cycle', 'the references would go round in a circle', {}, at(`references.${i}.directiveId`, 'cycle'));
    }
  }
}

/** Does following references and parents from `from` come back to `target`? (bounded: a chain is a few links) */
async function reaches(db: Db, from: string, target: string): Promise<boolean> {
  const seen = new Set<string>([from]);
  let frontier = [from];
  for (let depth = 0; depth < 20 && frontier.length > 0; depth++) {
    const rows = await queryRows<{ next: string | null }>(
      db,
      sql`select parent_directive_id::text as next from directives where id = any(${`{${frontier.join(',')}}`}::uuid[])
          union select r->>'directiveId' from directives d, jsonb_array_elements(d."references") r where d.id = any(${`{${frontier.join(',')}}`}::uuid[])`,
    );
    const next = rows.map((r) => r.next).filter((x): x is string => typeof x === 'string' && x.length > 0 && !seen.has(x));
    if (next.includes(target)) return true;
    for (const n of next) seen.add(n);
    frontier = next;
  }
  return false;
}

/** Issuing a relay: its dates never pass the parent's deadline; a missing one becomes the parent's. */
export function relayIssueDue(d: VisibleDirective, tasks: readonly { dueAt: Date | null }[], parentDue: Date | null): Date | null {
  if (!parentDue) return d.dueAt;
  const late = (x: Date | null) => x !== null && x.getTime() > parentDue.getTime();
  const when = parentDue.toISOString();
  if (late(d.dueAt))
    throw domainError(
      'VALIDATION_FAILED',
      'relay_due_after_parent',
      `the due date is after the received one (${when})`,
      { parentDueAt: when },
      at('dueAt', when),
    );
  const i = tasks.findIndex((t) => late(t.dueAt));
  if (i >= 0)
    throw domainError(
      'VALIDATION_FAILED',
      'relay_due_after_parent',
      `a task is due after the received deadline (${when})`,
      { parentDueAt: when },
      at(`tasks.${i}.dueAt`, when),
    );
  return d.dueAt ?? parentDue;
}

export async function parentItemDue(db: Db, itemId: string): Promise<Date | null> {
  const [r] = await queryRows<{ due_at: string | Date | null }>(db, sql`select due_at from work_items where id = ${itemId}`);
  return r?.due_at ? new Date(r.due_at) : null;
}

/** Inside the relay's issue: the relay owed by the org for the parent is done. */
export async function settleRelayWork(tx: Db, d: VisibleDirective, actorLabel: string): Promise<void> {
  if (!d.parentDirectiveId) return;
  const settled = await queryRows<{ id: string }>(
    tx,
    sql`update work_items set status = 'accepted', submitted_at = now(), reviewed_at = now(), version = version + 1, updated_at = now()
         where kind = 'directive_relay' and source_id = ${d.parentDirectiveId} and org_id = ${d.orgId}
           and status not in ('accepted', 'not_applicable', 'risk_accepted')
        returning id`,
  );
  for (const s of settled) {
    await tx.execute(
      sql`insert into work_events (item_id, actor_label, kind, comment, params)
          values (${s.id}, ${actorLabel}, 'relayed', null, ${JSON.stringify({ directiveId: d.id, number: d.number })}::jsonb)`,
    );
  }
}

/** The directive's parent, as its page shows it (null: not a relay). */
export async function parentOf(db: Db, d: VisibleDirective): Promise<Directive['parent']> {
  if (!d.parentItemId) return null;
  const [r] = await queryRows<{ directive_id: string; number: string | null; issued_on: string | Date | null; org_name: string; due_at: string | Date | null }>(
    db,
    sql`select p.id as directive_id, p.number, p.issued_on, o.name as org_name, w.due_at
          from work_items w join directives p on p.id = w.source_id join orgs o on o.id = p.org_id where w.id = ${d.parentItemId}`,
  );
  if (!r) return null;
  const issuedOn = r.issued_on instanceof Date ? r.issued_on.toISOString().slice(0, 10) : r.issued_on;
  return {
    assignmentId: d.parentItemId,
    directiveId: r.directive_id,
    number: r.number,
    issuedOn,
    issuerOrgName: r.org_name,
    dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
  };
}

/** What the assignment page says about relaying: may the caller, by when, and what was relayed. */
export async function relayStateOf(
  db: Db,
  actor: Actor,
  item: { id: string; orgId: string; orgPath: string; sourceId: string },
): Promise<Pick<Assignment, 'hasUnits' | 'canRelay' | 'relayDueAt' | 'relays'>> {
  const [units, relays, due, open] = await Promise.all([
    hasUnits(db, item.orgId),
    queryRows<{ id: string; number: string | null; subject: string; status: string; issued_at: string | Date | null }>(
      db,
      sql`select id, number, subject, status, issued_at from directives where parent_item_id = ${item.id} order by created_at`,
    ),
    queryRows<{ due_at: string | Date | null }>(
      db,
      sql`select due_at from work_items where kind = 'directive_relay' and source_id = ${item.sourceId} and org_id = ${item.orgId}`,
    ),
    queryRows(db, sql`select 1 from directives where id = ${item.sourceId} and status = 'issued'`),
  ]);
  const canRead = inScope(scopeFor(actor, 'directive:read'), item.orgPath);
  return {
    hasUnits: units,
    canRelay: units && open.length > 0 && canRead && inScope(scopeFor(actor, 'directive:write'), item.orgPath),
    relayDueAt: due[0]?.due_at ? new Date(due[0].due_at).toISOString() : null,
    relays: relays.map((r) => ({
      directiveId: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status as Assignment['relays'][number]['status'],
      issuedAt: r.issued_at ? new Date(r.issued_at).toISOString() : null,
    })),
  };
}
