import { sql, type SQL } from 'drizzle-orm';
import type { Directive, RecipientRule } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { scopeFor, scopeSql, type Actor, type Scope } from '../../platform/policy.js';
import { getVisibleOrg } from '../orgs/index.js';
import { notifyUsers } from '../notifications/index.js';
import { getEditableDirective, getVisibleDirective, staleVersion, type VisibleDirective } from './directive-access.js';
import { toDirective } from './directive-drafts.service.js';
import { findSectionsAndTasks, updateDirectiveRow } from './directives.repo.js';
import { ruleCondition, type ResolvedRule } from './recipient-rule.js';

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
    if (!rule) throw new AppError('VALIDATION_FAILED', `Mục "${s.heading || s.position}" chưa có đơn vị nhận / a section has no recipients`, [{ path: `sections.${s.position - 1}.rule`, message: 'missing' }]);
    conds.push({ sectionId: s.id, cond: sql`(${ruleCondition(await resolveRule(db, actor, rule))} and ${scopeSql(writeScope, sql`o.path`)})` });
  }
  if (conds.length === 0) throw new AppError('VALIDATION_FAILED', 'Công văn chưa có nhiệm vụ nào / the directive has no tasks', [{ path: 'sections', message: 'empty' }]);
  return { conds, anyCond: sql`(${sql.join(conds.map((c) => c.cond), sql` or `)}) and o.id <> ${d.orgId}` };
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
export async function issueDirective(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Directive> {
  const d = await getEditableDirective(db, actor, id);
  if (d.status !== 'draft') throw new AppError('CONFLICT', 'Công văn đã được ban hành / already issued');
  const { conds } = await sectionConditions(db, actor, d);
  const tasksWithDue = (await findSectionsAndTasks(db, id)).tasks.filter((t) => t.dueAt !== null).length;
  await db.transaction(async (tx) => {
    const after = await updateDirectiveRow(tx, id, version, { status: 'issued', issuedAt: new Date() });
    if (!after) throw staleVersion();
    // each section's recipients are resolved once into a scratch table; the inserts below only join
    await tx.execute(sql`create temp table issue_recipients (section_id uuid, org_id uuid) on commit drop`);
    for (const c of conds) {
      await tx.execute(sql`insert into issue_recipients select ${c.sectionId}::uuid, o.id from orgs o where ${c.cond} and o.id <> ${d.orgId}`);
    }
    await tx.execute(sql`
      insert into assignments (directive_id, org_id, org_kind, due_at)
      select ${id}, o.id, o.kind, ${d.dueAt} from (select distinct org_id from issue_recipients) r join orgs o on o.id = r.org_id`);
    await tx.execute(sql`
      insert into assignment_tasks (assignment_id, directive_id, task_id)
      select distinct a.id, a.directive_id, t.id
        from issue_recipients r join assignments a on a.org_id = r.org_id and a.directive_id = ${id} join directive_tasks t on t.section_id = r.section_id`);
    await tx.execute(sql`
      update assignments a set tasks_total = x.n
        from (select assignment_id, count(*)::int as n from assignment_tasks where directive_id = ${id} group by assignment_id) x
       where a.id = x.assignment_id`);
    await fillAncestors(tx, id);
    // an assignment is due at its earliest task deadline, else the directive's
    if (tasksWithDue > 0) await tx.execute(sql`
      update assignments a set due_at = coalesce(x.due, a.due_at)
        from (select at.assignment_id, min(t.due_at) as due from assignment_tasks at join directive_tasks t on t.id = at.task_id
               where t.directive_id = ${id} and t.due_at is not null group by at.assignment_id) x
       where a.id = x.assignment_id`);
    const [n] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from assignments where directive_id = ${id}`);
    if (!n || Number(n.n) === 0) throw new AppError('VALIDATION_FAILED', 'Quy tắc chọn đơn vị nhận không khớp đơn vị nào / the rules match no recipient', [{ path: 'rule', message: 'no recipients' }]);
    const officers = await queryRows<{ user_id: string }>(
      tx,
      sql`select distinct g.user_id from grants g join assignments a on a.org_id = g.org_id join users u on u.id = g.user_id
           where a.directive_id = ${id} and not u.disabled and g.role in ('commune_coordinator', 'unit_officer', 'duty_officer', 'telecom_contact')`,
    );
    await notifyUsers(tx, {
      userIds: officers.map((o) => o.user_id),
      kind: 'directive.issued',
      title: `Công văn mới: ${d.number ? `số ${d.number} – ` : ''}V/v ${d.subject}`.slice(0, 300),
      body: `${d.orgName} đã ban hành công văn${d.dueAt ? `, hạn báo cáo ${d.dueAt.toISOString().slice(0, 10)}` : ''}. Hãy xác nhận đã nhận và báo cáo kết quả.`,
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
      after: { status: 'issued', recipients: Number(n.n) },
    });
  });
  return toDirective(db, actor, await getVisibleDirective(db, actor, id));
}

export async function closeDirective(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<Directive> {
  const d = await getEditableDirective(db, actor, id);
  if (d.status !== 'issued') throw new AppError('CONFLICT', 'Chỉ đóng được công văn đã ban hành / only issued directives can be closed');
  await db.transaction(async (tx) => {
    const after = await updateDirectiveRow(tx, id, version, { status: 'closed', closedAt: new Date() });
    if (!after) throw staleVersion();
    await recordAudit(tx, audit, { action: 'directive.closed', entityType: 'directive', entityId: id, orgId: d.orgId, orgPath: d.orgPath, before: { status: 'issued' }, after: { status: 'closed' } });
  });
  return toDirective(db, actor, await getVisibleDirective(db, actor, id));
}

const COMMUNE_KINDS = sql`('commune', 'ward', 'special_zone')`;

/**
 * Each recipient's commune and province: itself or the nearest of up to five ancestors of
 * that kind, through parent links. Hash joins over the whole set, no per-row tree walk.
 */
async function fillAncestors(tx: Db, directiveId: string): Promise<void> {
  const pick = (kinds: SQL) =>
    sql`case when o.kind in ${kinds} then o.id when p1.kind in ${kinds} then p1.id when p2.kind in ${kinds} then p2.id
             when p3.kind in ${kinds} then p3.id when p4.kind in ${kinds} then p4.id when p5.kind in ${kinds} then p5.id end`;
  await tx.execute(sql`
    update assignments a set commune_org_id = x.commune, province_org_id = x.province
      from (select a2.id, ${pick(sql`('commune', 'ward', 'special_zone')`)} as commune, ${pick(sql`('province')`)} as province
              from assignments a2 join orgs o on o.id = a2.org_id
              left join orgs p1 on p1.id = o.parent_id left join orgs p2 on p2.id = p1.parent_id left join orgs p3 on p3.id = p2.parent_id
              left join orgs p4 on p4.id = p3.parent_id left join orgs p5 on p5.id = p4.parent_id
             where a2.directive_id = ${directiveId}) x
     where a.id = x.id`);
}
