import { sql } from 'drizzle-orm';
import type { IncidentEventKind, IncidentStats } from '@khien/contracts';
import { INCIDENT_CATEGORIES } from '@khien/contracts';
import { incidentStixBundle } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { docxToPdf } from '../../platform/documents/index.js';
import { requireSomewhere, type Actor } from '../../platform/policy.js';
import { filterOrg } from './incidents.service.js';
import { visibleCase, visibleSql } from './incidents-access.js';
import { mergeFields, prefillFields } from './incidents-prefill.js';
import { findReports, packOfCase } from './incidents-reports.js';
import { loadParts, loadTimeline } from './incidents.repo.js';
import { buildIncidentCaseXlsx, buildIncidentReportDocx } from './export/index.js';
import { workStatusWord } from '../work/index.js';

const WORDS = {
  status: {
    open: 'Đang xử lý',
    contained: 'Đã ngăn chặn',
    recovered: 'Đã khôi phục',
    closure_review: 'Chờ duyệt kết thúc',
    closed: 'Đã kết thúc',
    merged: 'Đã gộp',
  },
  severity: { critical: 'Nghiêm trọng', high: 'Cao', medium: 'Trung bình', low: 'Thấp' },
  category: {
    malware: 'Mã độc',
    intrusion: 'Xâm nhập trái phép',
    defacement: 'Thay đổi giao diện',
    data_leak: 'Lộ lọt dữ liệu',
    ddos: 'Tấn công từ chối dịch vụ',
    account_takeover: 'Chiếm quyền tài khoản',
    phishing: 'Lừa đảo qua thư, tin nhắn',
    fraud: 'Lừa đảo trực tuyến',
    ransomware: 'Mã độc tống tiền',
    vulnerability_exploit: 'Khai thác lỗ hổng',
    service_outage: 'Gián đoạn dịch vụ',
    other: 'Khác',
  },
  report: {
    initial: 'Báo cáo ban đầu (24 giờ)',
    full: 'Báo cáo đầy đủ (72 giờ)',
    five_day: 'Báo cáo sự cố (5 ngày)',
    personal_data: 'Thông báo vi phạm dữ liệu cá nhân (72 giờ)',
    closure: 'Báo cáo kết thúc xử lý',
  },
  reportStatus: { draft: 'Chưa gửi', submitted: 'Đã gửi', accepted: 'Đã tiếp nhận', returned: 'Bị trả lại' },
  event: {
    created: 'Tiếp nhận sự cố',
    opened_from_alerts: 'Mở sự cố từ cảnh báo',
    updated: 'Cập nhật thông tin',
    status_changed: 'Chuyển trạng thái',
    note: 'Ghi chú',
    indicator_added: 'Thêm dấu hiệu nhận biết',
    indicator_removed: 'Bỏ dấu hiệu nhận biết',
    evidence_added: 'Thêm chứng cứ',
    task_assigned: 'Giao việc',
    team_invited: 'Mời đội ứng cứu',
    taken_over: 'Tiếp nhận xử lý',
    merged_into: 'Gộp vào sự cố khác',
    merged_from: 'Gộp sự cố khác vào',
    alert_linked: 'Gắn cảnh báo',
    reports_changed: 'Thay đổi các báo cáo phải nộp',
    report_saved: 'Lưu báo cáo',
    report_submitted: 'Gửi báo cáo',
    report_accepted: 'Chấp nhận báo cáo',
    report_returned: 'Trả lại báo cáo',
    closure_started: 'Lập báo cáo kết thúc',
    closure_submitted: 'Gửi báo cáo kết thúc',
    closure_accepted: 'Duyệt kết thúc sự cố',
    closure_returned: 'Trả lại báo cáo kết thúc',
    reopened: 'Mở lại sự cố',
    deadline_reminded: 'Nhắc hạn báo cáo',
    deadline_escalated: 'Báo cấp trên vì quá hạn',
  } satisfies Record<IncidentEventKind, string>,
} as const;
const word = (table: Record<string, string>, key: string) => table[key] ?? key;

export const INCIDENT_WORDS = WORDS;

/**
 * A report as the DOCX people file: the unit as the issuing body under its parent, addressed to the
 * recipients the pack names (or, for the closure, to the unit's parent, who reviews it).
 */
export async function reportDocx(db: Db, actor: Actor, incidentId: string, reportId: string): Promise<{ data: Buffer; filename: string }> {
  const a = await visibleCase(db, actor, incidentId);
  const r = (await findReports(db, a.row.id)).find((x) => x.id === reportId);
  if (!r) throw domainError('NOT_FOUND', 'incident_report_not_found', 'report not found');
  const fields = r.status === 'draft' || r.status === 'returned' ? mergeFields(await prefillFields(db, actor, a.row, r.kind), r.fields) : r.fields;
  const pack = packOfCase(a.row);
  const recipients = r.kind === 'closure' ? [a.row.org_parent_name ?? a.row.handler_name] : pack.incidentReporting.recipients.map((x) => x.vi);
  const data = await buildIncidentReportDocx({
    kind: r.kind,
    incidentCode: a.row.code,
    parentBody: a.row.org_parent_name,
    issuingBody: a.row.org_name,
    place: a.row.commune_name ?? a.row.org_name,
    date: r.submitted_at ? new Date(r.submitted_at) : new Date(),
    recipients,
    copiesTo: [...recipients, 'Lưu: VT'],
    signerTitle: 'Thủ trưởng đơn vị',
    signerName: null,
    fields,
    generatedAt: new Date(),
    confidential: fields.confidential === true,
    deadline: r.due_at && r.basis ? { dueAt: new Date(r.due_at), basis: r.basis.vi } : null,
  });
  return { data, filename: `${a.row.code}-${r.kind}.docx` };
}

export async function reportPdf(db: Db, actor: Actor, incidentId: string, reportId: string): Promise<{ data: Buffer; filename: string }> {
  const docx = await reportDocx(db, actor, incidentId, reportId);
  return { data: await docxToPdf(docx.data), filename: docx.filename.replace(/\.docx$/, '.pdf') };
}

export async function caseXlsx(db: Db, actor: Actor, incidentId: string): Promise<{ data: Buffer; filename: string }> {
  const a = await visibleCase(db, actor, incidentId);
  const [parts, reports, timeline] = await Promise.all([
    loadParts(db, a.row.id, { indicatorLimit: 100_000 }),
    findReports(db, a.row.id),
    loadTimeline(db, a.row.id, { limit: 100_000, offset: 0 }),
  ]);
  const data = await buildIncidentCaseXlsx({
    code: a.row.code,
    title: a.row.title,
    orgName: a.row.org_name,
    status: word(WORDS.status, a.row.status),
    severity: word(WORDS.severity, a.row.severity),
    category: word(WORDS.category, a.row.category),
    detectedAt: new Date(a.row.detected_at),
    reportedAt: new Date(a.row.reported_at),
    packTitle: packOfCase(a.row).title.vi,
    systems: parts.systems.map((s) => ({ name: s.name, level: s.level })),
    indicators: parts.indicators.map((x) => ({ type: x.type, value: x.value, note: x.note, addedAt: new Date(x.addedAt) })),
    timeline: [...timeline.items].reverse().map((e) => ({ at: new Date(e.at), actor: e.actor, kind: word(WORDS.event, e.kind), comment: e.comment })),
    tasks: parts.tasks.map((t) => ({ title: t.title, orgName: t.orgName, dueAt: t.dueAt ? new Date(t.dueAt) : null, status: workStatusWord(t.status) })),
    reports: reports.map((x) => ({
      kind: word(WORDS.report, x.kind),
      status: word(WORDS.reportStatus, x.status),
      dueAt: x.due_at ? new Date(x.due_at) : null,
      submittedAt: x.submitted_at ? new Date(x.submitted_at) : null,
    })),
  });
  return { data, filename: `${a.row.code}.xlsx` };
}

/** The case and its indicators as a STIX 2.1 bundle, for the national level. */
export async function caseStix(db: Db, actor: Actor, incidentId: string): Promise<{ bundle: unknown; filename: string }> {
  const a = await visibleCase(db, actor, incidentId);
  const [parts, reports] = await Promise.all([loadParts(db, a.row.id, { indicatorLimit: 100_000 }), findReports(db, a.row.id)]);
  const confidential = reports.some((r) => r.fields.confidential === true);
  const bundle = incidentStixBundle({
    incident: {
      id: a.row.id,
      code: a.row.code,
      title: a.row.title,
      description: a.row.description,
      severity: a.row.severity,
      category: a.row.category,
      status: a.row.status,
      detectedAt: new Date(a.row.detected_at),
      createdAt: new Date(a.row.reported_at),
      modifiedAt: new Date(),
    },
    org: { id: a.row.org_id, name: a.row.org_name },
    indicators: parts.indicators.map((x) => ({ id: x.id, type: x.type, value: x.value, note: x.note, addedAt: new Date(x.addedAt) })),
    confidential,
  });
  return { bundle, filename: `${a.row.code}.stix.json` };
}

/** The province's picture: cases per month by category, and by commune with open and breached counts. */
export async function incidentStats(db: Db, actor: Actor, q: { months: number; orgId?: string | undefined }): Promise<IncidentStats> {
  const scope = requireSomewhere(actor, 'incident:read');
  const where = [visibleSql(scope), sql`i.status <> 'merged'`];
  if (q.orgId) where.push(sql`o.path <@ ${(await filterOrg(db, actor, q.orgId)).path}::ltree`);
  const cond = sql.join(where, sql` and `);
  const from = sql`incidents i join orgs o on o.id = i.org_id join orgs h on h.id = i.handler_org_id`;
  const months: string[] = [];
  const now = new Date();
  for (let k = q.months - 1; k >= 0; k--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  const [byMonth, byCommune] = await Promise.all([
    queryRows<{ month: string; category: string; n: number }>(
      db,
      sql`select to_char(i.detected_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month, i.category, count(*)::int as n
            from ${from} where ${cond} and i.detected_at >= ${`${months[0]}-01`}::date - interval '1 day' group by 1, 2`,
    ),
    queryRows<{ commune_id: string | null; commune_name: string | null; total: number; open: number; breached: number }>(
      db,
      sql`select i.commune_org_id as commune_id, c.name as commune_name, count(*)::int as total,
                 count(*) filter (where i.status in ('open', 'contained', 'recovered', 'closure_review'))::int as open,
                 count(*) filter (where i.next_due_at < now())::int as breached
            from ${from} left join orgs c on c.id = i.commune_org_id where ${cond}
           group by 1, 2 order by breached desc, open desc, total desc limit 200`,
    ),
  ]);
  const byCategory = INCIDENT_CATEGORIES.map((category) => ({
    category,
    counts: months.map((m) => byMonth.filter((r) => r.month === m && r.category === category).reduce((n, r) => n + Number(r.n), 0)),
  })).filter((c) => c.counts.some((n) => n > 0));
  return {
    months,
    byCategory,
    byCommune: byCommune.map((r) => ({
      communeId: r.commune_id,
      communeName: r.commune_name,
      total: Number(r.total),
      open: Number(r.open),
      breached: Number(r.breached),
    })),
  };
}
