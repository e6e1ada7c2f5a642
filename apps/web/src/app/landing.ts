import type { Me, Role } from '@khien/contracts';

/**
 * Where a person starts after signing in: on their own work, not on the org tree. A unit or
 * commune officer on what they owe, the duty officer on the alert queue, the province's coordinator on the province's overview, an
 * auditor on the audit log, the administrator on the tree they keep. With several grants the
 * highest-ranked role decides.
 */
const LANDING: Record<Role, string> = {
  system_admin: '/orgs',
  province_coordinator: '/work/overview',
  commune_coordinator: '/work',
  unit_officer: '/work',
  // the 24/7 desk answers alerts first
  duty_officer: '/alerts',
  telecom_contact: '/work',
  auditor: '/audit',
};

// the one who owes work wins over the one who only reads: an auditor who is also a unit officer starts on /work
const ORDER: readonly Role[] = ['system_admin', 'province_coordinator', 'commune_coordinator', 'unit_officer', 'duty_officer', 'telecom_contact', 'auditor'];

export function landingPath(me: Pick<Me, 'grants'>): string {
  const roles = new Set(me.grants.map((g) => g.role));
  const role = ORDER.find((r) => roles.has(r));
  return role ? LANDING[role] : '/sessions';
}
