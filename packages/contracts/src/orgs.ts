import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common.js';

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
] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

const name = z.string().trim().min(1).max(255);
export const PhoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 .()-]{3,32}$/, 'Số điện thoại không hợp lệ');

export const ContactInputSchema = z
  .object({
    name,
    role: z.string().trim().max(255).default(''),
    phone: PhoneSchema.nullable().default(null),
    email: z.email().max(254).nullable().default(null),
    hotline247: z.boolean().default(false),
  })
  .strict();
export type ContactInput = z.infer<typeof ContactInputSchema>;
export const ContactSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  hotline247: z.boolean(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const OrgSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  name: z.string(),
  /** in searches: the name as a person tells it apart, with the parent's short name when another org bears the same name */
  label: z.string().optional(),
  shortName: z.string(),
  kind: OrgKindSchema,
  adminCode: z.string().nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  isDemo: z.boolean(),
  /** Optimistic concurrency: edits and moves send the version they were made on. */
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Org = z.infer<typeof OrgSchema>;
export const OrgDetailSchema = OrgSchema.extend({
  contacts: z.array(ContactSchema),
  ancestors: z.array(z.object({ id: IdSchema, name: z.string(), kind: OrgKindSchema })),
});
export type OrgDetail = z.infer<typeof OrgDetailSchema>;
export const OrgPageSchema = pageOf(OrgSchema);

export const AdminCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z._-]{1,32}$/, 'Mã đơn vị hành chính chỉ gồm chữ, số, ".", "_", "-" (tối đa 32 ký tự)');

export const CreateOrgBodySchema = z
  .object({
    parentId: IdSchema.nullable(),
    name,
    shortName: z.string().trim().max(64).default(''),
    kind: OrgKindSchema,
    adminCode: AdminCodeSchema.nullable().default(null),
    contacts: z.array(ContactInputSchema).max(50).default([]),
  })
  .strict();
export type CreateOrgBody = z.infer<typeof CreateOrgBodySchema>;

export const UpdateOrgBodySchema = z
  .object({
    name: name.optional(),
    shortName: z.string().trim().max(64).optional(),
    kind: OrgKindSchema.optional(),
    adminCode: AdminCodeSchema.nullable().optional(),
    version: z.number().int(),
  })
  .strict();
export const MoveOrgBodySchema = z.object({ parentId: IdSchema, version: z.number().int() }).strict();

export const ListOrgsQuerySchema = PageQuerySchema.extend({
  parentId: IdSchema.optional(),
  /** Whole subtree under this org instead of direct children. */
  under: IdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  kind: OrgKindSchema.optional(),
}).strict();

export const OrgHistoryEntrySchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  change: z.enum(['created', 'renamed', 'moved', 'updated']),
  oldName: z.string().nullable(),
  newName: z.string().nullable(),
  oldParentName: z.string().nullable(),
  newParentName: z.string().nullable(),
  actor: z.string().nullable(),
});

/** A sentence in both of the product's languages: the reader's is picked where it is shown. */
export const TextInBothSchema = z.object({ vi: z.string(), en: z.string() });
export type TextInBoth = z.infer<typeof TextInBothSchema>;

export const ImportRowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  /** what is wrong, for programs (`date_impossible`, `duplicate_row`…); null on imports recorded before codes */
  code: z.string().nullable(),
  /** in words: in the request's language where the route is told it (Accept-Language), else Vietnamese */
  message: z.string(),
  /** in words, in each language (an import recorded before this: its one message twice) */
  text: TextInBothSchema,
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;
/** The orgs an import creates (or would, in a dry run), grouped by their kind and their parent's: "34 provinces under a province". */
export const ImportAddedSchema = z.object({
  kind: OrgKindSchema,
  /** the parent's kind; null for new top-level orgs */
  underKind: OrgKindSchema.nullable(),
  count: z.number().int(),
  /** the first few names, in file order */
  examples: z.array(z.string()),
});
export type ImportAdded = z.infer<typeof ImportAddedSchema>;
export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  added: z.array(ImportAddedSchema),
  errors: z.array(ImportRowErrorSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ContactPatchSchema = z
  .object({
    name: name.optional(),
    role: z.string().trim().max(255).optional(),
    phone: PhoneSchema.nullable().optional(),
    email: z.email().max(254).nullable().optional(),
    hotline247: z.boolean().optional(),
  })
  .strict();
