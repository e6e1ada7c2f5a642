import { sql } from 'drizzle-orm';
import {
  CLOSURE_REQUIRED,
  ClosureReportSchema,
  FORM03_REQUIRED,
  Form03Schema,
  FULL_REPORT_REQUIRED,
  FullReportSchema,
  PERSONAL_DATA_REQUIRED,
  PersonalDataNoticeSchema,
  type IncidentReportDetail,
  type IncidentReportKind,
  type IncidentReportSummary,
  type RegulationPack,
} from '@khien/contracts';
import { incidentDeadlines, missingFields } from '@khien/formats';
import type { z } from 'zod';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { lookupRegulationPack } from '../../platform/regulations.js';
import { openWork, type WorkContext } from '../work/index.js';
import type { CaseRow } from './incidents-access.js';

export const REPORT_WORK_KIND = 'incident_report';

interface KindForm {
  schema: z.ZodType<Record<string, unknown>>;
  required: readonly string[];
}
/** Each report kind's form: the initial and the old 5-day report are form 03; the full one adds what was learnt. */
export const REPORT_FORMS: Record<IncidentReportKind, KindForm> = {
  initial: { schema: Form03Schema, required: FORM03_REQUIRED },
  five_day: { schema: Form03Schema, required: FORM03_REQUIRED },
  full: { schema: FullReportSchema, required: FULL_REPORT_REQUIRED },
  personal_data: { schema: PersonalDataNoticeSchema, required: PERSONAL_DATA_REQUIRED },
  closure: { schema: ClosureReportSchema, required: CLOSURE_REQUIRED },
};

export interface ReportRow {
  id: string;
  incident_id: string;
  kind: IncidentReportKind;
  status: IncidentReportSummary['status'];
  due_at: string | Date | null;
  basis: { vi: string; en: string } | null;
  fields: Record<string, unknown>;
  submitted_at: string | Date | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  reviewed_at: string | Date | null;
  review_comment: string | null;
  version: number;
  work_item_id: string | null;
}

const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null);

export function packOfCase(row: Pick<CaseRow, 'pack_id' | 'pack_version'>): RegulationPack {
  const pack = lookupRegulationPack(row.pack_id, row.pack_version) ?? lookupRegulationPack(row.pack_id);
  if (!pack) throw domainError('INTERNAL', 'no_regulation_pack', `regulation pack ${row.pack_id} is not installed`);
  return pack;
}

export async function findReports(db: Db, incidentId: string): Promise<ReportRow[]> {
  return queryRows<ReportRow>(
    db,
    sql`select r.id, r.incident_id, r.kind, r.status, r.due_at, r.basis, r.fields, r.submitted_at, r.submitted_by, u.full_name as submitted_by_name,
               r.reviewed_at, r.review_comment, r.version,
               (select w.id from work_items w where w.kind = ${REPORT_WORK_KIND} and w.source_id = r.id limit 1) as work_item_id
          from incident_reports r left join users u on u.id = r.submitted_by
         where r.incident_id = ${incidentId}
         order by r.due_at nulls last, r.kind`,
  );
}

export function reportSummary(r: ReportRow, now = new Date()): IncidentReportSummary {
  const open = r.status === 'draft' || r.status === 'returned';
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    dueAt: iso(r.due_at),
    submittedAt: iso(r.submitted_at),
    submittedByName: r.submitted_by_name,
    reviewedAt: iso(r.reviewed_at),
    reviewComment: r.review_comment,
    overdue: open && r.due_at !== null && new Date(r.due_at).getTime() < now.getTime(),
    workItemId: r.work_item_id,
    basis: r.basis,
    version: Number(r.version),
  };
}

export function reportDetail(r: ReportRow, fields: Record<string, unknown>): IncidentReportDetail {
  return { ...reportSummary(r), incidentId: r.incident_id, fields, missing: missingFields(fields, REPORT_FORMS[r.kind].required) };
}

/** The statutory reports the case owes under its pack and flags, with their deadlines. */
export function owedReports(row: Pick<CaseRow, 'pack_id' | 'pack_version' | 'detected_at' | 'serious' | 'personal_data' | 'national_security'>) {
  return incidentDeadlines(packOfCase(row).incidentReporting, {
    detectedAt: new Date(row.detected_at),
    serious: row.serious,
    personalData: row.personal_data,
    nationalSecurity: row.national_security,
  });
}

/**
 * Brings the case's statutory reports in line with its flags: a report now owed is added with its
 * deadline and a work item (reminders, escalation up the tree, the province's receipt as review);
 * a draft no longer owed (the case is not serious after all) is dropped and its work closed as not
 * applicable. Submitted reports are kept whatever happens: they were filed. The case's next
 * deadline is recomputed. Returns what changed, for the timeline.
 */
export async function syncReports(ctx: WorkContext, tx: Db, row: CaseRow): Promise<{ added: string[]; dropped: string[] }> {
  const owed = owedReports(row);
  const existing = await findReports(tx, row.id);
  const added: string[] = [];
  const dropped: string[] = [];
  for (const d of owed) {
    const have = existing.find((r) => r.kind === d.kind);
    if (have) {
      if (have.status === 'draft' && iso(have.due_at) !== d.dueAt.toISOString()) {
        await tx.execute(sql`update incident_reports set due_at = ${d.dueAt}, basis = ${JSON.stringify(d.basis)}::jsonb where id = ${have.id}`);
        await tx.execute(
          sql`update work_items set due_at = ${d.dueAt}, remind_step = 0, escalate_step = 0 where kind = ${REPORT_WORK_KIND} and source_id = ${have.id}`,
        );
      }
      continue;
    }
    const [r] = await queryRows<{ id: string }>(
      tx,
      sql`insert into incident_reports (incident_id, kind, due_at, basis) values (${row.id}, ${d.kind}, ${d.dueAt}, ${JSON.stringify(d.basis)}::jsonb)
          on conflict (incident_id, kind) do nothing returning id`,
    );
    if (!r) continue;
    await openReportWork(ctx, tx, row, r.id, d.dueAt);
    added.push(d.kind);
  }
  for (const r of existing) {
    if (r.kind === 'closure' || r.status !== 'draft' || owed.some((d) => d.kind === r.kind)) continue;
    await tx.execute(sql`update work_items set status = 'not_applicable', status_reason = 'Không còn áp dụng cho sự cố này', version = version + 1, updated_at = now()
                          where kind = ${REPORT_WORK_KIND} and source_id = ${r.id}`);
    await tx.execute(sql`delete from incident_reports where id = ${r.id}`);
    dropped.push(r.kind);
  }
  await refreshNextDue(tx, row.id);
  return { added, dropped };
}

/** The report's deadline as work owed by the unit; the province (the response team's standing body) acknowledges receipt. */
async function openReportWork(ctx: WorkContext, tx: Db, row: CaseRow, reportId: string, dueAt: Date): Promise<void> {
  await openWork(
    ctx,
    tx,
    REPORT_WORK_KIND,
    reportId,
    sql`select o.id as org_id, o.kind as org_kind, '{}'::uuid[] as part_ids, 0 as checks_total, ${dueAt}::timestamptz as due_at,
               coalesce(${row.province_org_id}::uuid, o.id) as reviewer_org_id, ${row.commune_org_id}::uuid as commune_org_id,
               ${row.province_org_id}::uuid as province_org_id
          from orgs o where o.id = ${row.org_id}`,
    { status: 'acknowledged' },
  );
}

export async function refreshNextDue(tx: Db, incidentId: string): Promise<void> {
  await tx.execute(sql`
    update incidents i set next_due_at = n.due_at, next_due_kind = n.kind
      from (select (select r.due_at from incident_reports r where r.incident_id = ${incidentId} and r.status in ('draft', 'returned') and r.due_at is not null
                     order by r.due_at limit 1) as due_at,
                   (select r.kind from incident_reports r where r.incident_id = ${incidentId} and r.status in ('draft', 'returned') and r.due_at is not null
                     order by r.due_at limit 1) as kind) n
     where i.id = ${incidentId}`);
}

/** Validates a form's fields for its kind: 422 naming each bad field. */
export function parseFields(kind: IncidentReportKind, fields: unknown): Record<string, unknown> {
  const r = REPORT_FORMS[kind].schema.safeParse(fields);
  if (!r.success) {
    const details = r.error.issues.map((i) => ({ path: ['fields', ...i.path.map(String)].join('.'), message: i.message }));
    throw domainError('VALIDATION_FAILED', 'report_fields_invalid', 'some fields of the report are not valid', { count: details.length }, details);
  }
  return r.data;
}

export function requireComplete(kind: IncidentReportKind, fields: Record<string, unknown>): void {
  const missing = missingFields(fields, REPORT_FORMS[kind].required);
  if (missing.length > 0) {
    throw domainError(
      'VALIDATION_FAILED',
      'report_fields_missing',
      `required fields are empty: ${missing.join(', ')}`,
      { count: missing.length, fields: missing.join(', ') },
      missing.map((m) => ({ path: `fields.${m}`, message: 'required' })),
    );
  }
}
