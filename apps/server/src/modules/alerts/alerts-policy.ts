import { sql } from 'drizzle-orm';
import { AlertPolicySchema, type AlertPolicy, type AlertSeverityValue } from '@khien/contracts';
import { queryRows, type Db } from '../../platform/db/client.js';

type PolicyBody = Omit<AlertPolicy, 'orgId' | 'version'>;

/**
 * The escalation a province gets until its coordinator sets its own: the dispatches' "act at
 * once on verified malware warnings" as minutes, and the chain across orgs they describe —
 * the unit's duty officer, the unit's head, the commune police, the province police's duty desk.
 */
export const DEFAULT_ALERT_POLICY: PolicyBody = {
  ackMinutes: { critical: 15, high: 60, medium: 240, low: 1440, info: 0 },
  reraiseMinutes: { critical: 60, high: 240, medium: 1440, low: 0, info: 0 },
  chain: [
    { afterMinutes: 0, label: 'Cán bộ trực của đơn vị', targets: [{ who: 'on_duty', org: 'owner' }] },
    {
      afterMinutes: 0,
      label: 'Lãnh đạo, người phụ trách đơn vị',
      targets: [{ who: 'roles', org: 'owner', roles: ['unit_officer', 'telecom_contact', 'commune_coordinator', 'province_coordinator'] }],
    },
    {
      afterMinutes: 15,
      label: 'Công an cấp xã',
      targets: [
        { who: 'on_duty', org: 'commune_police' },
        { who: 'roles', org: 'owner_commune', roles: ['commune_coordinator'] },
      ],
    },
    {
      afterMinutes: 30,
      label: 'Trực ban PA05 Công an tỉnh',
      targets: [
        { who: 'on_duty', org: 'province_police' },
        { who: 'roles', org: 'province', roles: ['duty_officer', 'province_coordinator'] },
      ],
    },
  ],
};

/** The policy in force for alerts of a province (its own row, else the defaults). */
export async function policyFor(db: Db, provinceOrgId: string | null): Promise<AlertPolicy & { stored: boolean }> {
  if (provinceOrgId) {
    const [row] = await queryRows<{ ack_minutes: unknown; reraise_minutes: unknown; chain: unknown; version: number }>(
      db,
      sql`select ack_minutes, reraise_minutes, chain, version from alert_policies where org_id = ${provinceOrgId}`,
    );
    if (row) {
      const parsed = AlertPolicySchema.safeParse({
        orgId: provinceOrgId,
        ackMinutes: row.ack_minutes,
        reraiseMinutes: row.reraise_minutes,
        chain: row.chain,
        version: Number(row.version),
      });
      if (parsed.success) return { ...parsed.data, stored: true };
    }
  }
  return { ...DEFAULT_ALERT_POLICY, orgId: provinceOrgId ?? '00000000-0000-0000-0000-000000000000', version: 0, stored: false };
}

const MINUTE = 60_000;

/** When the acknowledgement is due (null: no deadline for this severity). */
export function ackDueAt(policy: PolicyBody, severity: AlertSeverityValue, receivedAt: Date): Date | null {
  const m = policy.ackMinutes[severity];
  return m > 0 ? new Date(receivedAt.getTime() + m * MINUTE) : null;
}

/**
 * When step `step` of the chain fires for an alert not yet acknowledged: step 0 at once (when
 * routed), step n ≥ 1 `afterMinutes` after the acknowledgement deadline. null: the chain is over,
 * or there is no deadline (an info alert tells its owner and nobody else).
 */
export function stepDueAt(policy: PolicyBody, step: number, routedAt: Date, ackDue: Date | null): Date | null {
  const s = policy.chain[step];
  if (!s) return null;
  if (step === 0) return routedAt;
  if (!ackDue) return null;
  return new Date(ackDue.getTime() + s.afterMinutes * MINUTE);
}

/** An acknowledged alert still open is raised again this long after the acknowledgement (or the last re-raise). */
export function reraiseAt(policy: PolicyBody, severity: AlertSeverityValue, from: Date): Date | null {
  const m = policy.reraiseMinutes[severity];
  return m > 0 ? new Date(from.getTime() + m * MINUTE) : null;
}
