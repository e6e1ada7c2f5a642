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
  const { conds, anyCond } = await sectionConditions(db, actor, d);
  await db.transaction(async (tx) => {
    const after = await updateDirectiveRow(tx, id, version, { status: 'issued', issuedAt: new Date() });
    if (!after) throw staleVersion();
    await tx.execute(sql`
      insert into assignments (directive_id, org_id, due_at)
      select ${id}, o.id, ${d.dueAt} from orgs o where ${anyCond}`);
    const taskCase = sql.join(
      conds.map((c) => sql`(t.section_id = ${c.sectionId} and ${c.cond})`),
      sql` or `,
    );
    await tx.execute(sql`
      insert into assignment_tasks (assignment_id, task_id)
      select a.id, t.id from assignments a join orgs o on o.id = a.org_id join directive_tasks t on t.directive_id = a.directive_id
       where a.directive_id = ${id} and (${taskCase})`);
    await fillAncestors(tx, id);
    // an assignment is due at its earliest task deadline, else the directive's
    await tx.execute(sql`
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
 * Each recipient's commune and province: the ancestor (or itself) of that kind, found by
 * matching path prefixes at the few depths where such orgs sit: index probes, no tree walk.
 */
async function fillAncestors(tx: Db, directiveId: string): Promise<void> {
  for (const [column, kinds] of [
    [sql`commune_org_id`, COMMUNE_KINDS],
    [sql`province_org_id`, sql`('province')`],
  ] as const) {
    await tx.execute(sql`
      update assignments a set ${column} = c.id
        from orgs o, (select distinct depth from orgs where kind in ${kinds}) d, orgs c
       where a.directive_id = ${directiveId} and o.id = a.org_id and d.depth <= o.depth
         and c.path = subpath(o.path, 0, d.depth) and c.kind in ${kinds}`);
  }
}
