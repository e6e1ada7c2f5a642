import { sql } from 'drizzle-orm';
import type { Coverage } from '@khien/contracts';
import { coverageGaps, tetAlertPeriod, vietnamHolidays, type Gap, type MandatoryPeriod } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { findOverrides, findPeople, findRotations } from './duty.repo.js';
import { visibleOrg } from './duty.service.js';

const DAY = 86_400_000;
const LOCAL = 7 * 3_600_000;
export const DEFAULT_COVERAGE_DAYS = 30;
export const MAX_COVERAGE_DAYS = 400;

/** A local date (yyyy-mm-dd, Asia/Ho_Chi_Minh) as the instant of its midnight. */
const localMidnight = (d: string | Date): Date => {
  const s = typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() + LOCAL).toISOString().slice(0, 10);
  return new Date(Date.parse(`${s}T00:00:00Z`) - LOCAL);
};

/**
 * Heightened-alert periods (thời gian cao điểm) of the directives that reach the org: issued to
 * it or to any org above it, with an alert period set. Coverage is mandatory inside them.
 */
export async function findAlertPeriods(db: Db, orgPath: string, from: Date, to: Date): Promise<MandatoryPeriod[]> {
  const rows = await queryRows<{ number: string | null; subject: string; alert_start: string | Date; alert_end: string | Date }>(
    db,
    sql`select distinct d.id, d.number, d.subject, d.alert_start, d.alert_end
          from directives d
         where d.status <> 'draft' and d.alert_start is not null and d.alert_end is not null
           and exists (select 1 from work_items w join orgs o on o.id = w.org_id
                        where w.kind = 'directive' and w.source_id = d.id and o.path @> ${orgPath}::ltree)
         order by d.alert_start`,
  );
  return rows
    .map((r) => ({
      start: localMidnight(r.alert_start),
      end: new Date(localMidnight(r.alert_end).getTime() + DAY),
      label: r.number ? `${r.number}: ${r.subject}`.slice(0, 300) : r.subject.slice(0, 300),
      kind: 'alert_period' as const,
    }))
    .filter((p) => p.start < to && p.end > from);
}

/** Gaps of one org's 24/7 coverage in [from, to), with the holidays and alert periods that make them mandatory. */
export async function computeCoverage(db: Db, org: { id: string; path: string }, from: Date, to: Date): Promise<{ gaps: Gap[]; periods: MandatoryPeriod[] }> {
  const rotations = await findRotations(db, [org.id]);
  const overrides = await findOverrides(db, [org.id], from, to);
  const people = await findPeople(db, [...rotations.flatMap((r) => r.participants), ...overrides.map((o) => o.userId)]);
  // a disabled account keeps its place in the order: its shifts are gaps with its reason, never handed on silently
  const unavailable = [...people.values()].filter((p) => p.disabled).map((p) => ({ userId: p.id }));
  // the dispatches' heightened alert around Tết (before, during, after), every year, as well as the directives' own periods
  const years = new Set([new Date(from.getTime() + LOCAL).getUTCFullYear(), new Date(to.getTime() + LOCAL).getUTCFullYear() + 1]);
  const tet = [...years].map((y) => tetAlertPeriod(y)).filter((p) => p.start < to && p.end > from);
  const periods = [...tet, ...(await findAlertPeriods(db, org.path, from, to))];
  return { gaps: coverageGaps({ rotations, overrides, from, to, mandatory: periods, unavailable }), periods };
}

export async function coverageOf(db: Db, actor: Actor, orgId: string, range: { from?: string | undefined; to?: string | undefined }): Promise<Coverage> {
  const org = await visibleOrg(db, actor, orgId, 'duty:read');
  const from = range.from ? new Date(range.from) : new Date();
  const to = range.to ? new Date(range.to) : new Date(from.getTime() + DEFAULT_COVERAGE_DAYS * DAY);
  if (to <= from) throw domainError('VALIDATION_FAILED', 'duty_range_empty', 'the range ends before it starts');
  if (to.getTime() - from.getTime() > MAX_COVERAGE_DAYS * DAY) {
    throw domainError('VALIDATION_FAILED', 'duty_range_too_long', `at most ${MAX_COVERAGE_DAYS} days at a time`, { days: MAX_COVERAGE_DAYS });
  }
  const { gaps, periods } = await computeCoverage(db, org, from, to);
  const years = new Set<number>();
  for (let y = new Date(from.getTime() + LOCAL).getUTCFullYear(); y <= new Date(to.getTime() + LOCAL).getUTCFullYear(); y++) years.add(y);
  const fromDay = new Date(from.getTime() + LOCAL).toISOString().slice(0, 10);
  const toDay = new Date(to.getTime() + LOCAL).toISOString().slice(0, 10);
  const holidays = [...years].flatMap((y) => vietnamHolidays(y)).filter((h) => h.date >= fromDay && h.date <= toDay);
  return {
    orgId,
    from: from.toISOString(),
    to: to.toISOString(),
    gaps: gaps.map((g) => ({ start: g.start.toISOString(), end: g.end.toISOString(), mandatory: g.mandatory, reasons: g.reasons })),
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind })),
    alertPeriods: periods.map((p) => ({ start: p.start.toISOString(), end: p.end.toISOString(), label: p.label })),
  };
}
