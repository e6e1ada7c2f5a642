import { sql } from 'drizzle-orm';
import { requirementsForLevel } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import type { CheckDefinition, ItemRef, WorkLabel, WorkSource } from '../work/index.js';
import { packOfRow } from './systems.service.js';

/**
 * A classified information system as a source of work: one item owed by the system's org, its
 * checks the requirements of its level under its pack (a `done` check reads "met"), its status
 * the dossier's step. The dossier page records each step (submitted, appraised, approved,
 * returned) with its dates and authorises it, so the generic pages offer no moves for this kind —
 * only reporting on the requirements. The appraisal and approval deadlines are the item's review
 * deadline: the org is reminded three days and one day before.
 */
export const systemWorkSource: WorkSource = {
  kind: 'system',
  permissions: { read: 'inventory:read', report: 'inventory:write', review: 'inventory:write' },
  policy: { remindBeforeHours: [], remindBeforeAckHours: [], escalateAfterOverdueHours: [], remindBeforeReviewHours: [72, 24] },
  ownerRoles: ['unit_officer', 'commune_coordinator'],
  escalateRoles: ['commune_coordinator', 'province_coordinator'],
  reviewerRoles: ['province_coordinator', 'commune_coordinator'],
  sourceOnlyActions: ['acknowledge', 'start', 'submit', 'return', 'accept', 'not_applicable', 'accept_risk', 'reopen'],

  async describe(db: Db, items: readonly ItemRef[]): Promise<Map<string, WorkLabel>> {
    const ids = [...new Set(items.map((i) => i.sourceId))];
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from info_systems where id = any(${`{${ids.join(',')}}`}::uuid[])`);
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return new Map(items.map((i) => [i.id, { label: byId.get(i.sourceId) ?? 'Hệ thống thông tin', link: `/systems/${i.sourceId}` }]));
  },

  async checks(db: Db, item: ItemRef): Promise<CheckDefinition[]> {
    const [s] = await queryRows<{ pack_id: string | null; pack_version: string | null; level: number | null }>(
      db,
      sql`select pack_id, pack_version, level from info_systems where id = ${item.sourceId}`,
    );
    const pack = s ? packOfRow(s) : null;
    if (!pack || !s || s.level === null) return [];
    return requirementsForLevel(pack, s.level).flatMap((g) =>
      g.requirements.map((q) => ({ key: q.id, group: g.title.vi, code: q.code ?? null, text: q.text.vi, dueAt: null })),
    );
  },
};
