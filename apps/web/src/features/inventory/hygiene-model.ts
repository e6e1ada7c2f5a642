import type { Asset } from '@khien/contracts';

/** Whether a patch date (YYYY-MM-DD) is within `days` of today (YYYY-MM-DD, Vietnam); null when unknown. */
export function patchedWithin(lastPatchOn: string | null, today: string, days = 30): boolean | null {
  if (!lastPatchOn) return null;
  const diff = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastPatchOn}T00:00:00Z`)) / 86_400_000;
  return Number.isFinite(diff) ? diff <= days : null;
}

export type HygieneState = 'ok' | 'problem' | 'unknown' | 'na';

const ENDPOINTS: ReadonlySet<string> = new Set(['server', 'workstation', 'laptop']);

/**
 * The three hygiene checks of one asset, judged as the server's hygiene filters judge them (so a count on
 * the inventory page and the badges in the list agree): they apply to computers only; no anti-malware
 * product or no licence is a problem, and so is a patch date that is unknown or over 30 days old.
 */
export function hygieneOf(
  a: Pick<Asset, 'kind' | 'avProduct' | 'avLicensed' | 'firewallOn' | 'lastPatchOn'>,
  today: string,
): { antivirus: HygieneState; firewall: HygieneState; patch: HygieneState } {
  if (!ENDPOINTS.has(a.kind)) return { antivirus: 'na', firewall: 'na', patch: 'na' };
  const patched = patchedWithin(a.lastPatchOn, today);
  return {
    antivirus: a.avProduct && a.avLicensed === true ? 'ok' : 'problem',
    firewall: a.firewallOn === null ? 'unknown' : a.firewallOn ? 'ok' : 'problem',
    patch: patched ? 'ok' : 'problem',
  };
}

export type HygieneCheck = 'antivirus' | 'firewall' | 'patch';

/** The three checks in the order they are shown, each with its state; none for what is not a computer. */
export function hygieneItems(
  a: Pick<Asset, 'kind' | 'avProduct' | 'avLicensed' | 'firewallOn' | 'lastPatchOn'>,
  today: string,
): { check: HygieneCheck; state: HygieneState }[] {
  const h = hygieneOf(a, today);
  if (h.antivirus === 'na') return [];
  return (['antivirus', 'firewall', 'patch'] as const).map((check) => ({ check, state: h[check] }));
}
