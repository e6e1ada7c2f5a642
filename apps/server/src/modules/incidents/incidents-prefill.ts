import { sql } from 'drizzle-orm';
import type { IncidentReportKind } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/policy.js';
import type { CaseRow } from './incidents-access.js';
import { loadParts } from './incidents.repo.js';

const STATUS_WORDS: Record<string, string> = {
  open: 'Đang xử lý',
  contained: 'Đã khoanh vùng, ngăn chặn',
  recovered: 'Đã khôi phục hoạt động',
  closure_review: 'Đã khắc phục, chờ xem xét kết thúc',
  closed: 'Đã kết thúc xử lý',
};

const joinLines = (xs: readonly (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x && x.trim())))].join('; ');

/**
 * What the case already knows, in the words of the form: the unit and its parent, the affected
 * system and its level, its machines' addresses and OS, how it was detected (the alerts), who
 * reports (the signed-in person). A saved value always wins; this only fills what is empty.
 */
export async function prefillFields(db: Db, actor: Actor, row: CaseRow, kind: IncidentReportKind): Promise<Record<string, unknown>> {
  const parts = await loadParts(db, row.id, { indicatorLimit: 200 });
  const [me] =
    actor.kind === 'user'
      ? await queryRows<{ full_name: string; email: string; phone: string | null }>(
          db,
          sql`select full_name, email, phone from users where id = ${actor.userId}`,
        )
      : [];
  const detectedAt = new Date(row.detected_at).toISOString();
  if (kind === 'closure') return {};
  if (kind === 'personal_data') {
    return {
      controllerName: row.org_name,
      controllerContact: joinLines([me?.full_name, me?.phone, me?.email]),
      description: row.description,
      detectedAt,
    };
  }
  const system = parts.systems[0];
  const ips = parts.assets.flatMap((a) => a.ips);
  const os = joinLines(parts.assets.map((a) => [a.osName, a.osVersion].filter(Boolean).join(' ')));
  const fromAlerts = parts.alerts.length
    ? `Hệ thống giám sát cảnh báo: ${parts.alerts
        .slice(0, 5)
        .map((a) => a.title)
        .join('; ')}`
    : undefined;
  const fields: Record<string, unknown> = {
    reporterName: me?.full_name,
    reporterAddress: row.org_name,
    reporterPhone: me?.phone ?? undefined,
    reporterEmail: me?.email,
    contactName: me?.full_name,
    contactPhone: me?.phone ?? undefined,
    contactEmail: me?.email,
    operatorUnit: row.org_name,
    ownerAgency: row.org_parent_name ?? undefined,
    systemName: parts.systems.map((s) => s.name).join('; ') || undefined,
    systemIps: ips.length ? joinLines(ips) : undefined,
    systemLevel: system?.level ?? undefined,
    description: row.description,
    detectedAt,
    currentStatus: STATUS_WORDS[row.status],
    howDetected: fromAlerts,
    osVersion: os || undefined,
    publicIps: ips.length ? joinLines(ips) : undefined,
    publicDomains: joinLines(parts.assets.map((a) => a.hostname)) || undefined,
    attachments: parts.evidence.length ? parts.evidence.map((e) => e.name).join('; ') : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** Saved values over the prefill: an empty saved value does not hide what the case knows. */
export function mergeFields(prefill: Record<string, unknown>, saved: Record<string, unknown>): Record<string, unknown> {
  const out = { ...prefill };
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = v;
  }
  return out;
}
