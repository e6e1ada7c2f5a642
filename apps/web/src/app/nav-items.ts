import type { Permission, Role } from '@khien/contracts';

/** Who owes work: directive recipients report, unit IT officers keep their systems' checklists. */
export const WORK_PERMISSIONS: readonly Permission[] = ['directive:report', 'inventory:write'];

/** Who sees the alert board in the menu: features/alerts BOARD_ROLES (its test keeps the two lists equal). */
export const BOARD_NAV_ROLES: readonly Role[] = ['system_admin', 'province_coordinator', 'commune_coordinator'];

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Shown only to callers holding this permission (or any of these); none = everyone signed in. */
  permission?: Permission | readonly Permission[];
  /** And only to holders of one of these roles (somewhere): a coordinator's page that a reader's permission alone does not open. */
  roles?: readonly Role[];
  testId: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  // first: what a person owes (where officers land, see landing.ts)
  { to: '/work', labelKey: 'work.nav.todo', permission: WORK_PERMISSIONS, testId: 'nav-work' },
  { to: '/work/overview', labelKey: 'work.nav.overview', permission: 'directive:write', testId: 'nav-work-overview' },
  // the 24/7 desk: alerts to answer (where duty officers land), the board, who is on duty
  { to: '/alerts', labelKey: 'alerts.nav.queue', permission: 'alert:read', testId: 'nav-alerts' },
  { to: '/alerts/board', labelKey: 'alerts.nav.board', permission: 'alert:read', roles: BOARD_NAV_ROLES, testId: 'nav-alert-board' },
  // incident cases: the list for everyone who reads them, the province's statistics for the coordinators
  { to: '/incidents', labelKey: 'incidents.nav.list', permission: 'incident:read', testId: 'nav-incidents' },
  { to: '/incidents/stats', labelKey: 'incidents.nav.stats', permission: 'incident:read', roles: BOARD_NAV_ROLES, testId: 'nav-incident-stats' },
  { to: '/duty', labelKey: 'duty.nav.now', permission: 'duty:read', testId: 'nav-duty' },
  { to: '/orgs', labelKey: 'nav.orgs', permission: 'org:read', testId: 'nav-orgs' },
  { to: '/directives', labelKey: 'nav.directives', permission: 'directive:read', testId: 'nav-directives' },
  { to: '/assignments', labelKey: 'nav.assignments', permission: 'directive:report', testId: 'nav-assignments' },
  { to: '/inventory', labelKey: 'inventory.nav.overview', permission: 'inventory:read', testId: 'nav-inventory' },
  { to: '/systems', labelKey: 'inventory.nav.systems', permission: 'inventory:read', testId: 'nav-systems' },
  { to: '/assets', labelKey: 'inventory.nav.assets', permission: 'inventory:read', testId: 'nav-assets' },
  { to: '/ip-space', labelKey: 'inventory.nav.ipSpace', permission: 'inventory:read', testId: 'nav-ip-space' },
  { to: '/inventory/import', labelKey: 'inventory.nav.import', permission: 'inventory:write', testId: 'nav-inventory-import' },
  { to: '/orgs/import', labelKey: 'nav.orgImport', permission: 'org:write', testId: 'nav-org-import' },
  { to: '/alerts/settings', labelKey: 'alerts.nav.settings', permission: 'alert:configure', testId: 'nav-alert-settings' },
  { to: '/users', labelKey: 'nav.users', permission: 'user:read', testId: 'nav-users' },
  { to: '/tokens', labelKey: 'nav.tokens', permission: 'token:write', testId: 'nav-tokens' },
  { to: '/audit', labelKey: 'nav.audit', permission: 'audit:read', testId: 'nav-audit' },
  { to: '/sessions', labelKey: 'nav.sessions', testId: 'nav-sessions' },
  { to: '/account/password', labelKey: 'nav.changePassword', testId: 'nav-change-password' },
];

export function visibleNavItems(can: (p: Permission) => boolean, roles: readonly Role[] = []): NavItem[] {
  return NAV_ITEMS.filter((item) => canAny(can, item.permission) && (!item.roles || item.roles.some((r) => roles.includes(r))));
}

export function canAny(can: (p: Permission) => boolean, permission: Permission | readonly Permission[] | undefined): boolean {
  if (!permission) return true;
  return typeof permission === 'string' ? can(permission) : permission.some((p) => can(p));
}
