import { sql } from 'drizzle-orm';
import type { FromUnits, FromUnitsTask, TaskStatus } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { inScope, scopeFor, type Actor } from '../../platform/policy.js';
import { getVisibleItem, type WorkContext } from '../work/index.js';

/**
 * Reports that climb (issue 11): a ward that relayed the province's dispatch to its schools
 * reports to the province from what the schools reported. Per task of the ward's assignment:
 * the units' answers on the relayed tasks that pass it on, counted, with their notes and
 * evidence, and a report and status the ward can take and edit before it submits.
 */

const MAX_NAMED = 10;
const MAX_NOTES = 20;

type Answer = FromUnitsTask['answers'][number];

const SETTLED: readonly TaskStatus[] = ['done', 'not_applicable', 'risk_accepted'];

/** The sentence the relaying org's report may start from, in Vietnamese. */
export function suggestReport(answers: readonly Answer[]): string {
  const n = answers.length;
  if (n === 0) return '';
  const named = (xs: readonly Answer[], withReason = false) => {
    const names = xs.slice(0, MAX_NAMED).map((a) => (withReason && a.reason ? `${a.orgName}: ${a.reason}` : a.orgName));
    return `${names.join('; ')}${xs.length > MAX_NAMED ? `; và ${xs.length - MAX_NAMED} đơn vị khác` : ''}`;
  };
  const done = answers.filter((a) => a.status === 'done' || a.status === 'risk_accepted');
  const notDone = answers.filter((a) => a.status === 'not_done');
  const na = answers.filter((a) => a.status === 'not_applicable');
  const open = answers.filter((a) => !SETTLED.includes(a.status) && a.status !== 'not_done');
  const parts = [
    `${done.length}/${n} đơn vị đã thực hiện`,
    notDone.length ? `${notDone.length} đơn vị không thực hiện được (${named(notDone, true)})` : null,
    na.length ? `${na.length} đơn vị không áp dụng` : null,
    open.length ? `${open.length} đơn vị chưa hoàn thành (${named(open)})` : null,
  ].filter(Boolean);
  const notes = answers
    .filter((a) => a.report.trim())
    .slice(0, MAX_NOTES)
    .map((a) => `- ${a.orgName}: ${a.report.trim().replace(/\s+/g, ' ')}`);
  return [`Đã triển khai đến ${n} đơn vị trực thuộc; ${parts.join('; ')}.`, ...notes].join('\n');
}

export function suggestStatus(answers: readonly Answer[]): TaskStatus {
  if (answers.length === 0) return 'not_started';
  if (answers.every((a) => a.status === 'not_applicable')) return 'not_applicable';
  if (answers.every((a) => SETTLED.includes(a.status))) return 'done';
  return 'in_progress';
}

export function tally(taskId: string, answers: Answer[]): FromUnitsTask {
  const count = (f: (a: Answer) => boolean) => answers.filter(f).length;
  return {
    taskId,
    units: answers.length,
    done: count((a) => a.status === 'done' || a.status === 'risk_accepted'),
    notDone: count((a) => a.status === 'not_done'),
    notApplicable: count((a) => a.status === 'not_applicable'),
    open: count((a) => !SETTLED.includes(a.status) && a.status !== 'not_done'),
    answers,
    suggestedReport: suggestReport(answers),
    suggestedStatus: suggestStatus(answers),
  };
}

export async function fromUnits(db: Db, work: WorkContext, actor: Actor, assignmentId: string): Promise<FromUnits> {
  const v = await getVisibleItem(work, db, actor, assignmentId);
  // the owing org's subtree (its own people and those above it); a reviewer elsewhere reads the cascade
  if (v.row.kind !== 'directive' || !inScope(scopeFor(actor, 'directive:read'), v.row.orgPath)) {
    throw domainError('NOT_FOUND', 'work_not_found', 'assignment not found');
  }
  const tasks = await queryRows<{ id: string }>(
    db,
    sql`select t.id from directive_tasks t where t.directive_id = ${v.row.sourceId}
         and (${v.row.partIds.length === 0} or t.section_id = any(${`{${v.row.partIds.join(',')}}`}::uuid[])) order by t.position`,
  );
  return unitsAnswers(
    db,
    assignmentId,
    tasks.map((t) => t.id),
  );
}

/** The units' answers for the tasks `taskIds` of an assignment (no access check: the caller has read the assignment). */
export async function unitsAnswers(db: Db, assignmentId: string, taskIds: readonly string[]): Promise<FromUnits> {
  const [relays, rows] = await Promise.all([
    queryRows<{ id: string; number: string | null; units: number }>(
      db,
      sql`select d.id, d.number, (select count(*)::int from work_items ca where ca.kind = 'directive' and ca.source_id = d.id) as units
            from directives d where d.parent_item_id = ${assignmentId} and d.status <> 'draft' order by d.issued_at`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select ct.parent_task_id::text as task_id, ca.id as assignment_id, org_label(o) as org_name, ca.status as assignment_status,
                 coalesce(wc.status, 'not_started') as status, coalesce(wc.report, '') as report, wc.reason, wc.id as check_id
            from directives d
            join directive_tasks ct on ct.directive_id = d.id and ct.parent_task_id is not null
            join work_items ca on ca.kind = 'directive' and ca.source_id = d.id and (cardinality(ca.part_ids) = 0 or ct.section_id = any(ca.part_ids))
            join orgs o on o.id = ca.org_id
            left join work_checks wc on wc.item_id = ca.id and wc.check_key = ct.id::text
           where d.parent_item_id = ${assignmentId} and d.status <> 'draft'
           order by o.path`,
    ),
  ]);
  const evidence = await evidenceOf(
    db,
    rows.map((r) => r.check_id as string | null).filter((x): x is string => x !== null),
  );
  const byTask = new Map<string, Answer[]>(taskIds.map((t) => [t, []]));
  for (const r of rows) {
    byTask.get(r.task_id as string)?.push({
      assignmentId: r.assignment_id as string,
      orgName: r.org_name as string,
      assignmentStatus: r.assignment_status as Answer['assignmentStatus'],
      status: r.status as TaskStatus,
      report: r.report as string,
      reason: (r.reason as string | null) ?? null,
      evidence: r.check_id ? (evidence.get(r.check_id as string) ?? []) : [],
    });
  }
  return {
    assignmentId,
    relays: relays.map((r) => ({ directiveId: r.id, number: r.number, units: Number(r.units) })),
    tasks: [...byTask.entries()].map(([taskId, answers]) => tally(taskId, answers)),
  };
}

async function evidenceOf(db: Db, checkIds: readonly string[]): Promise<Map<string, Answer['evidence']>> {
  const out = new Map<string, Answer['evidence']>();
  if (checkIds.length === 0) return out;
  const rows = await queryRows<{ check_id: string; id: string; filename: string; size: number | string; mime: string; sha256: string }>(
    db,
    sql`select e.check_id, f.id, f.filename, f.size_bytes as size, f.mime, f.sha256 from work_evidence e join files f on f.id = e.file_id
         where e.check_id = any(${`{${checkIds.join(',')}}`}::uuid[]) order by e.created_at`,
  );
  for (const r of rows) {
    const list = out.get(r.check_id) ?? [];
    list.push({ id: r.id, filename: r.filename, size: Number(r.size), mime: r.mime, sha256: r.sha256 });
    out.set(r.check_id, list);
  }
  return out;
}
