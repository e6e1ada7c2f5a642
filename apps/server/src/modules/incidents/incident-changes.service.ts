import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { IncidentPatchSchema, IncidentTaskBodySchema } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { FileStore } from '../../platform/files/files.js';
import { authorize, inScope, scopeFor, type Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import { openWork } from '../work/index.js';
import { findCase, requireVersion, requireWritable, visibleCase, type CaseAccess } from './incidents-access.js';
import { syncReports } from './incidents-reports.js';
import { writeTimeline, type TimelineEntry } from './incidents.repo.js';
import { actorRef, cleanIndicators, insertIndicators, linkAffected, type IncidentDeps } from './incidents.service.js';

export const TASK_WORK_KIND = 'incident_task';
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

async function change(
  deps: IncidentDeps,
  actor: Actor,
  a: CaseAccess,
  audit: AuditContext,
  what: { action: string; timeline: TimelineEntry[]; before?: Record<string, unknown>; after?: Record<string, unknown> },
  body: (tx: Db) => Promise<void>,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await body(tx);
    await tx.execute(sql`update incidents set version = version + 1, updated_at = now() where id = ${a.row.id}`);
    await writeTimeline(tx, a.row.id, actorRef(actor), what.timeline);
    await recordAudit(tx, audit, {
      action: what.action,
      entityType: 'incident',
      entityId: a.row.id,
      orgId: a.row.org_id,
      orgPath: a.row.org_path,
      ...(what.before ? { before: what.before } : {}),
      ...(what.after ? { after: what.after } : {}),
    });
  });
}

const FLAGS = ['severity', 'category', 'serious', 'personalData', 'nationalSecurity', 'status', 'title', 'description'] as const;
const COLUMN: Record<(typeof FLAGS)[number], string> = {
  severity: 'severity',
  category: 'category',
  serious: 'serious',
  personalData: 'personal_data',
  nationalSecurity: 'national_security',
  status: 'status',
  title: 'title',
  description: 'description',
};

/** Edits the case; a change of the flags that decide the statutory reports adds or drops them (and says so on the timeline). */
export async function patchIncident(
  deps: IncidentDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof IncidentPatchSchema>,
  audit: AuditContext,
): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a);
  if (a.via !== 'subtree')
    throw domainError('FORBIDDEN', 'incident_not_yours', 'the response team adds notes, indicators and evidence; the unit edits the case');
  requireVersion(a, body.version);
  if (body.status && a.row.status === 'closure_review')
    throw domainError('CONFLICT', 'incident_in_closure_review', 'the closure is being reviewed; wait for the decision');
  const current: Record<string, unknown> = {
    severity: a.row.severity,
    category: a.row.category,
    serious: a.row.serious,
    personalData: a.row.personal_data,
    nationalSecurity: a.row.national_security,
    status: a.row.status,
    title: a.row.title,
    description: a.row.description,
  };
  const changed = FLAGS.filter((k) => body[k] !== undefined && body[k] !== current[k]);
  const timeline: TimelineEntry[] = changed.map((k): TimelineEntry =>
    k === 'status'
      ? { kind: 'status_changed', comment: body.comment ?? null, params: { from: String(current.status), to: String(body.status) } }
      : { kind: 'updated', params: { field: k, to: k === 'description' ? null : (body[k] as string | boolean) } },
  );
  if (body.systemIds || body.assetIds) timeline.push({ kind: 'updated', params: { field: 'affected' } });
  if (timeline.length === 0 && !body.comment) return;
  if (timeline.length === 0) timeline.push({ kind: 'note', comment: body.comment ?? null });
  await change(
    deps,
    actor,
    a,
    audit,
    {
      action: 'incident.updated',
      timeline,
      before: Object.fromEntries(changed.map((k) => [k, current[k]])),
      after: Object.fromEntries(changed.map((k) => [k, body[k]])),
    },
    async (tx) => {
      for (const k of changed) await tx.execute(sql`update incidents set ${sql.raw(COLUMN[k])} = ${body[k]} where id = ${a.row.id}`);
      if (body.systemIds) {
        await tx.execute(sql`delete from incident_systems where incident_id = ${a.row.id}`);
        await linkAffected(tx, a.row.id, body.systemIds, []);
      }
      if (body.assetIds) {
        await tx.execute(sql`delete from incident_assets where incident_id = ${a.row.id}`);
        await linkAffected(tx, a.row.id, [], body.assetIds);
      }
      if (changed.some((k) => k === 'serious' || k === 'personalData' || k === 'nationalSecurity')) {
        const r = await syncReports(deps.work, tx, (await findCase(tx, a.row.id))!);
        if (r.added.length || r.dropped.length)
          timeline.push({ kind: 'reports_changed', params: { added: r.added.join(',') || null, dropped: r.dropped.join(',') || null } });
      }
    },
  );
}

export async function addNote(deps: IncidentDeps, actor: Actor, id: string, comment: string, audit: AuditContext): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a);
  await change(deps, actor, a, audit, { action: 'incident.noted', timeline: [{ kind: 'note', comment }], after: { comment } }, async () => {});
}

export async function addIndicators(
  deps: IncidentDeps,
  actor: Actor,
  id: string,
  list: readonly { type?: string | undefined; value: string; note?: string | undefined }[],
  audit: AuditContext,
): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a);
  const clean = cleanIndicators(list);
  let added = 0;
  await change(deps, actor, a, audit, { action: 'incident.indicators_added', timeline: [], after: { count: clean.length } }, async (tx) => {
    added = await insertIndicators(tx, a.row.id, actor, clean);
    await writeTimeline(tx, a.row.id, actorRef(actor), [{ kind: 'indicator_added', params: { count: added, skipped: clean.length - added } }]);
  });
}

export async function removeIndicator(deps: IncidentDeps, actor: Actor, id: string, indicatorId: string, audit: AuditContext): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a);
  const [x] = await queryRows<{ type: string; value: string }>(
    deps.db,
    sql`select type, value from incident_indicators where id = ${indicatorId} and incident_id = ${a.row.id}`,
  );
  if (!x) throw domainError('NOT_FOUND', 'incident_indicator_not_found', 'indicator not found');
  await change(
    deps,
    actor,
    a,
    audit,
    { action: 'incident.indicator_removed', timeline: [{ kind: 'indicator_removed', params: { type: x.type, value: x.value } }], before: x },
    async (tx) => {
      await tx.execute(sql`delete from incident_indicators where id = ${indicatorId}`);
    },
  );
}

/** Stores the file first (content-addressed, so a refused request leaves no row), then links it. */
export async function addEvidence(
  deps: IncidentDeps & { files: FileStore },
  actor: Actor,
  id: string,
  file: { data: Buffer; filename: string; mime: string },
  audit: AuditContext,
): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a);
  if (file.data.length > MAX_EVIDENCE_BYTES)
    throw domainError('PAYLOAD_TOO_LARGE', 'evidence_too_large', `file larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`, {
      maxMb: MAX_EVIDENCE_BYTES / 1024 / 1024,
    });
  await change(deps, actor, a, audit, { action: 'incident.evidence_added', timeline: [], after: { file: file.filename } }, async (tx) => {
    const stored = await deps.files.put(tx, { ...file, createdBy: actor.kind === 'user' ? actor.userId : null });
    await tx.execute(sql`insert into incident_evidence (incident_id, file_id, added_by, added_by_label)
                         values (${a.row.id}, ${stored.id}, ${actor.kind === 'user' ? actor.userId : null}, ${actor.label})`);
    await writeTimeline(tx, a.row.id, actorRef(actor), [{ kind: 'evidence_added', params: { file: stored.filename, size: stored.sizeBytes } }]);
  });
}

/**
 * A task for an org, carried by work (its to-do list, deadline, reminders, review by the handling
 * org). The org must be in the caller's reach: their own subtree, or the invited response team.
 */
export async function addTask(deps: IncidentDeps, actor: Actor, id: string, body: z.infer<typeof IncidentTaskBodySchema>, audit: AuditContext): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a);
  const org = await getOrgRef(deps.db, body.orgId);
  const reach = scopeFor(actor, 'incident:report');
  const teamOrg = a.row.member_paths.some((p) => org && (org.path === p || org.path.startsWith(`${p}.`)));
  if (!org || !(inScope(reach, org.path) || teamOrg))
    throw domainError('VALIDATION_FAILED', 'incident_task_org_unknown', 'assign tasks to orgs of your tree or of the response team', {}, [
      { path: 'orgId', message: 'not in reach' },
    ]);
  const dueAt = body.dueAt ? new Date(body.dueAt) : null;
  if (dueAt && Number.isNaN(dueAt.getTime()))
    throw domainError('VALIDATION_FAILED', 'incident_task_due_invalid', 'not a date', {}, [{ path: 'dueAt', message: 'not a date' }]);
  await change(deps, actor, a, audit, { action: 'incident.task_assigned', timeline: [], after: { org: org.name, title: body.title } }, async (tx) => {
    const [t] = await queryRows<{ id: string }>(
      tx,
      sql`insert into incident_tasks (incident_id, org_id, title, detail, due_at, created_by)
          values (${a.row.id}, ${org.id}, ${body.title}, ${body.detail ?? null}, ${dueAt}, ${actor.kind === 'user' ? actor.userId : null}) returning id`,
    );
    await openWork(
      deps.work,
      tx,
      TASK_WORK_KIND,
      t!.id,
      sql`select o.id as org_id, o.kind as org_kind, '{}'::uuid[] as part_ids, 1 as checks_total, ${dueAt}::timestamptz as due_at,
                 ${a.row.handler_org_id}::uuid as reviewer_org_id,
                 (select c.id from orgs c where c.path @> o.path and c.kind in ('commune', 'ward', 'special_zone') order by c.depth desc limit 1) as commune_org_id,
                 (select p.id from orgs p where p.path @> o.path and p.kind = 'province' order by p.depth desc limit 1) as province_org_id
            from orgs o where o.id = ${org.id}`,
    );
    await writeTimeline(tx, a.row.id, actorRef(actor), [{ kind: 'task_assigned', params: { org: org.name, title: body.title } }]);
  });
}

/** Invites an org (the provincial response team) into the case: its people see and work this case, nothing else of the unit's. */
export async function inviteTeam(deps: IncidentDeps, actor: Actor, id: string, orgId: string, comment: string | undefined, audit: AuditContext): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a, 'incident:manage');
  if (a.via !== 'subtree') throw domainError('FORBIDDEN', 'incident_not_yours', 'only the handling side invites a team');
  const org = await getOrgRef(deps.db, orgId);
  if (!org) throw domainError('VALIDATION_FAILED', 'org_not_found', 'no such org', {}, [{ path: 'orgId', message: 'unknown' }]);
  // an org the manager cannot see is not theirs to invite; 404 as if it did not exist
  authorize(actor, 'org:read', org.path);
  await change(
    deps,
    actor,
    a,
    audit,
    { action: 'incident.team_invited', timeline: [{ kind: 'team_invited', comment: comment ?? null, params: { org: org.name } }], after: { org: org.name } },
    async (tx) => {
      await tx.execute(
        sql`insert into incident_members (incident_id, org_id, invited_by) values (${a.row.id}, ${org.id}, ${actor.userId}) on conflict do nothing`,
      );
    },
  );
}

/** The province takes the case over: it becomes the handling org (the unit still sees its case). */
export async function takeOver(deps: IncidentDeps, actor: Actor, id: string, version: number, audit: AuditContext): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  requireWritable(a, 'incident:manage');
  requireVersion(a, version);
  const handler = a.row.province_org_id ?? a.row.org_id;
  const [h] = await queryRows<{ path: string; name: string }>(deps.db, sql`select path::text as path, name from orgs where id = ${handler}`);
  authorize(actor, 'incident:manage', h?.path ?? null);
  if (handler === a.row.handler_org_id) throw domainError('CONFLICT', 'incident_already_handled', 'this case is already handled by the province');
  await change(
    deps,
    actor,
    a,
    audit,
    {
      action: 'incident.taken_over',
      timeline: [{ kind: 'taken_over', params: { from: a.row.handler_name, to: h!.name } }],
      before: { handler: a.row.handler_name },
      after: { handler: h!.name },
    },
    async (tx) => {
      await tx.execute(sql`update incidents set handler_org_id = ${handler} where id = ${a.row.id}`);
      await tx.execute(sql`update work_items set reviewer_org_id = ${handler} where kind = ${TASK_WORK_KIND}
                            and source_id in (select id from incident_tasks where incident_id = ${a.row.id})`);
    },
  );
}

/**
 * Merges duplicates into this case: their indicators, systems, assets, alerts and evidence move
 * here, each merged case becomes read-only and points here, and its open report deadlines close
 * (the target's reports stand for them). Every case must be seen and managed by the caller.
 */
export async function mergeInto(deps: IncidentDeps, actor: Actor, id: string, sourceIds: readonly string[], audit: AuditContext): Promise<void> {
  const target = await visibleCase(deps.db, actor, id);
  requireWritable(target, 'incident:manage');
  if (sourceIds.includes(id))
    throw domainError('VALIDATION_FAILED', 'incident_merge_self', 'a case cannot be merged into itself', {}, [{ path: 'sourceIds', message: 'self' }]);
  const sources: CaseAccess[] = [];
  for (const s of [...new Set(sourceIds)]) {
    const a = await visibleCase(deps.db, actor, s);
    requireWritable(a, 'incident:manage');
    sources.push(a);
  }
  await change(
    deps,
    actor,
    target,
    audit,
    {
      action: 'incident.merged',
      timeline: sources.map((s) => ({ kind: 'merged_from', params: { code: s.row.code, org: s.row.org_name } })),
      after: { merged: sources.map((s) => s.row.code) },
    },
    async (tx) => {
      for (const s of sources) {
        const from = s.row.id;
        await tx.execute(sql`insert into incident_indicators (incident_id, type, value, note, added_by, added_at)
                             select ${id}, type, value, note, added_by, added_at from incident_indicators where incident_id = ${from} on conflict do nothing`);
        await tx.execute(
          sql`insert into incident_systems (incident_id, system_id) select ${id}, system_id from incident_systems where incident_id = ${from} on conflict do nothing`,
        );
        await tx.execute(
          sql`insert into incident_assets (incident_id, asset_id) select ${id}, asset_id from incident_assets where incident_id = ${from} on conflict do nothing`,
        );
        await tx.execute(sql`update incident_alerts set incident_id = ${id} where incident_id = ${from}`);
        await tx.execute(sql`insert into incident_evidence (incident_id, file_id, added_by, added_by_label, added_at)
                             select ${id}, file_id, added_by, added_by_label, added_at from incident_evidence where incident_id = ${from}`);
        await tx.execute(sql`update incidents set status = 'merged', merged_into_id = ${id}, next_due_at = null, next_due_kind = null, version = version + 1, updated_at = now()
                              where id = ${from}`);
        await tx.execute(sql`update work_items set status = 'not_applicable', status_reason = ${`Đã gộp vào sự cố ${target.row.code}`}, version = version + 1, updated_at = now()
                              where kind = 'incident_report' and status in ('pending', 'acknowledged', 'in_progress', 'returned')
                                and source_id in (select id from incident_reports where incident_id = ${from})`);
        await writeTimeline(tx, from, actorRef(actor), [{ kind: 'merged_into', params: { code: target.row.code } }]);
      }
    },
  );
}

/** A closed case reopens with a reason (the only change a closed case takes). */
export async function reopen(deps: IncidentDeps, actor: Actor, id: string, reason: string, version: number, audit: AuditContext): Promise<void> {
  const a = await visibleCase(deps.db, actor, id);
  if (a.row.status !== 'closed') throw domainError('CONFLICT', 'incident_not_closed', 'only a closed case is reopened', { status: a.row.status });
  if (!a.has('incident:report') && !a.has('incident:review'))
    throw domainError('FORBIDDEN', 'incident_not_yours', 'you may read this incident but not change it');
  requireVersion(a, version);
  await change(
    deps,
    actor,
    a,
    audit,
    { action: 'incident.reopened', timeline: [{ kind: 'reopened', comment: reason }], before: { status: 'closed' }, after: { status: 'open', reason } },
    async (tx) => {
      await tx.execute(sql`update incidents set status = 'open', closed_at = null, reopened_reason = ${reason} where id = ${a.row.id}`);
      await tx.execute(sql`update incident_reports set status = 'returned', review_comment = ${reason} where incident_id = ${a.row.id} and kind = 'closure'`);
    },
  );
}
