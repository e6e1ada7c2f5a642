import { sql } from 'drizzle-orm';
import type { IncidentDetail, IncidentEvent, IncidentEventKind } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';

const iso = (v: string | Date) => new Date(v).toISOString();

export interface CaseParts {
  systems: IncidentDetail['systems'];
  assets: (IncidentDetail['assets'][number] & { osName: string | null; osVersion: string | null; hostname: string | null })[];
  alerts: IncidentDetail['alerts'];
  indicators: IncidentDetail['indicators'];
  indicatorsTotal: number;
  evidence: IncidentDetail['evidence'];
  team: IncidentDetail['team'];
  tasks: IncidentDetail['tasks'];
  merged: IncidentDetail['merged'];
}

/** Everything a case page shows besides its own row and reports, each part one query. */
export async function loadParts(db: Db, id: string, opts: { indicatorLimit?: number } = {}): Promise<CaseParts> {
  const [systems, assets, alerts, indicators, total, evidence, team, tasks, merged] = await Promise.all([
    queryRows<{ id: string; name: string; level: number | null; org_name: string }>(
      db,
      sql`select s.id, s.name, s.level, o.name as org_name from incident_systems x join info_systems s on s.id = x.system_id join orgs o on o.id = s.org_id
           where x.incident_id = ${id} order by s.name`,
    ),
    queryRows<{
      id: string;
      name: string;
      kind: string;
      ip_addresses: string[] | null;
      os_name: string | null;
      os_version: string | null;
      hostname: string | null;
    }>(
      db,
      sql`select a.id, a.name, a.kind, a.ip_addresses, a.os_name, a.os_version, a.hostname from incident_assets x join assets a on a.id = x.asset_id
           where x.incident_id = ${id} order by a.name`,
    ),
    queryRows<{ id: string; title: string; severity: string; received_at: string }>(
      db,
      sql`select a.id, a.title, a.severity, a.received_at from incident_alerts x join alerts a on a.id = x.alert_id where x.incident_id = ${id}
           order by a.received_at`,
    ),
    queryRows<{ id: string; type: string; value: string; note: string | null; added_at: string }>(
      db,
      sql`select id, type, value, note, added_at from incident_indicators where incident_id = ${id} order by added_at, value limit ${opts.indicatorLimit ?? 500}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from incident_indicators where incident_id = ${id}`),
    queryRows<{ id: string; file_id: string; filename: string; size_bytes: number; mime: string; added_at: string; added_by_label: string }>(
      db,
      sql`select e.id, e.file_id, f.filename, f.size_bytes, f.mime, e.added_at, e.added_by_label from incident_evidence e join files f on f.id = e.file_id
           where e.incident_id = ${id} order by e.added_at`,
    ),
    queryRows<{ org_id: string; name: string; invited_at: string }>(
      db,
      sql`select m.org_id, o.name, m.invited_at from incident_members m join orgs o on o.id = m.org_id where m.incident_id = ${id} order by m.invited_at`,
    ),
    queryRows<{ id: string; title: string; org_id: string; org_name: string; due_at: string | null; work_item_id: string; status: string }>(
      db,
      sql`select t.id, t.title, t.org_id, o.name as org_name, t.due_at, w.id as work_item_id, w.status
            from incident_tasks t join orgs o on o.id = t.org_id join work_items w on w.kind = 'incident_task' and w.source_id = t.id
           where t.incident_id = ${id} order by t.created_at`,
    ),
    queryRows<{ id: string; code: string; org_name: string }>(
      db,
      sql`select i.id, i.code, o.name as org_name from incidents i join orgs o on o.id = i.org_id where i.merged_into_id = ${id} order by i.code`,
    ),
  ]);
  return {
    systems: systems.map((s) => ({ id: s.id, name: s.name, level: s.level, orgName: s.org_name })),
    assets: assets.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      ips: a.ip_addresses ?? [],
      osName: a.os_name,
      osVersion: a.os_version,
      hostname: a.hostname,
    })),
    alerts: alerts.map((a) => ({ id: a.id, title: a.title, severity: a.severity, receivedAt: iso(a.received_at) })),
    indicators: indicators.map((x) => ({
      id: x.id,
      type: x.type as IncidentDetail['indicators'][number]['type'],
      value: x.value,
      note: x.note,
      addedAt: iso(x.added_at),
    })),
    indicatorsTotal: Number(total[0]?.n ?? 0),
    evidence: evidence.map((e) => ({
      id: e.id,
      fileId: e.file_id,
      name: e.filename,
      size: Number(e.size_bytes),
      mime: e.mime,
      addedAt: iso(e.added_at),
      addedByName: e.added_by_label,
    })),
    team: team.map((m) => ({ orgId: m.org_id, orgName: m.name, invitedAt: iso(m.invited_at) })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      orgId: t.org_id,
      orgName: t.org_name,
      dueAt: t.due_at ? iso(t.due_at) : null,
      workItemId: t.work_item_id,
      status: t.status,
    })),
    merged: merged.map((m) => ({ id: m.id, code: m.code, orgName: m.org_name })),
  };
}

/** The timeline, newest first, one page; the total for "xem thêm". */
export async function loadTimeline(db: Db, id: string, page: { limit: number; offset: number }): Promise<{ items: IncidentEvent[]; total: number }> {
  const [rows, total] = await Promise.all([
    queryRows<{ id: string; at: string; kind: string; actor_label: string; comment: string | null; params: IncidentEvent['params'] }>(
      db,
      sql`select id, at, kind, actor_label, comment, params from incident_events where incident_id = ${id} order by at desc, id desc
           limit ${page.limit} offset ${page.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from incident_events where incident_id = ${id}`),
  ]);
  return {
    items: rows.map((e) => ({ id: e.id, at: iso(e.at), kind: e.kind, actor: e.actor_label, comment: e.comment, params: e.params })),
    total: Number(total[0]?.n ?? 0),
  };
}

export interface TimelineEntry {
  kind: IncidentEventKind;
  comment?: string | null;
  params?: Record<string, string | number | boolean | null>;
}

/** Appends to the case's timeline, in order (microseconds apart, so entries of one change keep their order). */
export async function writeTimeline(
  tx: Db,
  incidentId: string,
  actor: { userId: string | null; label: string },
  entries: readonly TimelineEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const json = JSON.stringify(entries.map((e, n) => ({ k: e.kind, c: e.comment ?? null, p: e.params ?? null, n })));
  await tx.execute(sql`
    insert into incident_events (incident_id, at, actor_id, actor_label, kind, comment, params)
    select ${incidentId}, now() + x.n * interval '1 microsecond', ${actor.userId}::uuid, ${actor.label}, x.k, x.c, x.p
      from jsonb_to_recordset(${json}::jsonb) as x(k text, c text, p jsonb, n int)`);
}

/** The next case number of the year: SC-2026-000123 (a row lock per year keeps them gapless under concurrency). */
export async function nextCode(tx: Db, year: number): Promise<string> {
  const [r] = await queryRows<{ last: number }>(
    tx,
    sql`insert into incident_counters (year, last) values (${year}, 1) on conflict (year) do update set last = incident_counters.last + 1 returning last`,
  );
  return `SC-${year}-${String(r!.last).padStart(6, '0')}`;
}
