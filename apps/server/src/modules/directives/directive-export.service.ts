import { sql } from 'drizzle-orm';
import type { FromUnitsTask } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import type { Actor } from '../../platform/policy.js';
import { getOrgRef } from '../orgs/index.js';
import { todayInVietnam } from '../../platform/time.js';
import { getEditableDirective, getVisibleDirective, type VisibleDirective } from './directive-access.js';
import { findSectionsAndTasks } from './directives.repo.js';
import { rollup } from './rollup.service.js';
import type { AssignmentReportDoc, DispatchDoc, ReportDoc } from './export/index.js';
import { workStatusWord, type WorkContext } from '../work/index.js';
import { getAssignment } from './assignments.service.js';
import { unitsAnswers } from './directive-climb.service.js';

// the builders (docx, exceljs) load on the first export, not at server start
const builders = () => import('./export/index.js');

const TASK_STATUS_VI: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  not_done: 'Không thực hiện được',
  not_applicable: 'Không áp dụng',
  risk_accepted: 'Chấp nhận rủi ro',
};
const KIND_VI: Record<string, string> = {
  province: 'Tỉnh/Thành phố',
  district: 'Huyện (cũ)',
  commune: 'Xã',
  ward: 'Phường',
  special_zone: 'Đặc khu',
  agency: 'Cơ quan',
  school: 'Trường học',
  residential_group: 'Tổ dân phố/Thôn, bản',
  police: 'Công an',
  military_command: 'Ban Chỉ huy quân sự',
  telecom: 'Doanh nghiệp viễn thông',
  monitoring_centre: 'Trung tâm giám sát',
  incident_response_team: 'Đội ứng cứu sự cố',
  other: 'Khác',
};

// People's Committees write in their own name, with no governing body above it (Decree 30/2020, Annex I)
const SELF_GOVERNED = new Set(['province', 'district', 'commune', 'ward', 'special_zone']);

/** The line above the issuer: as written on the letter when it says; otherwise the parent org, except for a People's Committee. */
export function governingLine(d: Pick<VisibleDirective, 'governingBody'>, kind: string | null, parentName: string | null): string | null {
  const written = d.governingBody?.trim();
  if (written) return written.toLocaleUpperCase('vi');
  if (!parentName || (kind && SELF_GOVERNED.has(kind))) return null;
  return parentName.toLocaleUpperCase('vi');
}

async function headerOf(db: Db, d: VisibleDirective) {
  const org = await getOrgRef(db, d.orgId);
  const parent = org?.parentId ? await getOrgRef(db, org.parentId) : undefined;
  return {
    parentBody: governingLine(d, org?.kind ?? null, parent?.name ?? null),
    issuingBody: d.orgName.toLocaleUpperCase('vi'),
    number: d.number,
    place: d.place,
    date: d.issuedOn,
    dateText: d.dateText,
    subject: d.subject,
    signer: d.signer,
    copiesTo: d.copiesTo,
  };
}

const directiveRef = (d: VisibleDirective) =>
  `Công văn${d.number ? ` số ${d.number}` : ''}${d.issuedOn ? ` ngày ${d.issuedOn.split('-').reverse().join('/')}` : ''} của ${d.orgName} về ${d.subject}`;

const fileName = (d: VisibleDirective, what: string, ext: string) => `${what}-${(d.number ?? d.id.slice(0, 8)).replace(/[/\\\s]+/g, '-')}.${ext}`;

/** The directive as a Decree 30 letter, to print, sign and file. */
export async function exportDirectiveDocx(db: Db, actor: Actor, id: string): Promise<{ buffer: Buffer; filename: string }> {
  const d = await getVisibleDirective(db, actor, id);
  const { sections, tasks } = await findSectionsAndTasks(db, id);
  const doc: DispatchDoc = {
    ...(await headerOf(db, d)),
    recipients: d.recipientsText,
    preamble: d.preamble,
    sections: sections.map((s) => ({ heading: s.heading, tasks: tasks.filter((t) => t.sectionId === s.id).map((t) => t.text) })),
    closing: d.closing,
  };
  return { buffer: await (await builders()).buildDispatchDocx(doc), filename: fileName(d, 'cong-van', 'docx') };
}

/** The consolidated implementation report, in the same layout (DOCX) or as a table (XLSX). */
export async function exportReport(db: Db, actor: Actor, id: string, format: 'docx' | 'xlsx'): Promise<{ buffer: Buffer; filename: string }> {
  const d = await getEditableDirective(db, actor, id);
  const [byCommune, byTask] = await Promise.all([rollup(db, actor, id, 'commune'), rollup(db, actor, id, 'task')]);
  const sum = (k: 'recipients' | 'acknowledged' | 'submitted' | 'accepted' | 'overdue') => byCommune.rows.reduce((n, r) => n + r[k], 0);
  // the work module's items and checks read here with the tasks: 5,000 recipients in one statement, where a
  // call per recipient to work would be 5,000 queries (not measured in the bench; the DOCX takes longer than the query)
  const perRecipient = await queryRows<{ org_name: string; status: string; task_text: string | null; task_status: string | null; report: string | null }>(
    db,
    sql`select org_label(o) as org_name, a.status, t.text as task_text, coalesce(at.status, 'not_started') as task_status, at.report
          from (select * from work_items where kind = 'directive' and source_id = ${id} order by org_id limit 5000) a join orgs o on o.id = a.org_id
          join directive_tasks t on t.directive_id = a.source_id and t.section_id = any(a.part_ids)
          left join work_checks at on at.item_id = a.id and at.check_key = t.id::text
         order by o.name, a.org_id, t.position`,
  );
  const grouped = new Map<string, ReportDoc['perRecipient'][number]>();
  for (const r of perRecipient) {
    const key = `${r.org_name}\u0000${r.status}`;
    const entry = grouped.get(key) ?? { orgName: r.org_name, status: workStatusWord(r.status), tasks: [] };
    if (r.task_text) entry.tasks.push({ text: r.task_text, status: TASK_STATUS_VI[r.task_status ?? ''] ?? '', report: r.report ?? '' });
    grouped.set(key, entry);
  }
  const header = await headerOf(db, d);
  const report: ReportDoc = {
    header: {
      ...header,
      number: null,
      date: new Date().toISOString().slice(0, 10),
      subject: `báo cáo kết quả thực hiện ${d.number ? `Công văn số ${d.number}` : 'công văn'}`,
      recipients: [],
      // the issuer's own report on its directive: kept by the issuer, not sent again to the directive's "Nơi nhận"
      copiesTo: (await builders()).assignmentReportCopies(d.orgName),
    },
    directiveRef: directiveRef(d),
    summary: {
      recipients: sum('recipients'),
      acknowledged: sum('acknowledged'),
      submitted: sum('submitted'),
      accepted: sum('accepted'),
      overdue: sum('overdue'),
      tasksDone: byTask.rows.reduce((n, r) => n + r.tasksDone, 0),
      tasksTotal: byTask.rows.reduce((n, r) => n + r.tasksTotal, 0),
    },
    byGroup: byCommune.rows.map((r) => ({
      label: KIND_VI[r.label] ?? r.label,
      recipients: r.recipients,
      accepted: r.accepted,
      overdue: r.overdue,
      tasksDone: r.tasksDone,
      tasksTotal: r.tasksTotal,
    })),
    perRecipient: [...grouped.values()],
    notAcknowledged: byCommune.notAcknowledged.map((n) => n.orgName),
    generatedAt: new Date().toISOString(),
  };
  const { buildReportDocx, buildReportXlsx } = await builders();
  const buffer = format === 'docx' ? await buildReportDocx(report) : await buildReportXlsx(report);
  return { buffer, filename: fileName(d, 'bao-cao', format) };
}

function unitsOf(t: FromUnitsTask | undefined): AssignmentReportDoc['tasks'][number]['units'] {
  if (!t || t.units === 0) return null;
  const named = (f: (s: string) => boolean) => t.answers.filter((a) => f(a.status)).map((a) => a.orgName);
  return {
    units: t.units,
    done: t.done,
    notDone: t.notDone,
    notApplicable: t.notApplicable,
    open: t.open,
    notDoneNames: named((s) => s === 'not_done'),
    openNames: named((s) => !['done', 'risk_accepted', 'not_done', 'not_applicable'].includes(s)),
  };
}

const OUTCOME: Record<string, AssignmentReportDoc['tasks'][number]['outcome']> = {
  done: 'done',
  not_done: 'not_done',
  not_applicable: 'not_applicable',
};

/**
 * One recipient's report on the directive it received, as a báo cáo to print, sign and send: from
 * the recipient org, "Kính gửi" and "Nơi nhận" the issuer (and the archive copy).
 */
export async function exportAssignmentReport(work: WorkContext, db: Db, actor: Actor, id: string): Promise<{ buffer: Buffer; filename: string }> {
  const a = await getAssignment(work, db, actor, id);
  const d = await getVisibleDirective(db, actor, a.directiveId);
  const climbed = await unitsAnswers(
    db,
    a.id,
    a.tasks.map((t) => t.taskId),
  );
  const byTask = new Map(climbed.tasks.map((t) => [t.taskId, t]));
  const org = await getOrgRef(db, a.orgId);
  const parent = org?.parentId ? await getOrgRef(db, org.parentId) : undefined;
  const doc: AssignmentReportDoc = {
    parentBody: parent ? parent.name.toLocaleUpperCase('vi') : null,
    issuingBody: a.orgName,
    place: null,
    date: todayInVietnam(),
    directiveRef: directiveRef(d),
    directiveNumber: d.number,
    issuerName: d.orgName,
    tasks: a.tasks.map((t) => ({
      section: t.sectionHeading,
      text: t.text,
      outcome: OUTCOME[t.status] ?? 'open',
      status: TASK_STATUS_VI[t.status] ?? t.status,
      report: t.report,
      reason: t.naReason,
      evidence: t.evidence.length,
      units: unitsOf(byTask.get(t.taskId)),
    })),
    relays: climbed.relays.map((r) => ({ number: r.number, units: r.units })),
    generatedAt: new Date().toISOString(),
  };
  const buffer = await (await builders()).buildAssignmentReportDocx(doc);
  return { buffer, filename: fileName(d, `bao-cao-don-vi-${a.id.slice(0, 8)}`, 'docx') };
}
