import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.js';
import { defineJob, type AnyJobDefinition } from '../../platform/jobs/index.js';
import { findNearestRoleHoldersAbove, findRoleHoldersOn } from '../users/index.js';
import { notifyUsers } from '../notifications/index.js';
import { computeCoverage } from './duty-coverage.js';

const DAY = 86_400_000;
/** How far ahead the daily check looks: two weeks leaves time to find someone, Tết included. */
export const COVERAGE_LOOKAHEAD_DAYS = 14;
const HEAD_ROLES = ['commune_coordinator', 'province_coordinator', 'unit_officer', 'telecom_contact'] as const;

/**
 * The daily coverage check: every org that keeps a roster, its gaps over the next two weeks;
 * the org's head (who keeps the roster there, else the coordinators above) is warned of gaps
 * not warned of before, once per gap.
 */
export async function warnCoverageGaps(db: Db, now = new Date()): Promise<{ orgs: number; warned: number }> {
  const orgs = await queryRows<{ id: string; name: string; path: string }>(
    db,
    sql`select o.id, o.name, o.path::text as path from orgs o where exists (select 1 from duty_rotations r where r.org_id = o.id) order by o.path`,
  );
  let warned = 0;
  for (const org of orgs) {
    const { gaps } = await computeCoverage(db, org, now, new Date(now.getTime() + COVERAGE_LOOKAHEAD_DAYS * DAY));
    if (gaps.length === 0) continue;
    const known = await queryRows<{ gap_start: string | Date; gap_end: string | Date }>(
      db,
      sql`select gap_start, gap_end from duty_gap_warnings where org_id = ${org.id} and gap_end > ${now}`,
    );
    const seen = new Set(known.map((k) => `${new Date(k.gap_start).toISOString()}|${new Date(k.gap_end).toISOString()}`));
    const fresh = gaps.filter((g) => !seen.has(`${g.start.toISOString()}|${g.end.toISOString()}`));
    if (fresh.length === 0) continue;
    let heads = await findRoleHoldersOn(db, org.id, HEAD_ROLES);
    if (heads.length === 0) heads = await findNearestRoleHoldersAbove(db, org.path, ['commune_coordinator', 'province_coordinator']);
    await db.transaction(async (tx) => {
      const json = JSON.stringify(fresh.map((g) => ({ s: g.start.toISOString(), e: g.end.toISOString() })));
      await tx.execute(
        sql`insert into duty_gap_warnings (org_id, gap_start, gap_end) select ${org.id}, s, e from jsonb_to_recordset(${json}::jsonb) as x(s timestamptz, e timestamptz)`,
      );
      await notifyUsers(tx, {
        userIds: heads,
        kind: 'duty.coverage_gap',
        params: {
          orgName: org.name,
          start: fresh[0]!.start.toISOString(),
          end: fresh[0]!.end.toISOString(),
          count: fresh.length,
          mandatory: fresh.some((g) => g.mandatory) ? '1' : '0',
        },
        link: `/duty/${org.id}`,
        email: true,
      });
    });
    warned += fresh.length;
  }
  return { orgs: orgs.length, warned };
}

export function dutyJobs(db: Db): AnyJobDefinition[] {
  // 00:30 UTC = 07:30 in Vietnam: the head reads it at the start of the working day
  return [defineJob({ name: 'duty.coverage-check', cron: '30 0 * * *', handler: async () => void (await warnCoverageGaps(db)) })];
}
