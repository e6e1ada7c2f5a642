import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Asset, AssetInput, AssetPatchSchema } from '@khien/contracts';
import { foldVietnamese, parseIpAddress } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { authorize, requireSomewhere, scopeFor, scopeSql, inScope, type Actor, type Scope } from '../../platform/policy.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { getOrgRef } from '../orgs/index.js';
import { assets, assetSystems } from './inventory.tables.js';
import { containsPattern } from '../../platform/db/like.js';

interface AssetRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  kind: string;
  name: string;
  hostname: string | null;
  location: string;
  ip_addresses: string[];
  mac_addresses: string[];
  os_name: string | null;
  os_version: string | null;
  criticality: string;
  av_product: string | null;
  av_licensed: boolean | null;
  av_managed: boolean | null;
  firewall_on: boolean | null;
  last_patch_on: string | null;
  last_seen_at: string | Date | null;
  source: string;
  software_count: number;
  system_ids: string[] | null;
  version: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const SELECT = sql`
  select a.id, a.org_id, o.path::text as org_path, org_label(o) as org_name, a.kind, a.name, a.hostname, a.location, a.ip_addresses, a.mac_addresses,
         a.os_name, a.os_version, a.criticality, a.av_product, a.av_licensed, a.av_managed, a.firewall_on, a.last_patch_on::text as last_patch_on,
         a.last_seen_at, a.source, a.software_count, a.version, a.created_at, a.updated_at,
         array(select x.system_id from asset_systems x where x.asset_id = a.id) as system_ids
    from assets a join orgs o on o.id = a.org_id`;

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

function toAsset(r: AssetRow): Asset {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as Asset['kind'],
    name: r.name,
    hostname: r.hostname,
    location: r.location,
    ipAddresses: r.ip_addresses,
    macAddresses: r.mac_addresses,
    osName: r.os_name,
    osVersion: r.os_version,
    criticality: r.criticality as Asset['criticality'],
    avProduct: r.av_product,
    avLicensed: r.av_licensed,
    avManaged: r.av_managed,
    firewallOn: r.firewall_on,
    lastPatchOn: r.last_patch_on,
    lastSeenAt: iso(r.last_seen_at),
    source: r.source,
    softwareCount: r.software_count,
    systemIds: r.system_ids ?? [],
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** Hygiene filters shared by the list and the summaries. */
export const HYGIENE: Record<'no_antivirus' | 'firewall_off' | 'unpatched_30d', SQL> = {
  no_antivirus: sql`a.kind in ('server', 'workstation', 'laptop') and (a.av_product is null or a.av_licensed is not true)`,
  firewall_off: sql`a.kind in ('server', 'workstation', 'laptop') and a.firewall_on is false`,
  unpatched_30d: sql`a.kind in ('server', 'workstation', 'laptop') and (a.last_patch_on is null or a.last_patch_on < current_date - 30)`,
};

export async function listAssets(
  db: Db,
  actor: Actor,
  q: {
    under?: string | undefined;
    q?: string | undefined;
    kind?: string | undefined;
    criticality?: string | undefined;
    systemId?: string | undefined;
    hygiene?: keyof typeof HYGIENE | undefined;
    ip?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const scope = requireSomewhere(actor, 'inventory:read');
  const conds: SQL[] = [scopeSql(scope, sql`o.path`)];
  if (q.under) {
    const org = await getOrgRef(db, q.under);
    authorize(actor, 'inventory:read', org?.path ?? null);
    conds.push(sql`o.path <@ ${org!.path}::ltree`);
  }
  if (q.q) conds.push(sql`a.search_text like ${containsPattern(foldVietnamese(q.q))}`);
  if (q.kind) conds.push(sql`a.kind = ${q.kind}`);
  if (q.criticality) conds.push(sql`a.criticality = ${q.criticality}`);
  if (q.systemId) conds.push(sql`exists (select 1 from asset_systems x where x.asset_id = a.id and x.system_id = ${q.systemId})`);
  if (q.hygiene) conds.push(HYGIENE[q.hygiene]);
  if (q.ip) {
    const ip = parseIpAddress(q.ip);
    if (!ip.ok) throw domainError('VALIDATION_FAILED', 'ip_invalid', `invalid IP: ${ip.reason}`, { problem: ip.reason }, [{ path: 'ip', message: ip.reason }]);
    conds.push(sql`a.ip_addresses @> array[${ip.ip.address}]::text[]`);
  }
  const where = sql.join(conds, sql` and `);
  const rows = await queryRows<AssetRow>(db, sql`${SELECT} where ${where} order by lower(a.name), a.id limit ${q.limit} offset ${q.offset}`);
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from assets a join orgs o on o.id = a.org_id where ${where}`);
  return { items: rows.map(toAsset), total: Number(n?.n ?? 0) };
}

async function getVisibleAssetRow(db: Db, actor: Actor, id: string): Promise<AssetRow> {
  const [row] = await queryRows<AssetRow>(db, sql`${SELECT} where a.id = ${id}`);
  if (!row || !inScope(scopeFor(actor, 'inventory:read'), row.org_path)) throw domainError('NOT_FOUND', 'asset_not_found', 'asset not found');
  return row;
}

export async function getAsset(db: Db, actor: Actor, id: string): Promise<Asset> {
  return toAsset(await getVisibleAssetRow(db, actor, id));
}

/** Normalised addresses, or a 400 that names the bad one. */
export function normaliseAddresses(ips: string[], macs: string[]): { ips: string[]; macs: string[] } {
  const outIps: string[] = [];
  for (const [i, raw] of ips.entries()) {
    const p = parseIpAddress(raw);
    if (!p.ok)
      throw domainError('VALIDATION_FAILED', 'ip_address_invalid', `invalid IP address ${raw}`, { value: raw }, [
        { path: `ipAddresses.${i}`, message: p.reason },
      ]);
    outIps.push(p.ip.address);
  }
  const outMacs: string[] = [];
  for (const [i, raw] of macs.entries()) {
    const mac = normaliseMac(raw);
    if (!mac)
      throw domainError('VALIDATION_FAILED', 'mac_address_invalid', `invalid MAC address ${raw}`, { value: raw }, [
        { path: `macAddresses.${i}`, message: 'expected aa:bb:cc:dd:ee:ff' },
      ]);
    outMacs.push(mac);
  }
  return { ips: [...new Set(outIps)], macs: [...new Set(outMacs)] };
}

export function normaliseMac(raw: string): string | null {
  const hex = raw
    .trim()
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '');
  if (hex.length !== 12 || !/^([0-9a-f]{2}[:.-]?){5}[0-9a-f]{2}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(raw.trim())) return null;
  return hex.match(/../g)!.join(':');
}

function rowValues(input: Partial<AssetInput>) {
  const v: Partial<typeof assets.$inferInsert> = {};
  const keys = [
    'orgId',
    'kind',
    'name',
    'hostname',
    'location',
    'osName',
    'osVersion',
    'criticality',
    'avProduct',
    'avLicensed',
    'avManaged',
    'firewallOn',
    'lastPatchOn',
  ] as const;
  for (const k of keys) if (input[k] !== undefined) (v as Record<string, unknown>)[k] = input[k];
  if (input.ipAddresses !== undefined || input.macAddresses !== undefined) {
    const n = normaliseAddresses(input.ipAddresses ?? [], input.macAddresses ?? []);
    if (input.ipAddresses !== undefined) v.ipAddresses = n.ips;
    if (input.macAddresses !== undefined) v.macAddresses = n.macs;
  }
  return v;
}

export function assetSearchText(a: { name: string; hostname?: string | null; ipAddresses?: string[] | null; location?: string | null }): string {
  return foldVietnamese([a.name, a.hostname ?? '', a.location ?? '', ...(a.ipAddresses ?? [])].join(' '));
}

/** The systems to link must be visible to the caller and belong to the asset's subtree or the caller's view. */
async function checkSystems(db: Db, scope: Scope, systemIds: string[]) {
  if (systemIds.length === 0) return;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select s.id from info_systems s join orgs o on o.id = s.org_id where s.id in (${sql.join(
      systemIds.map((i) => sql`${i}`),
      sql`, `,
    )}) and ${scopeSql(scope, sql`o.path`)}`,
  );
  const found = new Set(rows.map((r) => r.id));
  const missing = systemIds.find((i) => !found.has(i));
  if (missing) throw domainError('VALIDATION_FAILED', 'linked_system_not_found', 'linked system not found', {}, [{ path: 'systemIds', message: missing }]);
}

const staleVersion = () => domainError('CONFLICT', 'asset_stale_version', 'changed by someone else, reload');

export async function createAsset(db: Db, actor: Actor, input: AssetInput, audit: AuditContext): Promise<Asset> {
  const org = await getOrgRef(db, input.orgId);
  authorize(actor, 'inventory:write', org?.path ?? null);
  await checkSystems(db, scopeFor(actor, 'inventory:read'), input.systemIds);
  const values = { ...rowValues(input), createdBy: actor.userId } as typeof assets.$inferInsert;
  values.searchText = assetSearchText(values);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(assets).values(values).returning({ id: assets.id });
    if (input.systemIds.length > 0) await tx.insert(assetSystems).values([...new Set(input.systemIds)].map((systemId) => ({ assetId: row!.id, systemId })));
    await recordAudit(tx, audit, {
      action: 'asset.created',
      entityType: 'asset',
      entityId: row!.id,
      orgId: org!.id,
      orgPath: org!.path,
      after: { name: values.name, kind: values.kind, ipAddresses: values.ipAddresses, systems: input.systemIds.length },
    });
    return row!.id;
  });
  return getAsset(db, actor, id);
}

export async function updateAsset(db: Db, actor: Actor, id: string, patch: z.infer<typeof AssetPatchSchema>, audit: AuditContext): Promise<Asset> {
  const before = await getVisibleAssetRow(db, actor, id);
  authorize(actor, 'inventory:write', before.org_path);
  const { version, systemIds, ...input } = patch;
  let orgPath = before.org_path;
  if (input.orgId !== undefined && input.orgId !== before.org_id) {
    const org = await getOrgRef(db, input.orgId);
    authorize(actor, 'inventory:write', org?.path ?? null);
    orgPath = org!.path;
  }
  if (systemIds) await checkSystems(db, scopeFor(actor, 'inventory:read'), systemIds);
  const values = rowValues(input);
  values.searchText = assetSearchText({
    name: values.name ?? before.name,
    hostname: values.hostname !== undefined ? values.hostname : before.hostname,
    location: values.location ?? before.location,
    ipAddresses: values.ipAddresses ?? before.ip_addresses,
  });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(assets)
      .set({ ...values, version: sql`${assets.version} + 1`, updatedAt: new Date() })
      .where(and(eq(assets.id, id), eq(assets.version, version)))
      .returning({ id: assets.id });
    if (!row) throw staleVersion();
    if (systemIds) {
      await tx.delete(assetSystems).where(eq(assetSystems.assetId, id));
      if (systemIds.length > 0) await tx.insert(assetSystems).values([...new Set(systemIds)].map((systemId) => ({ assetId: id, systemId })));
    }
    const changed = Object.keys(values).filter((k) => k !== 'searchText');
    await recordAudit(tx, audit, {
      action: 'asset.updated',
      entityType: 'asset',
      entityId: id,
      orgId: values.orgId ?? before.org_id,
      orgPath,
      before: Object.fromEntries(changed.map((k) => [k, (toAsset(before) as unknown as Record<string, unknown>)[k]])),
      after: { ...Object.fromEntries(changed.map((k) => [k, (values as Record<string, unknown>)[k]])), ...(systemIds ? { systemIds } : {}) },
    });
  });
  return getAsset(db, actor, id);
}

export async function deleteAsset(db: Db, actor: Actor, id: string, version: number, audit: AuditContext): Promise<void> {
  const before = await getVisibleAssetRow(db, actor, id);
  authorize(actor, 'inventory:write', before.org_path);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(assets)
      .where(and(eq(assets.id, id), eq(assets.version, version)))
      .returning({ id: assets.id });
    if (!row) throw staleVersion();
    await recordAudit(tx, audit, {
      action: 'asset.deleted',
      entityType: 'asset',
      entityId: id,
      orgId: before.org_id,
      orgPath: before.org_path,
      before: { name: before.name, kind: before.kind, ipAddresses: before.ip_addresses, software: before.software_count },
    });
  });
}

export async function listSoftware(db: Db, actor: Actor, id: string, q: { q?: string | undefined; limit: number; offset: number }) {
  await getVisibleAssetRow(db, actor, id);
  const cond = q.q ? sql`asset_id = ${id} and lower(product) like ${containsPattern(q.q.toLowerCase())}` : sql`asset_id = ${id}`;
  const rows = await queryRows<{
    id: number;
    source: string;
    vendor: string | null;
    product: string;
    version: string | null;
    arch: string | null;
    cpe: string | null;
    purl: string | null;
  }>(
    db,
    sql`select source, vendor, product, version, arch, cpe, purl from asset_software where ${cond} order by lower(product), version, source limit ${q.limit} offset ${q.offset}`,
  );
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from asset_software where ${cond}`);
  return { items: rows, total: Number(n?.n ?? 0) };
}

/** Linked-system ids already checked elsewhere; used by the system page to list its assets. */
export async function assetIdsOfSystem(db: Db, systemId: string): Promise<string[]> {
  const rows = await db
    .select({ id: assetSystems.assetId })
    .from(assetSystems)
    .where(inArray(assetSystems.systemId, [systemId]));
  return rows.map((r) => r.id);
}
