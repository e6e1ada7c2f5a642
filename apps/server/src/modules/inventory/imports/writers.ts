import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { formatIpRange, usableSerial, foldVietnamese } from '@khien/formats';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/client.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import { assetSearchText } from '../assets.service.js';
import type { AssetRowValue, IpRowValue, SystemRowValue } from './table-rows.js';

export interface WriteTarget {
  importId: string;
  /** the org the import was made for: identities are unique within it */
  scopeOrgId: string;
  scopeOrgPath: string;
  userId: string | null;
  audit: AuditContext;
  dryRun: boolean;
}
export interface WriteResult {
  created: number;
  updated: number;
}

export const json = (v: unknown) => JSON.stringify(v);

export async function lookupIdentities(tx: Db, scopeOrgId: string, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ key: string; asset_id: string }>(
    tx,
    sql`select key, asset_id from asset_identities where scope_org_id = ${scopeOrgId} and key in (select jsonb_array_elements_text(${json(keys)}::jsonb))`,
  );
  return new Map(rows.map((r) => [r.key, r.asset_id]));
}

export async function insertIdentities(tx: Db, scopeOrgId: string, pairs: { key: string; asset_id: string }[]) {
  if (pairs.length === 0) return;
  await tx.execute(sql`insert into asset_identities (scope_org_id, key, asset_id)
    select ${scopeOrgId}::uuid, x.key, x.asset_id from json_to_recordset(${json(pairs)}::json) as x(key text, asset_id uuid)
    on conflict do nothing`);
}

export async function auditBatch(tx: Db, t: WriteTarget, entityType: string, r: WriteResult & Record<string, number>) {
  await recordAudit(tx, t.audit, {
    action: `${entityType}.imported`,
    entityType: 'inventory_import',
    entityId: t.importId,
    orgId: t.scopeOrgId,
    orgPath: t.scopeOrgPath,
    note: r,
  });
}

// ---------------------------------------------------------------- table rows

/** Rows that match an existing record (by `keyOf`) become updates; the rest are created, once per key. */
function splitByExisting<R>(recs: R[], existing: { key: string; id: string }[], keyOf: (r: R) => string) {
  const ids = new Map(existing.map((e) => [e.key, e.id]));
  const creates: R[] = [];
  const updates: (R & { id: string })[] = [];
  const inFile = new Set<string>();
  for (const r of recs) {
    const k = keyOf(r);
    const id = ids.get(k);
    if (id) updates.push({ ...r, id });
    else if (!inFile.has(k)) creates.push(r);
    inFile.add(k);
  }
  return { creates, updates };
}

/** Asset rows from a sheet: matched by serial, hostname+MAC, or (org, name) within the import's org. */
export async function writeAssetRows(db: Db, t: WriteTarget, rows: AssetRowValue[]): Promise<WriteResult> {
  const keyed = rows.map((r) => {
    const keys: string[] = [];
    const serial = usableSerial(r.serial);
    if (serial) keys.push(`serial:${serial.toUpperCase()}`);
    if (r.hostname && r.macAddresses[0]) keys.push(`host-mac:${r.hostname.toLowerCase()}|${r.macAddresses[0]}`);
    keys.push(`sheet:${r.orgId}:${foldVietnamese(r.name)}`);
    return { r, keys };
  });
  return db.transaction(async (tx) => {
    const known = await lookupIdentities(
      tx,
      t.scopeOrgId,
      keyed.flatMap((k) => k.keys),
    );
    const creates: Record<string, unknown>[] = [];
    const updates: Record<string, unknown>[] = [];
    const identities: { key: string; asset_id: string }[] = [];
    const seen = new Map<string, string>();
    for (const { r, keys } of keyed) {
      const existing = keys.map((k) => known.get(k) ?? seen.get(k)).find(Boolean);
      const id = existing ?? randomUUID();
      for (const k of keys) seen.set(k, id);
      const rec = {
        id,
        org_id: r.orgId,
        kind: r.kind,
        name: r.name,
        hostname: r.hostname,
        location: r.location,
        ip_addresses: r.ipAddresses,
        mac_addresses: r.macAddresses,
        os_name: r.osName,
        os_version: r.osVersion,
        criticality: r.criticality,
        av_product: r.avProduct,
        av_licensed: r.avLicensed,
        av_managed: r.avManaged,
        firewall_on: r.firewallOn,
        last_patch_on: r.lastPatchOn,
        search_text: assetSearchText({ name: r.name, hostname: r.hostname, location: r.location, ipAddresses: r.ipAddresses }),
      };
      if (existing || creates.some((c) => c.id === id)) updates.push(rec);
      else creates.push(rec);
      for (const k of keys) identities.push({ key: k, asset_id: id });
    }
    const result = { created: creates.length, updated: updates.length };
    if (t.dryRun) return result;
    const cols = sql`x(id uuid, org_id uuid, kind text, name text, hostname text, location text, ip_addresses text[], mac_addresses text[], os_name text, os_version text,
        criticality text, av_product text, av_licensed boolean, av_managed boolean, firewall_on boolean, last_patch_on date, search_text text)`;
    if (creates.length > 0)
      await tx.execute(sql`insert into assets (id, org_id, kind, name, hostname, location, ip_addresses, mac_addresses, os_name, os_version, criticality,
          av_product, av_licensed, av_managed, firewall_on, last_patch_on, search_text, source, created_by)
        select x.id, x.org_id, x.kind, x.name, x.hostname, x.location, x.ip_addresses, x.mac_addresses, x.os_name, x.os_version, x.criticality,
               x.av_product, x.av_licensed, x.av_managed, x.firewall_on, x.last_patch_on, x.search_text, 'sheet', ${t.userId}::uuid
          from json_to_recordset(${json(creates)}::json) as ${cols}`);
    if (updates.length > 0)
      await tx.execute(sql`update assets a set org_id = x.org_id, kind = x.kind, name = x.name, hostname = coalesce(x.hostname, a.hostname), location = x.location,
          ip_addresses = case when cardinality(x.ip_addresses) > 0 then x.ip_addresses else a.ip_addresses end,
          mac_addresses = case when cardinality(x.mac_addresses) > 0 then x.mac_addresses else a.mac_addresses end,
          os_name = coalesce(x.os_name, a.os_name), os_version = coalesce(x.os_version, a.os_version), criticality = x.criticality,
          av_product = coalesce(x.av_product, a.av_product), av_licensed = coalesce(x.av_licensed, a.av_licensed), av_managed = coalesce(x.av_managed, a.av_managed),
          firewall_on = coalesce(x.firewall_on, a.firewall_on), last_patch_on = coalesce(x.last_patch_on, a.last_patch_on), search_text = x.search_text,
          version = a.version + 1, updated_at = now()
        from json_to_recordset(${json(updates)}::json) as ${cols} where a.id = x.id`);
    await insertIdentities(tx, t.scopeOrgId, identities);
    await auditBatch(tx, t, 'assets', { ...result, rows: rows.length });
    return result;
  });
}

/** System rows: matched by (owner org, name) — a system's name is unique within its owner. */
export async function writeSystemRows(db: Db, t: WriteTarget, rows: SystemRowValue[]): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const recs = rows.map((r) => ({
      org_id: r.orgId,
      operator_org_id: r.operatorOrgId,
      name: r.name,
      lname: r.name.toLowerCase(),
      category: r.category,
      purpose: r.purpose,
      user_count: r.userCount,
      personal_data_subjects: r.personalDataSubjects,
      internet_facing: r.internetFacing,
      hosting: r.hosting,
      hosting_provider: r.hostingProvider,
      notes: r.notes,
      search_text: foldVietnamese(r.name),
    }));
    const existing = await queryRows<{ id: string; org_id: string; lname: string }>(
      tx,
      sql`select s.id, s.org_id, lower(s.name) as lname from info_systems s
           join json_to_recordset(${json(recs.map((r) => ({ org_id: r.org_id, lname: r.lname })))}::json) as x(org_id uuid, lname text)
             on s.org_id = x.org_id and lower(s.name) = x.lname`,
    );
    const { creates, updates } = splitByExisting(
      recs,
      existing.map((e) => ({ key: `${e.org_id}|${e.lname}`, id: e.id })),
      (r) => `${r.org_id}|${r.lname}`,
    );
    const result = { created: creates.length, updated: updates.length };
    if (t.dryRun) return result;
    const cols = sql`x(id uuid, org_id uuid, operator_org_id uuid, name text, category text, purpose text, user_count int, personal_data_subjects int,
        internet_facing boolean, hosting text, hosting_provider text, notes text, search_text text)`;
    if (creates.length > 0)
      await tx.execute(sql`insert into info_systems (org_id, operator_org_id, name, category, purpose, user_count, personal_data_subjects, internet_facing, hosting,
          hosting_provider, notes, search_text, created_by)
        select x.org_id, x.operator_org_id, x.name, x.category, x.purpose, x.user_count, x.personal_data_subjects, x.internet_facing, x.hosting,
               x.hosting_provider, x.notes, x.search_text, ${t.userId}::uuid
          from json_to_recordset(${json(creates)}::json) as ${cols}`);
    if (updates.length > 0)
      await tx.execute(sql`update info_systems s set operator_org_id = x.operator_org_id, name = x.name, category = x.category, purpose = x.purpose,
          user_count = x.user_count, personal_data_subjects = x.personal_data_subjects, internet_facing = x.internet_facing, hosting = x.hosting,
          hosting_provider = x.hosting_provider, notes = x.notes, search_text = x.search_text, version = s.version + 1, updated_at = now()
        from json_to_recordset(${json(updates)}::json) as ${cols} where s.id = x.id`);
    await auditBatch(tx, t, 'systems', { ...result, rows: rows.length });
    return result;
  });
}

/** IP rows: matched by (org, normalised range). */
export async function writeIpRows(db: Db, t: WriteTarget, rows: IpRowValue[]): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const recs = rows.map((r) => ({
      org_id: r.orgId,
      range: formatIpRange(r.range),
      family: r.range.family,
      first_ip: r.range.first,
      last_ip: r.range.last,
      isp: r.isp,
      valid_from: r.validFrom,
      valid_to: r.validTo,
      note: r.note,
    }));
    const existing = await queryRows<{ id: string; org_id: string; range: string }>(
      tx,
      sql`select r.id, r.org_id, r.range from ip_ranges r
           join json_to_recordset(${json(recs.map((r) => ({ org_id: r.org_id, range: r.range })))}::json) as x(org_id uuid, range text)
             on r.org_id = x.org_id and r.range = x.range`,
    );
    const { creates, updates } = splitByExisting(
      recs,
      existing.map((e) => ({ key: `${e.org_id}|${e.range}`, id: e.id })),
      (r) => `${r.org_id}|${r.range}`,
    );
    const result = { created: creates.length, updated: updates.length };
    if (t.dryRun) return result;
    const cols = sql`x(id uuid, org_id uuid, range text, family int, first_ip inet, last_ip inet, isp text, valid_from date, valid_to date, note text)`;
    if (creates.length > 0)
      await tx.execute(sql`insert into ip_ranges (org_id, range, family, first_ip, last_ip, isp, valid_from, valid_to, note, created_by)
        select x.org_id, x.range, x.family, x.first_ip, x.last_ip, x.isp, x.valid_from, x.valid_to, x.note, ${t.userId}::uuid
          from json_to_recordset(${json(creates)}::json) as ${cols}`);
    if (updates.length > 0)
      await tx.execute(sql`update ip_ranges r set isp = x.isp, valid_from = x.valid_from, valid_to = x.valid_to, note = x.note, version = r.version + 1, updated_at = now()
        from json_to_recordset(${json(updates)}::json) as ${cols} where r.id = x.id`);
    await auditBatch(tx, t, 'ip_ranges', { ...result, rows: rows.length });
    return result;
  });
}
