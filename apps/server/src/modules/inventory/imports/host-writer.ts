import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hostIdentityKeys, type HostObservation, type SoftwareItem } from '@khien/formats';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/client.js';
import { canCopy, copyField, copyText } from '../../../platform/db/copy.js';
import { assetSearchText } from '../assets.service.js';
import { auditBatch, insertIdentities, json, lookupIdentities, type WriteResult, type WriteTarget } from './writers.js';

// ---------------------------------------------------------------- agent inventories

function guessKind(o: HostObservation): string {
  const os = o.os;
  if (!os) return 'workstation';
  const name = `${os.name} ${os.platform}`.toLowerCase();
  if (name.includes('server') || /ubuntu|debian|rhel|centos|rocky|alma|suse|fedora|oracle|amzn|linux/.test(name)) return 'server';
  if (name.includes('darwin') || name.includes('macos')) return 'laptop';
  return 'workstation';
}

const LOOPBACK = /^(127\.|::1$|fe80:|169\.254\.)/i;

/** Merges what each host's lines in this batch said, in file order. */
interface HostState {
  id: string;
  isNew: boolean;
  obs: HostObservation[];
}

/**
 * osquery/Wazuh observations → assets, identities and installed software. Hosts are matched by
 * identity keys within the import's org (a re-import updates, never duplicates); a snapshot of a
 * table replaces what that table said before about the host; differential rows add or remove.
 */
export async function writeHostObservations(
  db: Db,
  t: WriteTarget,
  batch: { line: number; obs: HostObservation }[],
  source: 'osquery' | 'wazuh',
): Promise<WriteResult & { software: number }> {
  return db.transaction(async (tx) => {
    const withKeys = batch.map((b) => ({ ...b, keys: hostIdentityKeys(b.obs.identity) }));
    const known = await lookupIdentities(
      tx,
      t.scopeOrgId,
      withKeys.flatMap((k) => k.keys),
    );
    // group the batch's observations by host: any shared key (or a known asset) joins them
    const hostOfKey = new Map<string, HostState>();
    const hosts: HostState[] = [];
    for (const w of withKeys) {
      let host = w.keys.map((k) => hostOfKey.get(k)).find(Boolean);
      if (!host) {
        const existing = w.keys.map((k) => known.get(k)).find(Boolean);
        host = hosts.find((h) => h.id === existing) ?? { id: existing ?? randomUUID(), isNew: !existing, obs: [] };
        if (!hosts.includes(host)) hosts.push(host);
      }
      host.obs.push(w.obs);
      for (const k of w.keys) hostOfKey.set(k, host);
    }
    const creates: Record<string, unknown>[] = [];
    const updates: Record<string, unknown>[] = [];
    const snapshotDeletes: { asset_id: string; source: string }[] = [];
    const removes: { asset_id: string; source: string; product: string; version: string }[] = [];
    // references only: the rows are written straight to COPY text (or JSON on PGlite) at the end
    const software: SoftwarePlace[] = [];
    for (const h of hosts) {
      let os: HostObservation['os'];
      let hostname: string | undefined;
      let seen: Date | null = null;
      const ifaces = new Map<string, NonNullable<HostObservation['interfaces']>>();
      const snap = new Map<string, SoftwareItem[]>();
      for (const o of h.obs) {
        if (o.os) os = o.os;
        hostname = o.identity.hostname ?? hostname ?? o.identity.hostIdentifier;
        if (o.observedAt && (!seen || o.observedAt > seen)) seen = o.observedAt;
        if (o.interfaces) ifaces.set(o.table, o.mode === 'snapshot' && !o.partial ? o.interfaces : [...(ifaces.get(o.table) ?? []), ...o.interfaces]);
        if (o.software) {
          if (o.mode === 'snapshot' && !o.partial) snap.set(o.table, o.software);
          else if (o.mode === 'added' || o.partial) for (const item of o.software) software.push({ assetId: h.id, table: o.table, item });
          else removes.push(...o.software.map((s) => ({ asset_id: h.id, source: o.table, product: s.product, version: s.version })));
        }
      }
      for (const [table, items] of snap) {
        snapshotDeletes.push({ asset_id: h.id, source: table });
        for (const item of items) software.push({ assetId: h.id, table, item });
      }
      const allIfaces = [...ifaces.values()].flat();
      const ips = [...new Set(allIfaces.map((i) => i.address).filter((a): a is string => !!a && !LOOPBACK.test(a)))];
      const macs = [...new Set(allIfaces.map((i) => i.mac).filter((m): m is string => !!m && m !== '00:00:00:00:00:00'))];
      const name = (hostname ?? h.obs[0]!.identity.agentId ?? 'host').slice(0, 300);
      const rec = {
        id: h.id,
        name,
        hostname: hostname ?? null,
        os_name: os?.name ?? null,
        os_version: os ? [os.version, os.build].filter(Boolean).join(' build ') || null : null,
        ip_addresses: ifaces.size > 0 ? ips : null,
        mac_addresses: ifaces.size > 0 ? macs : null,
        last_seen_at: seen?.toISOString() ?? null,
        kind: guessKind({ ...h.obs[0]!, ...(os ? { os } : {}) }),
        search_text: assetSearchText({ name, hostname: hostname ?? null, ipAddresses: ips }),
      };
      if (h.isNew) creates.push(rec);
      else updates.push(rec);
    }
    // only keys the database does not hold yet (a re-import adds none)
    const identities = [...hostOfKey].filter(([key, h]) => known.get(key) !== h.id).map(([key, h]) => ({ key, asset_id: h.id }));
    const result = { created: creates.length, updated: updates.length, software: software.length };
    if (t.dryRun) return result;
    const cols = sql`x(id uuid, name text, hostname text, os_name text, os_version text, ip_addresses text[], mac_addresses text[], last_seen_at timestamptz, kind text, search_text text)`;
    if (creates.length > 0)
      await tx.execute(sql`insert into assets (id, org_id, kind, name, hostname, os_name, os_version, ip_addresses, mac_addresses, last_seen_at, search_text, source, created_by)
        select x.id, ${t.scopeOrgId}::uuid, x.kind, x.name, x.hostname, x.os_name, x.os_version, coalesce(x.ip_addresses, '{}'), coalesce(x.mac_addresses, '{}'),
               x.last_seen_at, x.search_text, ${source}, ${t.userId}::uuid
          from json_to_recordset(${json(creates)}::json) as ${cols}`);
    if (updates.length > 0)
      await tx.execute(sql`update assets a set hostname = coalesce(x.hostname, a.hostname), os_name = coalesce(x.os_name, a.os_name), os_version = coalesce(x.os_version, a.os_version),
          ip_addresses = coalesce(x.ip_addresses, a.ip_addresses), mac_addresses = coalesce(x.mac_addresses, a.mac_addresses),
          last_seen_at = greatest(a.last_seen_at, x.last_seen_at), search_text = x.search_text, version = a.version + 1, updated_at = now()
        from json_to_recordset(${json(updates)}::json) as ${cols} where a.id = x.id`);
    await insertIdentities(tx, t.scopeOrgId, identities);
    // software_count moves by what is deleted and inserted here, instead of recounting every host
    const delta = new Map<string, number>();
    const deleted = async (q: ReturnType<typeof sql>) => {
      for (const r of await queryRows<{ asset_id: string; n: number }>(tx, q)) delta.set(r.asset_id, (delta.get(r.asset_id) ?? 0) - Number(r.n));
    };
    if (snapshotDeletes.length > 0)
      await deleted(sql`with d as (delete from asset_software s using json_to_recordset(${json(snapshotDeletes)}::json) as x(asset_id uuid, source text)
        where s.asset_id = x.asset_id and s.source = x.source returning s.asset_id) select asset_id, count(*)::int as n from d group by 1`);
    if (removes.length > 0)
      await deleted(sql`with d as (delete from asset_software s using json_to_recordset(${json(removes)}::json) as x(asset_id uuid, source text, product text, version text)
        where s.asset_id = x.asset_id and s.source = x.source and s.product = x.product and s.version is not distinct from x.version returning s.asset_id)
        select asset_id, count(*)::int as n from d group by 1`);
    for (const r of software) delta.set(r.assetId, (delta.get(r.assetId) ?? 0) + 1);
    if (software.length > 0 && canCopy(tx)) await copyText(tx, 'asset_software', SOFTWARE_COLUMNS, softwareCopyText(software));
    else if (software.length > 0)
      await tx.execute(sql`insert into asset_software (asset_id, source, vendor, product, version, arch, cpe, purl)
        select x.asset_id, x.source, x.vendor, x.product, x.version, x.arch, x.cpe, x.purl
          from json_to_recordset(${json(software.map(softwareRec))}::json) as x(asset_id uuid, source text, vendor text, product text, version text, arch text, cpe text, purl text)`);
    const moved = [...delta].filter(([, n]) => n !== 0).map(([id, n]) => ({ id, n }));
    if (moved.length > 0)
      await tx.execute(sql`update assets a set software_count = greatest(0, a.software_count + x.n)
        from json_to_recordset(${json(moved)}::json) as x(id uuid, n int) where a.id = x.id`);
    await auditBatch(tx, t, 'assets', { ...result, rows: batch.length });
    return result;
  });
}

const SOFTWARE_COLUMNS = ['asset_id', 'source', 'vendor', 'product', 'version', 'arch', 'cpe', 'purl'] as const;

interface SoftwarePlace {
  assetId: string;
  table: string;
  item: SoftwareItem;
}

const cut = (v: string | undefined, n: number): string | null => (v === undefined ? null : v.slice(0, n));

function softwareRec({ assetId, table, item: s }: SoftwarePlace): Record<(typeof SOFTWARE_COLUMNS)[number], string | null> {
  return {
    asset_id: assetId,
    source: table,
    vendor: cut(s.vendor, 300),
    product: s.product.slice(0, 500),
    version: s.version.slice(0, 200) || null,
    arch: cut(s.arch, 50),
    cpe: cut(s.cpe, 1000),
    purl: cut(s.purl, 1000),
  };
}

/** COPY text of the rows, 2,000 a chunk, built without an object per row (5 million rows at province scale). */
function* softwareCopyText(rows: SoftwarePlace[]): Generator<string> {
  const f = (v: string | null) => copyField(v);
  for (let i = 0; i < rows.length; i += 2000) {
    let chunk = '';
    for (const { assetId, table, item: s } of rows.slice(i, i + 2000))
      chunk += `${assetId}\t${table}\t${f(cut(s.vendor, 300))}\t${f(s.product.slice(0, 500))}\t${f(s.version.slice(0, 200) || null)}\t${f(cut(s.arch, 50))}\t${f(cut(s.cpe, 1000))}\t${f(cut(s.purl, 1000))}\n`;
    yield chunk;
  }
}
