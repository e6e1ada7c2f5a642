import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { IncidentFromAlertsBodySchema } from '@khien/contracts';
import { classifyIndicator, proposeSerious } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/policy.js';
import { promoteAlerts } from '../alerts/index.js';
import { findCase, requireWritable, visibleCase } from './incidents-access.js';
import { packOfCase, syncReports } from './incidents-reports.js';
import { writeTimeline } from './incidents.repo.js';
import { actorRef, createIncident, insertIndicators, linkAffected, type IncidentDeps } from './incidents.service.js';

/**
 * Opens a case from alerts (or adds them to an existing one): the alerts' org, worst severity,
 * hosts and IPs as indicators; the alerts become "promoted" in the same transaction.
 */
export async function fromAlerts(deps: IncidentDeps, actor: Actor, body: z.infer<typeof IncidentFromAlertsBodySchema>, audit: AuditContext): Promise<string> {
  const ids = [...new Set(body.alertIds)];
  return deps.db.transaction(async (tx) => {
    if (body.incidentId) {
      const a = await visibleCase(tx, actor, body.incidentId, { lock: true });
      requireWritable(a);
      const promoted = await promoteAlerts(tx, actor, ids, { id: a.row.id, code: a.row.code }, audit);
      await linkAlerts(
        tx,
        a.row.id,
        promoted.map((p) => p.id),
      );
      await insertIndicators(tx, a.row.id, actor, alertIndicators(promoted));
      await writeTimeline(
        tx,
        a.row.id,
        actorRef(actor),
        promoted.map((p) => ({ kind: 'alert_linked', params: { title: p.title } })),
      );
      await tx.execute(sql`update incidents set version = version + 1, updated_at = now() where id = ${a.row.id}`);
      return a.row.id;
    }
    const [first] = await queryRows<{ org_id: string | null; title: string }>(
      tx,
      sql`select org_id, title from alerts where id = any(${`{${ids.join(',')}}`}::uuid[]) order by received_at limit 1`,
    );
    if (!first?.org_id) throw domainError('NOT_FOUND', 'alert_not_found', 'alert not found');
    const id = await createIncident(
      deps,
      actor,
      {
        orgId: first.org_id,
        title: body.title?.trim() || first.title.slice(0, 300),
        description: 'Mở từ cảnh báo của hệ thống giám sát.',
        severity: 'medium',
        category: body.category ?? 'malware',
        detectedAt: new Date().toISOString(),
        personalData: false,
        nationalSecurity: false,
        systemIds: [],
        assetIds: [],
        indicators: [],
        alertIds: [],
      },
      audit,
      { tx, timeline: [{ kind: 'opened_from_alerts', params: { count: ids.length } }] },
    );
    const row = (await findCase(tx, id))!;
    const promoted = await promoteAlerts(tx, actor, ids, { id, code: row.code }, audit);
    await adoptAlerts(deps, tx, actor, row.id, promoted);
    return id;
  });
}

const SEVERITY_RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

function alertIndicators(alerts: readonly { ips: string[]; host: string | null }[]) {
  const out: { type: string; value: string; note: string | null }[] = [];
  for (const a of alerts) {
    for (const ip of a.ips) {
      const r = classifyIndicator(ip);
      if (r.ok) out.push({ type: r.type, value: r.value, note: 'Từ cảnh báo' });
    }
  }
  return out;
}

async function linkAlerts(tx: Db, id: string, alertIds: readonly string[]): Promise<void> {
  await tx.execute(sql`insert into incident_alerts (incident_id, alert_id) select ${id}, unnest(${`{${alertIds.join(',')}}`}::uuid[]) on conflict do nothing`);
}

/** The case takes the alerts' worst severity, their description, machine and earliest time, and its reports are planned again. */
async function adoptAlerts(deps: IncidentDeps, tx: Db, actor: Actor, id: string, promoted: Awaited<ReturnType<typeof promoteAlerts>>): Promise<void> {
  await linkAlerts(
    tx,
    id,
    promoted.map((p) => p.id),
  );
  const worst = promoted.reduce((w, p) => (SEVERITY_RANK[p.severity]! > SEVERITY_RANK[w]! ? p.severity : w), 'low');
  const severity = worst === 'info' ? 'low' : worst;
  // detected when the first alert reached us; it started no later than the sender says it did
  const received = promoted.map((p) => p.receivedAt).sort((x, y) => x.getTime() - y.getTime())[0]!;
  const occurred =
    promoted
      .map((p) => p.occurredAt)
      .filter((d): d is Date => d !== null && d.getTime() <= received.getTime())
      .sort((x, y) => x.getTime() - y.getTime())[0] ?? null;
  const description =
    promoted
      .map((p) => [p.title, p.description].filter(Boolean).join(': '))
      .join('\n')
      .slice(0, 10_000) || 'Mở từ cảnh báo.';
  const assets = [...new Set(promoted.map((p) => p.assetId).filter((x): x is string => Boolean(x)))];
  await tx.execute(sql`update incidents set severity = ${severity}, description = ${description},
                         detected_at = least(detected_at, ${received}::timestamptz), occurred_at = ${occurred} where id = ${id}`);
  await linkAffected(tx, id, [], assets);
  const systems = await queryRows<{ system_id: string; level: number | null }>(
    tx,
    sql`select distinct x.system_id, s.level from asset_systems x join info_systems s on s.id = x.system_id where x.asset_id = any(${`{${assets.join(',')}}`}::uuid[])`,
  );
  await linkAffected(
    tx,
    id,
    systems.map((s) => s.system_id),
    [],
  );
  await insertIndicators(tx, id, actor, alertIndicators(promoted));
  const row = (await findCase(tx, id))!;
  const levels = systems.map((s) => s.level).filter((l): l is number => l !== null);
  const serious = proposeSerious(packOfCase(row).incidentReporting, {
    severity: severity as 'low',
    maxSystemLevel: levels.length ? Math.max(...levels) : null,
  });
  if (serious !== row.serious) await tx.execute(sql`update incidents set serious = ${serious} where id = ${id}`);
  await syncReports(deps.work, tx, (await findCase(tx, id))!);
  await writeTimeline(
    tx,
    id,
    actorRef(actor),
    promoted.map((p) => ({ kind: 'alert_linked', params: { title: p.title } })),
  );
}
