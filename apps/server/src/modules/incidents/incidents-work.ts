import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import type { CheckDefinition, ItemRef, WorkLabel, WorkSource } from '../work/index.js';

const REPORT_WORDS: Record<string, string> = {
  initial: 'Báo cáo ban đầu sự cố (24 giờ)',
  full: 'Báo cáo đầy đủ sự cố (72 giờ)',
  five_day: 'Báo cáo sự cố (5 ngày)',
  personal_data: 'Thông báo vi phạm dữ liệu cá nhân (72 giờ)',
};

/**
 * A statutory report's deadline as work owed by the unit the incident happened to: reminded 12 h
 * and 2 h before; overdue, the coordinators above are told at once and again 12 h later. The
 * incidents module moves the item itself (the report's submit, the province's receipt), so the
 * generic to-do page offers no move on it and links to the report form.
 */
export const incidentReportWorkSource: WorkSource = {
  kind: 'incident_report',
  permissions: { read: 'incident:read', report: 'incident:report', review: 'incident:review' },
  policy: { remindBeforeHours: [12, 2], remindBeforeAckHours: [], escalateAfterOverdueHours: [0, 12] },
  ownerRoles: ['unit_officer', 'commune_coordinator', 'duty_officer'],
  escalateRoles: ['commune_coordinator', 'province_coordinator'],
  reviewerRoles: ['province_coordinator'],
  sourceOnlyActions: ['acknowledge', 'start', 'submit', 'return', 'accept', 'not_applicable', 'accept_risk', 'reopen'],
  inactiveSql: sql`exists (select 1 from incident_reports r join incidents i on i.id = r.incident_id where r.id = w.source_id and i.status in ('closed', 'merged'))`,

  async describe(db: Db, items: readonly ItemRef[]): Promise<Map<string, WorkLabel>> {
    const ids = [...new Set(items.map((i) => i.sourceId))];
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; kind: string; incident_id: string; code: string; title: string }>(
      db,
      sql`select r.id, r.kind, r.incident_id, i.code, i.title from incident_reports r join incidents i on i.id = r.incident_id
           where r.id = any(${`{${ids.join(',')}}`}::uuid[])`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return new Map(
      items.map((i) => {
        const r = byId.get(i.sourceId);
        return [
          i.id,
          r
            ? { label: `${REPORT_WORDS[r.kind] ?? 'Báo cáo sự cố'} – ${r.code}: ${r.title}`, link: `/incidents/${r.incident_id}/reports/${r.id}` }
            : { label: 'Báo cáo sự cố', link: '/incidents' },
        ];
      }),
    );
  },

  async checks(): Promise<CheckDefinition[]> {
    return [];
  },
};

/**
 * A task of an incident owed by an org (contain, clean, restore, collect logs…), reviewed by the
 * org handling the case. Reminded 24 h before its due date; overdue, escalated like a directive.
 */
export const incidentTaskWorkSource: WorkSource = {
  kind: 'incident_task',
  permissions: { read: 'incident:read', report: 'incident:report', review: 'incident:report' },
  policy: { remindBeforeHours: [24], remindBeforeAckHours: [], escalateAfterOverdueHours: [0, 24] },
  ownerRoles: ['unit_officer', 'commune_coordinator', 'duty_officer'],
  escalateRoles: ['commune_coordinator', 'province_coordinator'],
  reviewerRoles: ['province_coordinator', 'commune_coordinator'],
  inactiveSql: sql`exists (select 1 from incident_tasks t join incidents i on i.id = t.incident_id where t.id = w.source_id and i.status = 'merged')`,

  async describe(db: Db, items: readonly ItemRef[]): Promise<Map<string, WorkLabel>> {
    const ids = [...new Set(items.map((i) => i.sourceId))];
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; title: string; code: string }>(
      db,
      sql`select t.id, t.title, i.code from incident_tasks t join incidents i on i.id = t.incident_id where t.id = any(${`{${ids.join(',')}}`}::uuid[])`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return new Map(
      items.map((i) => {
        const t = byId.get(i.sourceId);
        return [i.id, { label: t ? `Sự cố ${t.code}: ${t.title}` : 'Nhiệm vụ xử lý sự cố', link: `/work/${i.id}` }];
      }),
    );
  },

  async checks(db: Db, item: ItemRef): Promise<CheckDefinition[]> {
    const [t] = await queryRows<{ title: string; detail: string | null; due_at: string | null }>(
      db,
      sql`select title, detail, due_at from incident_tasks where id = ${item.sourceId}`,
    );
    if (!t) return [];
    return [{ key: 'task', group: null, code: null, text: t.detail ? `${t.title}: ${t.detail}` : t.title, dueAt: t.due_at ? new Date(t.due_at) : null }];
  },
};
