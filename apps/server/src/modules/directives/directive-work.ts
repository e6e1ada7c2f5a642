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

/**
 * "Relay it to your units within N days" (the issuer's `relayWithinDays`) as work owed by each
 * recipient that has units: one item per (directive, recipient), closed by the directives module
 * when the recipient issues its relay — so "not relayed after N days" is reminded and escalated
 * like any other deadline. Its page is the recipient's assignment, where the relay starts.
 */
export const directiveRelayWorkSource: WorkSource = {
  kind: 'directive_relay',
  permissions: { read: 'directive:read', report: 'directive:write', review: 'directive:write' },
  policy: { remindBeforeHours: [24], remindBeforeAckHours: [], escalateAfterOverdueHours: [0, 48] },
  ownerRoles: ['commune_coordinator', 'unit_officer'],
  escalateRoles: ['commune_coordinator', 'province_coordinator'],
  reviewerRoles: [],
  // the relay's issue closes it: nobody moves it by hand
  sourceOnlyActions: ['acknowledge', 'start', 'submit', 'return', 'accept', 'not_applicable', 'accept_risk', 'reopen'],
  inactiveSql: sql`exists (select 1 from directives d where d.id = w.source_id and d.status = 'closed')`,

  async describe(db: Db, items: readonly ItemRef[]): Promise<Map<string, WorkLabel>> {
    const ids = [...new Set(items.map((i) => i.id))];
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; subject: string; number: string | null; assignment_id: string | null }>(
      db,
      sql`select w.id, d.subject, d.number, a.id as assignment_id
            from work_items w join directives d on d.id = w.source_id
            left join work_items a on a.kind = 'directive' and a.source_id = w.source_id and a.org_id = w.org_id
           where w.id = any(${`{${ids.join(',')}}`}::uuid[])`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return new Map(
      items.map((i) => {
        const r = byId.get(i.id);
        const what = r ? `${r.number ? `${r.number} – ` : ''}V/v ${r.subject}` : 'công văn';
        return [i.id, { label: `Triển khai đến các đơn vị trực thuộc: ${what}`, link: r?.assignment_id ? `/assignments/${r.assignment_id}` : `/work/${i.id}` }];
      }),
    );
  },

  async checks(): Promise<CheckDefinition[]> {
    return [];
  },
};
