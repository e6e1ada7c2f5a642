import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { IpRange as IpRangeDto, IpRangePatchSchema } from '@khien/contracts';
import { formatIpRange, parseIpAddress, parseIpRange, type IpRange } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError, domainError } from '../../platform/errors.js';
import { authorize, inScope, requireSomewhere, scopeFor, scopeSql, type Actor } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { getOrgRef } from '../orgs/index.js';
import { ipRanges } from './inventory.tables.js';
import { containsPattern } from '../../platform/db/like.js';

interface RangeRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  range: string;
  family: number;
  first_ip: string;
  last_ip: string;
  isp: string;
  valid_from: string | null;
  valid_to: string | null;
  note: string;
  version: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const SELECT = sql`
  select r.id, r.org_id, o.path::text as org_path, org_label(o) as org_name, r.range, r.family, host(r.first_ip) as first_ip, host(r.last_ip) as last_ip,
         r.isp, r.valid_from::text as valid_from, r.valid_to::text as valid_to, r.note, r.version, r.created_at, r.updated_at
    from ip_ranges r join orgs o on o.id = r.org_id`;

/** A range as typed, or a 400 naming the problem (host bits set, bad address, reversed ends…). */
export function parseOwnedRange(text: string, path = 'range'): IpRange {
  const p = parseIpRange(text);
  if (!p.ok) throw domainError('VALIDATION_FAILED', 'ip_range_invalid', `invalid IP range: ${p.reason}`, { problem: p.reason }, [{ path, message: p.reason }]);
  return p.range;
}

function sizeOf(r: RangeRow): string {
  const p = parseIpRange(`${r.first_ip}-${r.last_ip}`);
  return p.ok ? p.range.size.toString() : '0';
}

/** Overlapping ranges of each id; `readCond` (written against "ob") keeps partners the caller cannot see out. */
async function overlapsOf(db: Db, readCond: SQL, ids: string[]) {
  if (ids.length === 0) return new Map<string, IpRangeDto['overlaps']>();
  const rows = await queryRows<{ id: string; other_id: string; other_range: string; other_org: string }>(
    db,
    sql`select a.id, b.id as other_id, b.range as other_range, org_label(ob) as other_org
          from ip_ranges a
          join ip_ranges b on b.id <> a.id and b.family = a.family and b.first_ip <= a.last_ip and a.first_ip <= b.last_ip
          join orgs ob on ob.id = b.org_id
         where a.id in (${sql.join(
           ids.map((i) => sql`${i}`),
           sql`, `,
         )}) and ${readCond}
         order by b.first_ip limit 2000`,
  );
  const out = new Map<string, IpRangeDto['overlaps']>();
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push({ id: r.other_id, range: r.other_range, orgName: r.other_org });
    out.set(r.id, list);
  }
  return out;
}

function toDto(r: RangeRow, overlaps: IpRangeDto['overlaps']): IpRangeDto {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    range: r.range,
    family: r.family === 6 ? 6 : 4,
    firstIp: r.first_ip,
    lastIp: r.last_ip,
    size: sizeOf(r),
    isp: r.isp,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
    overlaps,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listIpRanges(
  db: Db,
  actor: Actor,
  q: { under?: string | undefined; q?: string | undefined; overlapping?: 'true' | 'false' | undefined; ip?: string | undefined; limit: number; offset: number },
) {
  const scope = requireSomewhere(actor, 'inventory:read');
  const conds: SQL[] = [scopeSql(scope, sql`o.path`)];
  if (q.under) {
    const org = await getOrgRef(db, q.under);
    authorize(actor, 'inventory:read', org?.path ?? null);
    conds.push(sql`o.path <@ ${org!.path}::ltree`);
  }
  if (q.q) conds.push(sql`(r.range ilike ${containsPattern(q.q)} or r.isp ilike ${containsPattern(q.q)} or r.note ilike ${containsPattern(q.q)})`);
  if (q.ip) {
    const ip = parseIpAddress(q.ip);
    if (!ip.ok) throw domainError('VALIDATION_FAILED', 'ip_invalid', `invalid IP: ${ip.reason}`, { problem: ip.reason }, [{ path: 'ip', message: ip.reason }]);
    conds.push(sql`r.family = ${ip.ip.family} and r.first_ip <= ${ip.ip.address}::inet and r.last_ip >= ${ip.ip.address}::inet`);
  }
  const partnerVisible = scopeSql(scope, sql`ob.path`);
  if (q.overlapping === 'true' || q.overlapping === 'false')
    conds.push(
      sql`${q.overlapping === 'true' ? sql`` : sql`not`} exists (select 1 from ip_ranges b join orgs ob on ob.id = b.org_id
            where b.id <> r.id and b.family = r.family and b.first_ip <= r.last_ip and r.first_ip <= b.last_ip and ${partnerVisible})`,
    );
  const where = sql.join(conds, sql` and `);
  const rows = await queryRows<RangeRow>(db, sql`${SELECT} where ${where} order by r.family, r.first_ip, r.id limit ${q.limit} offset ${q.offset}`);
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ip_ranges r join orgs o on o.id = r.org_id where ${where}`);
  const overlaps = await overlapsOf(
    db,
    partnerVisible,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toDto(r, overlaps.get(r.id) ?? [])), total: Number(n?.n ?? 0) };
}

async function getVisibleRange(db: Db, actor: Actor, id: string): Promise<RangeRow> {
  const [row] = await queryRows<RangeRow>(db, sql`${SELECT} where r.id = ${id}`);
  if (!row || !inScope(scopeFor(actor, 'inventory:read'), row.org_path)) throw new AppError('NOT_FOUND', 'Không tìm thấy dải IP / IP range not found');
  return row;
}

async function rangeDto(db: Db, actor: Actor, id: string): Promise<IpRangeDto> {
  const row = await getVisibleRange(db, actor, id);
  const overlaps = await overlapsOf(db, scopeSql(scopeFor(actor, 'inventory:read'), sql`ob.path`), [id]);
  return toDto(row, overlaps.get(id) ?? []);
}

function checkDates(validFrom: string | null | undefined, validTo: string | null | undefined) {
  if (validFrom && validTo && validTo < validFrom)
    throw domainError('VALIDATION_FAILED', 'valid_to_before_valid_from', 'valid-to is before valid-from', {}, [
      { path: 'validTo', message: 'before validFrom' },
    ]);
}

export function rangeColumns(r: IpRange) {
  return { range: formatIpRange(r), family: r.family, firstIp: r.first, lastIp: r.last };
}

export async function createIpRange(
  db: Db,
  actor: Actor,
  input: { orgId: string; range: string; isp: string; validFrom: string | null; validTo: string | null; note: string },
  audit: AuditContext,
): Promise<IpRangeDto> {
  const org = await getOrgRef(db, input.orgId);
  authorize(actor, 'inventory:write', org?.path ?? null);
  const range = parseOwnedRange(input.range);
  checkDates(input.validFrom, input.validTo);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ipRanges)
      .values({
        orgId: org!.id,
        ...rangeColumns(range),
        isp: input.isp,
        validFrom: input.validFrom,
        validTo: input.validTo,
        note: input.note,
        createdBy: actor.userId,
      })
      .returning({ id: ipRanges.id });
    await recordAudit(tx, audit, {
      action: 'ip_range.created',
      entityType: 'ip_range',
      entityId: row!.id,
      orgId: org!.id,
      orgPath: org!.path,
      after: { range: formatIpRange(range), isp: input.isp },
    });
    return row!.id;
  });
  return rangeDto(db, actor, id);
}

export async function updateIpRange(db: Db, actor: Actor, id: string, patch: z.infer<typeof IpRangePatchSchema>, audit: AuditContext): Promise<IpRangeDto> {
  const before = await getVisibleRange(db, actor, id);
  authorize(actor, 'inventory:write', before.org_path);
  const { version, ...input } = patch;
  const set: Partial<typeof ipRanges.$inferInsert> = {};
  let orgPath = before.org_path;
  if (input.orgId !== undefined && input.orgId !== before.org_id) {
    const org = await getOrgRef(db, input.orgId);
    authorize(actor, 'inventory:write', org?.path ?? null);
    set.orgId = org!.id;
    orgPath = org!.path;
  }
  if (input.range !== undefined) Object.assign(set, rangeColumns(parseOwnedRange(input.range)));
  if (input.isp !== undefined) set.isp = input.isp;
  if (input.note !== undefined) set.note = input.note;
  if (input.validFrom !== undefined) set.validFrom = input.validFrom;
  if (input.validTo !== undefined) set.validTo = input.validTo;
  checkDates(set.validFrom !== undefined ? set.validFrom : before.valid_from, set.validTo !== undefined ? set.validTo : before.valid_to);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(ipRanges)
      .set({ ...set, version: sql`${ipRanges.version} + 1`, updatedAt: new Date() })
      .where(and(eq(ipRanges.id, id), eq(ipRanges.version, version)))
      .returning({ id: ipRanges.id });
    if (!row) throw domainError('CONFLICT', 'ip_range_stale_version', 'changed by someone else, reload');
    await recordAudit(tx, audit, {
      action: 'ip_range.updated',
      entityType: 'ip_range',
      entityId: id,
      orgId: set.orgId ?? before.org_id,
      orgPath,
      before: { range: before.range, isp: before.isp, validFrom: before.valid_from, validTo: before.valid_to, orgId: before.org_id },
      after: { range: set.range, isp: set.isp, validFrom: set.validFrom, validTo: set.validTo, orgId: set.orgId },
    });
  });
  return rangeDto(db, actor, id);
}

export async function deleteIpRange(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<void> {
  const before = await getVisibleRange(db, actor, id);
  authorize(actor, 'inventory:write', before.org_path);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(ipRanges)
      .where(and(eq(ipRanges.id, id), eq(ipRanges.version, version)))
      .returning({ id: ipRanges.id });
    if (!row) throw domainError('CONFLICT', 'ip_range_stale_version', 'changed by someone else, reload');
    await recordAudit(tx, audit, {
      action: 'ip_range.deleted',
      entityType: 'ip_range',
      entityId: id,
      orgId: before.org_id,
      orgPath: before.org_path,
      before: { range: before.range, isp: before.isp },
    });
  });
}
