import { sql } from 'drizzle-orm';
import { DEFAULT_POLICY } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import type { CheckDefinition, ItemRef, WorkLabel, WorkSource } from '../work/index.js';
import { RECIPIENT_OFFICER_ROLES } from './recipient-rule.js';

/**
 * Directives as a source of work: one item per recipient org (an assignment), its checks the
 * tasks of the sections addressed to that org, reviewed by the issuing org. Reminded 48 h before
 * the due date; overdue, the coordinators of the nearest ancestor that has any are told, and 48 h
 * later the next ones up.
 */
export const directiveWorkSource: WorkSource = {
  kind: 'directive',
  permissions: { read: 'directive:read', report: 'directive:report', review: 'directive:write' },
  policy: { ...DEFAULT_POLICY, remindBeforeHours: [48], escalateAfterOverdueHours: [0, 48] },
  ownerRoles: RECIPIENT_OFFICER_ROLES,
  escalateRoles: ['commune_coordinator', 'province_coordinator'],
  reviewerRoles: ['province_coordinator', 'commune_coordinator'],
  inactiveSql: sql`exists (select 1 from directives d where d.id = w.source_id and d.status = 'closed')`,

  async describe(db: Db, items: readonly ItemRef[]): Promise<Map<string, WorkLabel>> {
    const ids = [...new Set(items.map((i) => i.sourceId))];
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; subject: string; number: string | null }>(
      db,
      sql`select id, subject, number from directives where id = any(${`{${ids.join(',')}}`}::uuid[])`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return new Map(
      items.map((i) => {
        const d = byId.get(i.sourceId);
        const label = d ? `${d.number ? `${d.number} – ` : ''}V/v ${d.subject}` : 'Công văn';
        return [i.id, { label, link: `/assignments/${i.id}` }];
      }),
    );
  },

  async checks(db: Db, item: ItemRef): Promise<CheckDefinition[]> {
    const rows = await queryRows<{ id: string; text: string; due_at: string | Date | null; heading: string }>(
      db,
      sql`select t.id, t.text, t.due_at, s.heading from directive_tasks t join directive_sections s on s.id = t.section_id
           where t.directive_id = ${item.sourceId} and t.section_id = any(${`{${item.partIds.join(',')}}`}::uuid[])
           order by t.position`,
    );
    return rows.map((r) => ({ key: r.id, group: r.heading, code: null, text: r.text, dueAt: r.due_at ? new Date(r.due_at) : null }));
  },

  async refusesReports(db: Db, item: ItemRef): Promise<string | null> {
    const [d] = await queryRows<{ status: string }>(db, sql`select status from directives where id = ${item.sourceId}`);
    return d?.status === 'closed' ? 'directive_closed' : null;
  },
};
