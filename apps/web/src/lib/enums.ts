import type { AssignmentStatus, DirectiveStatus, ErrorCode, OrgKind, Permission, Role, Rollup, TaskStatus } from '@khien/contracts';

/**
 * The contract's enum values, mirrored without importing them at runtime: the runtime values live
 * beside zod schemas in @khien/contracts, and importing them would ship zod (~60 kB gzipped) to
 * phones that never validate anything. The compiler rejects any drift in either direction
 * (`satisfies` = no unknown value; `Exhaustive` = no missing value) and enums.test.ts compares the
 * lists with the contract's at runtime.
 */
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;

export const ROLES = [
  'system_admin',
  'province_coordinator',
  'commune_coordinator',
  'unit_officer',
  'duty_officer',
  'auditor',
  'telecom_contact',
] as const satisfies readonly Role[];

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
] as const satisfies readonly Permission[];

export const ORG_KINDS = [
  'province',
  'district',
  'commune',
  'ward',
  'special_zone',
  'agency',
  'school',
  'residential_group',
  'police',
  'military_command',
  'telecom',
  'monitoring_centre',
  'incident_response_team',
  'other',
] as const satisfies readonly OrgKind[];

export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'MFA_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_NAME',
  'ORG_CYCLE',
  'ORG_HAS_CHILDREN',
  'ORG_HAS_DATA',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'WEAK_PASSWORD',
  'INVALID_TOTP',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IMPORT_FAILED',
  'RATE_LIMITED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];

export const DIRECTIVE_STATUSES = ['draft', 'issued', 'closed'] as const satisfies readonly DirectiveStatus[];

export const ASSIGNMENT_STATUSES = ['pending', 'acknowledged', 'submitted', 'returned', 'accepted'] as const satisfies readonly AssignmentStatus[];

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const satisfies readonly TaskStatus[];

export type RollupBy = Rollup['by'];
export const ROLLUP_BYS = ['province', 'commune', 'kind', 'task'] as const satisfies readonly RollupBy[];

export const ENUMS_ARE_EXHAUSTIVE: [
  Exhaustive<Role, (typeof ROLES)[number]>,
  Exhaustive<Permission, (typeof PERMISSIONS)[number]>,
  Exhaustive<OrgKind, (typeof ORG_KINDS)[number]>,
  Exhaustive<ErrorCode, (typeof ERROR_CODES)[number]>,
  Exhaustive<DirectiveStatus, (typeof DIRECTIVE_STATUSES)[number]>,
  Exhaustive<AssignmentStatus, (typeof ASSIGNMENT_STATUSES)[number]>,
  Exhaustive<TaskStatus, (typeof TASK_STATUSES)[number]>,
  Exhaustive<RollupBy, (typeof ROLLUP_BYS)[number]>,
] = [true, true, true, true, true, true, true, true];
