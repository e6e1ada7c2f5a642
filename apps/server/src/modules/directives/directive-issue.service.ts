import { sql, type SQL } from 'drizzle-orm';
import type { Directive, RecipientRule } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { scopeFor, scopeSql, type Actor, type Scope } from '../../platform/policy.js';
import { getVisibleOrg } from '../orgs/index.js';
import { notifyUsers } from '../notifications/index.js';
import { openWork, type WorkContext } from '../work/index.js';
import { getEditableDirective, getVisibleDirective, staleVersion, type VisibleDirective } from './directive-access.js';
import { toDirective } from './directive-drafts.service.js';
import { findSectionsAndTasks, updateDirectiveRow } from './directives.repo.js';
import { parentItemDue, relayIssueDue, settleRelayWork } from './directive-chain.js';
import { RECIPIENT_OFFICER_ROLES, ruleCondition, type ResolvedRule } from './recipient-rule.js';

async function resolveRule(db: Db, actor: Actor, rule: RecipientRule): Promise<ResolvedRule> {
  if (!rule.underOrgId) return { rule, underPath: null, underDepth: null };
  const under = await getVisibleOrg(db, actor, rule.underOrgId);
  return { rule, underPath: under.path, underDepth: under.depth };
}

/** Which orgs get which sections: one condition per section, limited to where the caller may issue. */
async function sectionConditions(db: Db, actor: Actor, d: VisibleDirective) {
  const { sections, tasks } = await findSectionsAndTasks(db, d.id);
  const writeScope: Scope = scopeFor(actor, 'directive:write');
  const withTasks = sections.filter((s) => tasks.some((t) => t.sectionId === s.id));
  const conds: { sectionId: string; cond: SQL }[] = [];
  for (const s of withTasks) {
    const rule = (s.rule ?? d.rule) as RecipientRule | null;
    if (!rule)
      throw domainError('VALIDATION_FAILED', 'section_without_recipients', 'a section has no recipients', { section: s.heading || s.position }, [
        { path: `sections.${s.position - 1}.rule`, message: 'missing' },
      ]);
    conds.push({ sectionId: s.id, cond: sql`(${ruleCondition(await resolveRule(db, actor, rule))} and ${scopeSql(writeScope, sql`o.path`)})` });
  }
  if (conds.length === 0)
    throw domainError('VALIDATION_FAILED', 'directive_without_tasks', 'the directive has no tasks', {}, [{ path: 'sections', message: 'empty' }]);
  return {
    conds,
    tasks,
    anyCond: sql`(${sql.join(
      conds.map((c) => c.cond),
      sql` or `,
    )}) and o.id <> ${d.orgId}`,
  };
}

/** Who would receive it: the saved draft's rules, or one rule being edited (`override`). */
export async function previewRecipients(db: Db, actor: Actor, id: string, override: RecipientRule | null, limit = 200) {
  const d = await getEditableDirective(db, actor, id);
  const anyCond = override
    ? sql`${ruleCondition(await resolveRule(db, actor, override))} and ${scopeSql(scopeFor(actor, 'directive:write'), sql`o.path`)} and o.id <> ${d.orgId}`
    : (await sectionConditions(db, actor, d)).anyCond;
  const items = await queryRows<{ id: string; name: string; kind: string; parent_name: string | null }>(
    db,
    sql`select o.id, o.name, o.kind, p.name as parent_name from orgs o left join orgs p on p.id = o.parent_id where ${anyCond} order by o.path limit ${limit}`,
  );
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orgs o where ${anyCond}`);
  return { items: items.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentName: r.parent_name })), total: Number(total?.n ?? 0) };
}

/**
 * Issuing: one assignment per recipient org and one task row per (assignment, task of a
 * section whose rule matches the org), all in set-based SQL inside one transaction, with
 * the recipients' officers notified (in-app, and e-mail through the outbox).
 */
export async function issueDirective(db: Db, work: WorkContext, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Directive> {
  const d = await getEditableDirective(db, actor, id);
  if (d.status !== 'draft') throw domainError('CONFLICT', 'directive_already_issued', 'already issued');
  const { conds, tasks } = await sectionConditions(db, actor, d);
  const plan = sectionPlan(tasks);
  // a relay never asks its units for more time than it was given
  const dueAt = d.parentItemId ? relayIssueDue(d, tasks, await parentItemDue(db, d.parentItemId)) : d.dueAt;
  await db.transaction(async (tx) => {
    const after = await updateDirectiveRow(tx, id, version, { status: 'issued', issuedAt: new Date(), dueAt });
    if (!after) throw staleVersion();
    // each section's recipients are resolved once into a scratch table; the inserts below only join
    await tx.execute(sql`create temp table issue_recipients (section_id uuid, org_id uuid) on commit drop`);
    for (const c of conds) {
      await tx.execute(sql`insert into issue_recipients select ${c.sectionId}::uuid, o.id from orgs o where ${c.cond} and o.id <> ${d.orgId}`);
    }
    // hot path: the recipients, their orgs and their commune and province are read from orgs in
    // this statement, measured in bench "issue one directive to every unit of the national tree";
    // the work module writes the items from it in one insert … select
    const opened = await openWork(
      work,
      tx,
      'directive',
      id,
      sql`with r as (select org_id, array_agg(distinct section_id) as sections from issue_recipients group by org_id)
          select o.id as org_id, o.kind as org_kind, r.sections as part_ids, ${tasksTotalExpr(plan)} as checks_total, ${dueExpr(plan, dueAt)} as due_at,
                 ${d.orgId}::uuid as reviewer_org_id, a.commune_id as commune_org_id, a.province_id as province_org_id
            from r join orgs o on o.id = r.org_id
            left join (${nearestAnchors(sql`select org_id from r`)}) a on a.org_id = r.org_id`,
    );
    if (opened === 0)
      throw domainError('VALIDATION_FAILED', 'rule_matches_no_recipient', 'the rules match no recipient', {}, [{ path: 'rule', message: 'no recipients' }]);
    // hot path: the officers of every recipient in one join against the new assignments, rather than
    // users' findRoleHoldersOn once per org (66,420 calls) — measured in bench "issue one directive to
    // every unit of the national tree"
    const officers = await queryRows<{ user_id: string }>(
      tx,
      sql`select distinct g.user_id from grants g join work_items a on a.org_id = g.org_id join users u on u.id = g.user_id
           where a.kind = 'directive' and a.source_id = ${id} and not u.disabled and g.role = any(${`{${RECIPIENT_OFFICER_ROLES.join(',')}}`}::text[])`,
    );
    if (d.relayWithinDays) await openRelayWork(work, tx, id, d.relayWithinDays);
    await settleRelayWork(tx, d, actor.label);
    await notifyUsers(tx, {
      userIds: officers.map((o) => o.user_id),
      kind: 'directive.issued',
      // rendered per reader from directiveNotifications
      params: { number: d.number ?? null, subject: d.subject, orgName: d.orgName, dueAt: d.dueAt?.toISOString() ?? null },
      link: `/directives/${id}`,
      email: true,
    });
    await recordAudit(tx, audit, {
      action: 'directive.issued',
      entityType: 'directive',
      entityId: id,
      orgId: d.orgId,
      orgPath: d.orgPath,
      before: { status: 'draft' },
      after: { status: 'issued', recipients: opened, ...(d.parentDirectiveId ? { relayOf: d.parentDirectiveId } : {}) },
    });
  });
  return toDirective(db, actor, await getVisibleDirective(db, actor, id));
}

/** "Relay it within N days": one item per recipient that has units of its own, due N days from now. */
async function openRelayWork(work: WorkContext, tx: Db, id: string, days: number): Promise<void> {
  await openWork(
    work,
    tx,
    'directive_relay',
    id,
    sql`select a.org_id, a.org_kind, '{}'::uuid[] as part_ids, 0 as checks_total, now() + make_interval(days => ${days}::int) as due_at,
               null::uuid as reviewer_org_id, a.commune_org_id, a.province_org_id
          from work_items a where a.kind = 'directive' and a.source_id = ${id} and exists (select 1 from orgs c where c.parent_id = a.org_id)`,
    { status: 'acknowledged' },
  );
}

export async function closeDirective(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Directive> {
  const d = await getEditableDirective(db, actor, id);
  if (d.status !== 'issued') throw domainError('CONFLICT', 'directive_close_not_issued', 'only issued directives can be closed');
  await db.transaction(async (tx) => {
    const after = await updateDirectiveRow(tx, id, version, { status: 'closed', closedAt: new Date() });
    if (!after) throw staleVersion();
    await recordAudit(tx, audit, {
      action: 'directive.closed',
      entityType: 'directive',
      entityId: id,
      orgId: d.orgId,
      orgPath: d.orgPath,
      before: { status: 'issued' },
      after: { status: 'closed' },
    });
  });
  return toDirective(db, actor, await getVisibleDirective(db, actor, id));
}

const COMMUNE_KINDS = sql`('commune', 'ward', 'special_zone')`;

interface SectionPlan {
  sectionId: string;
  tasks: number;
  firstDue: Date | null;
}

function sectionPlan(tasks: { sectionId: string; dueAt: Date | null }[]): SectionPlan[] {
  const plan = new Map<string, SectionPlan>();
  for (const t of tasks) {
    const p = plan.get(t.sectionId) ?? { sectionId: t.sectionId, tasks: 0, firstDue: null };
    p.tasks++;
    if (t.dueAt && (!p.firstDue || t.dueAt < p.firstDue)) p.firstDue = t.dueAt;
    plan.set(t.sectionId, p);
  }
  return [...plan.values()];
}

/** Number of tasks of the sections in `r.sections`, as SQL over the (few) sections. */
function tasksTotalExpr(plan: SectionPlan[]): SQL {
  return sql.join(
    plan.map((p) => sql`(case when ${p.sectionId}::uuid = any(r.sections) then ${p.tasks}::int else 0 end)`),
    sql` + `,
  );
}

/** Earliest task deadline among the recipient's sections, else the directive's own. */
function dueExpr(plan: SectionPlan[], directiveDue: Date | null): SQL {
  const dated = plan.filter((p) => p.firstDue);
  if (dated.length === 0) return sql`${directiveDue}::timestamptz`;
  const cases = dated.map((p) => sql`(case when ${p.sectionId}::uuid = any(r.sections) then ${p.firstDue}::timestamptz end)`);
  return sql`coalesce(least(${sql.join(cases, sql`, `)}), ${directiveDue}::timestamptz)`;
}

/**
 * For each org of `orgIds` (a query of one `org_id` column): the org itself or its nearest
 * ancestor of a commune kind, and the same for province — at any depth, in one pass. A path's
 * labels are its orgs' ids ("-" written "_", decision 002), so unnesting the path gives every
 * ancestor with its level, joined by primary key to the few orgs that are communes or provinces;
 * the deepest of each wins. A legacy district between province and commune, or teams nested in
 * units, only add labels.
 */
function nearestAnchors(orgIds: SQL): SQL {
  return sql`
    select x.org_id,
           (array_agg(c.id order by l.n desc) filter (where c.kind in ${COMMUNE_KINDS}))[1] as commune_id,
           (array_agg(c.id order by l.n desc) filter (where c.kind = 'province'))[1] as province_id
      from (${orgIds}) x
      join orgs xo on xo.id = x.org_id
     cross join lateral unnest(string_to_array(xo.path::text, '.')) with ordinality as l(label, n)
      join orgs c on c.id = replace(l.label, '_', '-')::uuid and (c.kind = 'province' or c.kind in ${COMMUNE_KINDS})
     group by x.org_id`;
}
