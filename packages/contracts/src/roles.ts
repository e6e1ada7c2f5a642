import { z } from 'zod';

export const ROLES = ['system_admin', 'province_coordinator', 'commune_coordinator', 'unit_officer', 'duty_officer', 'auditor', 'telecom_contact'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'user:read',
  'user:write',
  'grant:write',
  'token:write',
  'audit:read',
  'directive:read',
  'directive:write',
  'directive:report',
  'inventory:read',
  'inventory:write',
  'regulation:choose',
  // work owed by an org (modules/work): the routes' coarse gate; each item's source decides with its own permissions
  'work:read',
  'work:report',
  // 24/7 duty rosters (modules/duty): read who is on duty; keep an org's roster
  'duty:read',
  'duty:write',
  // alerts (modules/alerts): read and act on an org's alerts; post alerts (API tokens of SIEMs); routing rules, the escalation chain, channels
  'alert:read',
  'alert:act',
  'alert:ingest',
  'alert:configure',
  // incident cases (modules/incidents): read; report and work a case; take over, merge, invite the response team; review a closure
  'incident:read',
  'incident:report',
  'incident:manage',
  'incident:review',
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

/** Roles whose holders must sign in with a second factor. */
export const MFA_ROLES: readonly Role[] = ['system_admin', 'province_coordinator', 'commune_coordinator'];
