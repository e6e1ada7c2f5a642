import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common.js';
import { ImportRowErrorSchema, TextInBothSchema } from './orgs.js';

/** Shapes of the inventory: information systems, assets, owned IP space and file imports. */

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(300);
const DateOnly = z.iso.date();
const count = z.number().int().min(0).max(1_000_000_000);

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
] as const;
export const SystemCategorySchema = z.enum(SYSTEM_CATEGORIES);
export type SystemCategory = z.infer<typeof SystemCategorySchema>;

export const USER_KINDS = ['staff', 'citizens', 'businesses', 'other_agencies'] as const;
export const DATA_KINDS = ['public', 'internal', 'personal_basic', 'personal_sensitive', 'state_secret'] as const;
export const HOSTING_KINDS = ['on_premise', 'provincial_data_centre', 'national_data_centre', 'commercial_cloud', 'vendor_hosted', 'other'] as const;
export const DOSSIER_STATUSES = ['drafting', 'submitted', 'appraised', 'approved', 'returned'] as const;
export const DossierStatusSchema = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatusSchema>;
export const REQUIREMENT_STATUSES = ['not_started', 'in_progress', 'met', 'not_applicable'] as const;
export const RequirementStatusSchema = z.enum(REQUIREMENT_STATUSES);
export const LevelSchema = z.number().int().min(1).max(5);

export const SystemInputSchema = z
  .object({
    orgId: IdSchema,
    operatorOrgId: IdSchema.nullable().default(null),
    name,
    purpose: text(4000).default(''),
    category: SystemCategorySchema,
    userCount: count.nullable().default(null),
    userKinds: z.array(z.enum(USER_KINDS)).max(USER_KINDS.length).default([]),
    dataKinds: z.array(z.enum(DATA_KINDS)).max(DATA_KINDS.length).default([]),
    personalDataSubjects: count.nullable().default(null),
    internetFacing: z.boolean().default(false),
    hosting: z.enum(HOSTING_KINDS).default('on_premise'),
    hostingProvider: text(300).nullable().default(null),
    notes: text(4000).default(''),
  })
  .strict();
export type SystemInput = z.infer<typeof SystemInputSchema>;
export const SystemPatchSchema = SystemInputSchema.partial().extend({ version: z.number().int() }).strict();

export const LocalisedSchema = z.object({ vi: z.string(), en: z.string() });

export const DossierSchema = z.object({
  status: DossierStatusSchema,
  submittedOn: DateOnly.nullable(),
  appraisedOn: DateOnly.nullable(),
  approvedOn: DateOnly.nullable(),
  decisionNumber: z.string().nullable(),
  appraisalDue: DateOnly.nullable(),
  approvalDue: DateOnly.nullable(),
});

export const SystemSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  operatorOrgId: IdSchema.nullable(),
  operatorOrgName: z.string().nullable(),
  name: z.string(),
  purpose: z.string(),
  category: SystemCategorySchema,
  userCount: z.number().int().nullable(),
  userKinds: z.array(z.string()),
  dataKinds: z.array(z.string()),
  personalDataSubjects: z.number().int().nullable(),
  internetFacing: z.boolean(),
  hosting: z.string(),
  hostingProvider: z.string().nullable(),
  notes: z.string(),
  packId: z.string().nullable(),
  packVersion: z.string().nullable(),
  /** the pack's title, for people (the id is for machines) */
  packTitle: LocalisedSchema.nullable(),
  proposedLevel: z.number().int().nullable(),
  level: z.number().int().nullable(),
  classifiedAt: TimestampSchema.nullable(),
  dossier: DossierSchema,
  /**
   * The dossier steps the caller may record now (one system's read only; lists omit it). The
   * appraisal, approval and return are the appraising authority's: never the submitting unit's.
   */
  dossierSteps: z.array(DossierStatusSchema).optional(),
  reassessDue: DateOnly.nullable(),
  checklist: z.object({ total: z.number().int(), met: z.number().int(), inProgress: z.number().int(), notApplicable: z.number().int() }),
  assetCount: z.number().int(),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type System = z.infer<typeof SystemSchema>;
export const SystemListSchema = pageOf(SystemSchema);

export const SystemListQuerySchema = PageQuerySchema.extend({
  under: IdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  category: SystemCategorySchema.optional(),
  level: z.union([z.coerce.number().int().min(1).max(5), z.literal('none')]).optional(),
  dossier: DossierStatusSchema.optional(),
  sort: z.enum(['name', 'level', 'updated']).default('name'),
}).strict();

/** Answers to the pack's questions: option id(s), yes/no, or a number. */
export const AnswerValueSchema = z.union([z.string().max(100), z.array(z.string().max(100)).max(50), z.boolean(), z.number().finite()]);
export const ClassifyBodySchema = z
  .object({
    packId: z.string().min(1).max(100).optional(),
    answers: z.record(z.string().max(100), AnswerValueSchema),
    /** Proposing a higher level than the wizard's needs a reason; a lower one is refused. */
    level: LevelSchema.optional(),
    levelNote: text(2000).optional(),
    /** true: only compute the proposal, save nothing (the wizard's live preview). */
    preview: z.boolean().default(false),
    version: z.number().int(),
  })
  .strict();
export const ClassificationSchema = z.object({
  id: IdSchema.nullable(),
  packId: z.string(),
  packVersion: z.string(),
  packTitle: LocalisedSchema.nullable(),
  answers: z.record(z.string(), z.unknown()),
  proposedLevel: LevelSchema,
  level: LevelSchema,
  reasons: z.array(z.object({ questionId: z.string(), optionId: z.string().nullable(), minLevel: z.number().int(), text: LocalisedSchema, mark: z.string() })),
  unanswered: z.array(z.string()),
  levelNote: z.string().nullable(),
  classifiedBy: z.string().nullable(),
  classifiedAt: TimestampSchema.nullable(),
});
export type Classification = z.infer<typeof ClassificationSchema>;

export const DossierBodySchema = z
  .object({
    status: DossierStatusSchema,
    /** the date of this step (submitted / appraised / approved on) */
    on: DateOnly,
    decisionNumber: text(100).nullable().default(null),
    note: text(2000).default(''),
    version: z.number().int(),
  })
  .strict();

export const RequirementBodySchema = z
  .object({
    status: RequirementStatusSchema,
    note: text(4000).default(''),
    evidenceFileIds: z.array(IdSchema).max(20).optional(),
  })
  .strict();
export const ChecklistItemSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  text: LocalisedSchema,
  mark: z.string(),
  status: RequirementStatusSchema,
  note: z.string(),
  evidence: z.array(z.object({ id: IdSchema, filename: z.string() })),
  updatedAt: TimestampSchema.nullable(),
  updatedBy: z.string().nullable(),
});
export const ChecklistSchema = z.object({
  packId: z.string(),
  packVersion: z.string(),
  packTitle: LocalisedSchema,
  level: LevelSchema,
  groups: z.array(z.object({ id: z.string(), code: z.string().nullable(), title: LocalisedSchema, kind: z.string(), items: z.array(ChecklistItemSchema) })),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

/** A regulation pack as the web needs it: the level table, the wizard and the choice in force. */
export const PackSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: LocalisedSchema,
  inForce: z.object({ from: z.string(), until: z.string().nullable() }),
  requirementCount: z.number().int(),
});
export const PackChoiceSchema = z.object({
  orgId: IdSchema,
  packId: z.string(),
  /** the org whose choice applies (itself or the nearest ancestor); null: the default */
  chosenAt: IdSchema.nullable(),
  chosenAtName: z.string().nullable(),
  packs: z.array(PackSummarySchema),
});
export const PackChoiceBodySchema = z.object({ orgId: IdSchema, packId: z.string().min(1).max(100) }).strict();

// ---------------------------------------------------------------- assets

export const ASSET_KINDS = ['server', 'workstation', 'laptop', 'network_device', 'camera', 'billboard', 'other'] as const;
export const AssetKindSchema = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof AssetKindSchema>;
export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export const CriticalitySchema = z.enum(CRITICALITIES);

export const AssetInputSchema = z
  .object({
    orgId: IdSchema,
    kind: AssetKindSchema,
    name,
    hostname: text(255).nullable().default(null),
    location: text(500).default(''),
    ipAddresses: z.array(z.string().trim().max(64)).max(64).default([]),
    macAddresses: z.array(z.string().trim().max(64)).max(64).default([]),
    osName: text(200).nullable().default(null),
    osVersion: text(200).nullable().default(null),
    criticality: CriticalitySchema.default('medium'),
    avProduct: text(200).nullable().default(null),
    avLicensed: z.boolean().nullable().default(null),
    avManaged: z.boolean().nullable().default(null),
    firewallOn: z.boolean().nullable().default(null),
    lastPatchOn: DateOnly.nullable().default(null),
    systemIds: z.array(IdSchema).max(100).default([]),
  })
  .strict();
export type AssetInput = z.infer<typeof AssetInputSchema>;
export const AssetPatchSchema = AssetInputSchema.partial().extend({ version: z.number().int() }).strict();

export const AssetSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  kind: AssetKindSchema,
  name: z.string(),
  hostname: z.string().nullable(),
  location: z.string(),
  ipAddresses: z.array(z.string()),
  macAddresses: z.array(z.string()),
  osName: z.string().nullable(),
  osVersion: z.string().nullable(),
  criticality: CriticalitySchema,
  avProduct: z.string().nullable(),
  avLicensed: z.boolean().nullable(),
  avManaged: z.boolean().nullable(),
  firewallOn: z.boolean().nullable(),
  lastPatchOn: DateOnly.nullable(),
  lastSeenAt: TimestampSchema.nullable(),
  source: z.string(),
  softwareCount: z.number().int(),
  systemIds: z.array(IdSchema),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Asset = z.infer<typeof AssetSchema>;
export const AssetListSchema = pageOf(AssetSchema);
export const AssetListQuerySchema = PageQuerySchema.extend({
  under: IdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  kind: AssetKindSchema.optional(),
  criticality: CriticalitySchema.optional(),
  systemId: IdSchema.optional(),
  /** hygiene filters: no licensed antivirus, firewall off, not patched for 30 days */
  hygiene: z.enum(['no_antivirus', 'firewall_off', 'unpatched_30d']).optional(),
  ip: z.string().trim().max(64).optional(),
}).strict();

export const SoftwareSchema = z.object({
  source: z.string(),
  vendor: z.string().nullable(),
  product: z.string(),
  version: z.string().nullable(),
  arch: z.string().nullable(),
  cpe: z.string().nullable(),
  purl: z.string().nullable(),
});
export const SoftwareListSchema = pageOf(SoftwareSchema);
export const SoftwareQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(100).optional() }).strict();

// ---------------------------------------------------------------- owned IP space

export const IpRangeInputSchema = z
  .object({
    orgId: IdSchema,
    /** one address, a CIDR (203.0.113.0/24, 2001:db8::/48) or "first-last" */
    range: z.string().trim().min(2).max(100),
    isp: text(200).default(''),
    validFrom: DateOnly.nullable().default(null),
    validTo: DateOnly.nullable().default(null),
    note: text(2000).default(''),
  })
  .strict();
export const IpRangePatchSchema = IpRangeInputSchema.partial().extend({ version: z.number().int() }).strict();
export const IpRangeSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  range: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
  firstIp: z.string(),
  lastIp: z.string(),
  size: z.string(),
  isp: z.string(),
  validFrom: DateOnly.nullable(),
  validTo: DateOnly.nullable(),
  note: z.string(),
  /** other ranges in the caller's view that share addresses with this one */
  overlaps: z.array(z.object({ id: IdSchema, range: z.string(), orgName: z.string() })),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type IpRange = z.infer<typeof IpRangeSchema>;
export const IpRangeListSchema = pageOf(IpRangeSchema);
export const IpRangeListQuerySchema = PageQuerySchema.extend({
  under: IdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  overlapping: z.enum(['true', 'false']).optional(),
  /** ranges that contain this address */
  ip: z.string().trim().max(64).optional(),
}).strict();

// ---------------------------------------------------------------- imports

export const IMPORT_KINDS = ['assets', 'systems', 'ipspace'] as const;
export const IMPORT_FORMATS = ['csv', 'xlsx', 'osquery', 'wazuh'] as const;
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'refused', 'failed', 'interrupted'] as const;
export const ImportOptionsSchema = z
  .object({
    orgId: IdSchema,
    kind: z.enum(IMPORT_KINDS),
    /** omitted: guessed from the file name and first bytes */
    format: z.enum(IMPORT_FORMATS).optional(),
    /** keep: import the valid rows and list the bad ones; refuse: any bad row refuses the whole file */
    onError: z.enum(['keep', 'refuse']).default('refuse'),
    dryRun: z.coerce.boolean().default(false),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;
export const InventoryImportSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(IMPORT_FORMATS),
  filename: z.string(),
  onError: z.enum(['keep', 'refuse']),
  dryRun: z.boolean(),
  status: z.enum(IMPORT_STATUSES),
  /** validating (first pass, nothing written) → writing */
  phase: z.string(),
  bytesTotal: z.number().int(),
  bytesDone: z.number().int(),
  rowsRead: z.number().int(),
  rowsFailed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ImportRowErrorSchema),
  /** the outcome in words, Vietnamese; `messageText` has it in each language */
  message: z.string().nullable(),
  messageText: TextInBothSchema.nullable(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type InventoryImport = z.infer<typeof InventoryImportSchema>;
export const InventoryImportListSchema = pageOf(InventoryImportSchema);
