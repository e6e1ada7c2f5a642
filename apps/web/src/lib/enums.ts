import type { AssignmentStatus, DirectiveStatus, ErrorCode, OrgKind, Permission, Role, Rollup, TaskStatus } from '@khien/contracts';
import type * as Contracts from '@khien/contracts';

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
  'inventory:read',
  'inventory:write',
  'regulation:choose',
  'work:read',
  'work:report',
  'duty:read',
  'duty:write',
  'alert:read',
  'alert:act',
  'alert:ingest',
  'alert:configure',
  'incident:read',
  'incident:report',
  'incident:manage',
  'incident:review',
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
  'ARCHIVE_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IMPORT_FAILED',
  'ARCHIVE_REFUSED',
  'ALERT_REJECTED',
  'RATE_LIMITED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];

export const DIRECTIVE_STATUSES = ['draft', 'issued', 'closed'] as const satisfies readonly DirectiveStatus[];

export const ASSIGNMENT_STATUSES = [
  'pending',
  'acknowledged',
  'in_progress',
  'submitted',
  'returned',
  'accepted',
  'not_applicable',
  'risk_accepted',
] as const satisfies readonly AssignmentStatus[];

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'not_done', 'not_applicable', 'risk_accepted'] as const satisfies readonly TaskStatus[];

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

// ---------------------------------------------------------------- inventory (issue 4)

export type UserKind = (typeof Contracts.USER_KINDS)[number];
export type DataKind = (typeof Contracts.DATA_KINDS)[number];
export type HostingKind = (typeof Contracts.HOSTING_KINDS)[number];
export type RequirementStatus = (typeof Contracts.REQUIREMENT_STATUSES)[number];
export type Criticality = (typeof Contracts.CRITICALITIES)[number];
export type ImportKind = (typeof Contracts.IMPORT_KINDS)[number];
export type ImportFormat = (typeof Contracts.IMPORT_FORMATS)[number];
export type ImportStatus = (typeof Contracts.IMPORT_STATUSES)[number];
export type HygieneFilter = NonNullable<(typeof Contracts.AssetListQuerySchema)['_output']['hygiene']>;

export const SYSTEM_CATEGORIES = [
  'portal',
  'email',
  'document_management',
  'public_service',
  'population_db_connected',
  'internal_network',
  'finance_accounting',
  'camera_surveillance',
  'data_centre',
  'other',
] as const satisfies readonly Contracts.SystemCategory[];
export const USER_KINDS = ['staff', 'citizens', 'businesses', 'other_agencies'] as const satisfies readonly UserKind[];
export const DATA_KINDS = ['public', 'internal', 'personal_basic', 'personal_sensitive', 'state_secret'] as const satisfies readonly DataKind[];
export const HOSTING_KINDS = [
  'on_premise',
  'provincial_data_centre',
  'national_data_centre',
  'commercial_cloud',
  'vendor_hosted',
  'other',
] as const satisfies readonly HostingKind[];
export const DOSSIER_STATUSES = ['drafting', 'submitted', 'appraised', 'approved', 'returned'] as const satisfies readonly Contracts.DossierStatus[];
export const REQUIREMENT_STATUSES = ['not_started', 'in_progress', 'met', 'not_applicable'] as const satisfies readonly RequirementStatus[];
export const ASSET_KINDS = [
  'server',
  'workstation',
  'laptop',
  'network_device',
  'camera',
  'billboard',
  'other',
] as const satisfies readonly Contracts.AssetKind[];
export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly Criticality[];
export const HYGIENE_FILTERS = ['no_antivirus', 'firewall_off', 'unpatched_30d'] as const satisfies readonly HygieneFilter[];
export const IMPORT_KINDS = ['assets', 'systems', 'ipspace'] as const satisfies readonly ImportKind[];
export const IMPORT_FORMATS = ['csv', 'xlsx', 'osquery', 'wazuh'] as const satisfies readonly ImportFormat[];
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'refused', 'failed', 'interrupted'] as const satisfies readonly ImportStatus[];
export const REGULATION_MARKS = ['V', 'R', '?'] as const satisfies readonly Contracts.RegulationMark[];
export const QUESTION_KINDS = ['single', 'multi', 'boolean', 'number'] as const satisfies readonly Contracts.QuestionKind[];
export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

export const INVENTORY_ENUMS_ARE_EXHAUSTIVE: [
  Exhaustive<Contracts.SystemCategory, (typeof SYSTEM_CATEGORIES)[number]>,
  Exhaustive<UserKind, (typeof USER_KINDS)[number]>,
  Exhaustive<DataKind, (typeof DATA_KINDS)[number]>,
  Exhaustive<HostingKind, (typeof HOSTING_KINDS)[number]>,
  Exhaustive<Contracts.DossierStatus, (typeof DOSSIER_STATUSES)[number]>,
  Exhaustive<RequirementStatus, (typeof REQUIREMENT_STATUSES)[number]>,
  Exhaustive<Contracts.AssetKind, (typeof ASSET_KINDS)[number]>,
  Exhaustive<Criticality, (typeof CRITICALITIES)[number]>,
  Exhaustive<HygieneFilter, (typeof HYGIENE_FILTERS)[number]>,
  Exhaustive<ImportKind, (typeof IMPORT_KINDS)[number]>,
  Exhaustive<ImportFormat, (typeof IMPORT_FORMATS)[number]>,
  Exhaustive<ImportStatus, (typeof IMPORT_STATUSES)[number]>,
  Exhaustive<Contracts.RegulationMark, (typeof REGULATION_MARKS)[number]>,
  Exhaustive<Contracts.QuestionKind, (typeof QUESTION_KINDS)[number]>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true];
