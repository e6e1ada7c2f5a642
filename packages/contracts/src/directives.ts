import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common.js';
import { OrgKindSchema } from './orgs.js';

const text = (max: number) => z.string().trim().max(max);
const IsoDateSchema = z.iso.date();

export const DIRECTIVE_STATUSES = ['draft', 'issued', 'closed'] as const;
export const DirectiveStatusSchema = z.enum(DIRECTIVE_STATUSES);
export type DirectiveStatus = z.infer<typeof DirectiveStatusSchema>;

// a directive's assignment is a work item (work.ts): the same statuses
export const ASSIGNMENT_STATUSES = ['pending', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'not_applicable', 'risk_accepted'] as const;
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'not_done', 'not_applicable', 'risk_accepted'] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/**
 * Who receives a section's tasks. Every field narrows: `orgIds` names orgs outright;
 * otherwise orgs under `underOrgId` (whole subtree, or only its direct children), of the
 * given kinds. Examples: every school under commune X = { underOrgId: X, kinds: ['school'] };
 * every commune of the province = { underOrgId: P, kinds: ['commune', 'ward', 'special_zone'] };
 * the telecoms = { underOrgId: P, kinds: ['telecom'] }.
 */
export const RecipientRuleSchema = z
  .object({
    orgIds: z.array(IdSchema).max(5000).optional(),
    underOrgId: IdSchema.optional(),
    directChildrenOnly: z.boolean().default(false),
    kinds: z.array(OrgKindSchema).max(20).optional(),
  })
  .strict()
  .refine((r) => (r.orgIds?.length ?? 0) > 0 || r.underOrgId !== undefined, { message: 'Cần chọn đơn vị nhận hoặc phạm vi / pick orgs or a scope' });
export type RecipientRule = z.infer<typeof RecipientRuleSchema>;

export const DirectiveTaskInputSchema = z
  .object({
    text: text(4000).min(1),
    dueAt: TimestampSchema.nullable().default(null),
    /** in a relayed directive: the received task this one passes on (its report climbs to it) */
    parentTaskId: IdSchema.nullable().default(null),
  })
  .strict();
export const DirectiveSectionInputSchema = z
  .object({
    heading: text(1000).default(''),
    addressees: text(500).nullable().default(null),
    /** null: the directive's default recipients */
    rule: RecipientRuleSchema.nullable().default(null),
    tasks: z.array(DirectiveTaskInputSchema).max(100),
  })
  .strict();

/**
 * A document the dispatch acts on or rests on: "Thực hiện Công văn số 907/CAT-PA05 ngày 27/02/2026
 * của Công an tỉnh", "Căn cứ Quyết định số 05/2017/QĐ-TTg". `directiveId` links it when that
 * directive is in the system; otherwise it stays as text.
 */
export const DirectiveReferenceSchema = z
  .object({
    /** 'thực hiện', 'căn cứ', 'xét đề nghị', 'theo' */
    kind: text(50).default('thực hiện'),
    documentType: text(100).nullable().default(null),
    number: text(100).nullable().default(null),
    date: IsoDateSchema.nullable().default(null),
    issuer: text(300).nullable().default(null),
    text: text(2000).default(''),
    directiveId: IdSchema.nullable().default(null),
  })
  .strict();
export type DirectiveReference = z.infer<typeof DirectiveReferenceSchema>;

export const DispatchContactSchema = z.object({ name: text(200), phone: text(40), title: text(200).nullable().default(null) }).strict();

export const SignerSchema = z.object({ authority: text(300).nullable(), title: text(200).nullable(), name: text(200).nullable() }).strict();

export const DirectiveInputSchema = z
  .object({
    issuerOrgId: IdSchema,
    number: text(100).nullable().default(null),
    place: text(100).nullable().default(null),
    issuedOn: IsoDateSchema.nullable().default(null),
    /** the date as written when it is incomplete ("ngày   tháng 01 năm 2024"), printed with its blanks */
    dateText: text(100).nullable().default(null),
    /** the line above the issuer in the header ("UBND TỈNH ĐIỆN BIÊN"); null when there is none */
    governingBody: text(300).nullable().default(null),
    /** "Công văn", "Kế hoạch", "Quyết định"… */
    documentType: text(100).nullable().default(null),
    subject: text(1000).min(1),
    preamble: text(100_000).default(''),
    closing: text(100_000).default(''),
    recipientsText: z.array(text(500)).max(200).default([]),
    copiesTo: z.array(text(500)).max(200).default([]),
    signer: SignerSchema.default({ authority: null, title: null, name: null }),
    contacts: z.array(DispatchContactSchema).max(50).default([]),
    references: z.array(DirectiveReferenceSchema).max(50).default([]),
    /** recipients with units of their own must relay it within this many days of issue (a reminder, then escalation) */
    relayWithinDays: z.number().int().min(1).max(90).nullable().default(null),
    alertStart: IsoDateSchema.nullable().default(null),
    alertEnd: IsoDateSchema.nullable().default(null),
    dueAt: TimestampSchema.nullable().default(null),
    /** default recipients for sections without their own rule */
    rule: RecipientRuleSchema.nullable().default(null),
    sections: z.array(DirectiveSectionInputSchema).max(50),
  })
  .strict();
export type DirectiveInput = z.infer<typeof DirectiveInputSchema>;

export const DirectiveTaskSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  text: z.string(),
  dueAt: TimestampSchema.nullable(),
  parentTaskId: IdSchema.nullable(),
});
export const DirectiveSectionSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  heading: z.string(),
  addressees: z.string().nullable(),
  rule: z.unknown().nullable(),
  tasks: z.array(DirectiveTaskSchema),
});

export const DirectiveSummarySchema = z.object({
  id: IdSchema,
  issuerOrgId: IdSchema,
  issuerOrgName: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  subject: z.string(),
  status: DirectiveStatusSchema,
  dueAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  /** issuer: every assignment; recipient: only theirs */
  counts: z.object({
    recipients: z.number().int(),
    acknowledged: z.number().int(),
    submitted: z.number().int(),
    accepted: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type DirectiveSummary = z.infer<typeof DirectiveSummarySchema>;
export const DirectivePageSchema = pageOf(DirectiveSummarySchema);

export const AttachmentSchema = z.object({ id: IdSchema, filename: z.string(), size: z.number().int(), mime: z.string(), sha256: z.string() });

export const DirectiveSchema = DirectiveSummarySchema.extend({
  place: z.string().nullable(),
  preamble: z.string(),
  closing: z.string(),
  recipientsText: z.array(z.string()),
  copiesTo: z.array(z.string()),
  signer: SignerSchema,
  contacts: z.array(z.object({ name: z.string(), phone: z.string(), title: z.string().nullable() })),
  governingBody: z.string().nullable(),
  documentType: z.string().nullable(),
  dateText: z.string().nullable(),
  references: z.array(DirectiveReferenceSchema.extend({ directiveId: IdSchema.nullable() })),
  relayWithinDays: z.number().int().nullable(),
  /** relayed from a received assignment: the directive it passes on */
  parent: z
    .object({
      assignmentId: IdSchema,
      directiveId: IdSchema,
      number: z.string().nullable(),
      issuedOn: z.string().nullable(),
      issuerOrgName: z.string(),
      dueAt: TimestampSchema.nullable(),
    })
    .nullable(),
  alertStart: z.string().nullable(),
  alertEnd: z.string().nullable(),
  rule: z.unknown().nullable(),
  sections: z.array(DirectiveSectionSchema),
  attachments: z.array(AttachmentSchema),
  /** what the caller may do here */
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Directive = z.infer<typeof DirectiveSchema>;

export const AssignmentTaskSchema = z.object({
  id: IdSchema,
  taskId: IdSchema,
  sectionHeading: z.string(),
  text: z.string(),
  dueAt: TimestampSchema.nullable(),
  status: TaskStatusSchema,
  report: z.string(),
  naReason: z.string().nullable(),
  evidence: z.array(AttachmentSchema),
});
export const AssignmentEventSchema = z.object({ at: TimestampSchema, actor: z.string(), kind: z.string(), comment: z.string().nullable() });
export const AssignmentSchema = z.object({
  id: IdSchema,
  directiveId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  orgKind: OrgKindSchema,
  status: AssignmentStatusSchema,
  assigneeUserId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  acknowledgedAt: TimestampSchema.nullable(),
  submittedAt: TimestampSchema.nullable(),
  reviewedAt: TimestampSchema.nullable(),
  reviewComment: z.string().nullable(),
  dueAt: TimestampSchema.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  tasks: z.array(AssignmentTaskSchema),
  history: z.array(AssignmentEventSchema),
  /** the org has units of its own to relay it to */
  hasUnits: z.boolean(),
  /** the caller may relay it: they write directives for the org, it has units and the directive is open */
  canRelay: z.boolean(),
  /** when the issuer asked for a relay: by when */
  relayDueAt: TimestampSchema.nullable(),
  /** the directives relayed from it, drafts included */
  relays: z.array(
    z.object({
      directiveId: IdSchema,
      number: z.string().nullable(),
      subject: z.string(),
      status: DirectiveStatusSchema,
      issuedAt: TimestampSchema.nullable(),
    }),
  ),
});
export type Assignment = z.infer<typeof AssignmentSchema>;
export const AssignmentSummarySchema = AssignmentSchema.omit({
  tasks: true,
  history: true,
  hasUnits: true,
  canRelay: true,
  relayDueAt: true,
  relays: true,
}).extend({
  doneTasks: z.number().int(),
  totalTasks: z.number().int(),
});
export const AssignmentPageSchema = pageOf(AssignmentSummarySchema);

export const ListDirectivesQuerySchema = PageQuerySchema.extend({
  status: DirectiveStatusSchema.optional(),
  /** 'issued': directives my orgs issued; 'received': directives assigned to my orgs */
  side: z.enum(['issued', 'received']).optional(),
  q: z.string().trim().max(100).optional(),
}).strict();
export const ListAssignmentsQuerySchema = PageQuerySchema.extend({
  status: AssignmentStatusSchema.optional(),
  orgId: IdSchema.optional(),
}).strict();

export const AcknowledgeBodySchema = z.object({ version: z.number().int() }).strict();
export const AssignBodySchema = z.object({ userId: IdSchema.nullable(), version: z.number().int() }).strict();
export const UpdateAssignmentTaskBodySchema = z
  .object({ status: TaskStatusSchema, report: text(20_000).default(''), naReason: text(2000).nullable().default(null) })
  .strict()
  .refine((b) => b.status !== 'not_applicable' || (b.naReason ?? '').length > 0, {
    message: 'Cần nêu lý do không áp dụng / a reason is required',
    path: ['naReason'],
  });
/** Every edited task of an assignment saved at once (PATCH …/tasks): the item's version guards the whole batch. */
export const UpdateAssignmentTasksBodySchema = z
  .object({
    version: z.number().int(),
    tasks: z
      .array(z.object({ taskId: IdSchema, status: TaskStatusSchema, report: text(20_000).default(''), naReason: text(2000).nullable().default(null) }).strict())
      .min(1)
      .max(200),
  })
  .strict();
export const SubmitBodySchema = z.object({ version: z.number().int() }).strict();
export const ReviewBodySchema = z
  .object({ decision: z.enum(['accept', 'return']), comment: text(5000).nullable().default(null), version: z.number().int() })
  .strict();

/** One page of an imported PDF or photo, as read. */
export const DocumentPageSchema = z.object({
  /** 1-based */
  page: z.number().int().min(1),
  /** the PDF's own text layer, OCR, or not read (no OCR on this server) */
  source: z.enum(['text', 'ocr', 'none']),
  /** mean OCR word confidence 0–100; null for a text layer */
  confidence: z.number().min(0).max(100).nullable(),
  /** how far the page was turned straight, in degrees */
  skewDegrees: z.number().nullable(),
  /** the page image exists (GET …/imports/:id/pages/:page) */
  image: z.boolean(),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
  /** a red stamp (con dấu) / blue signature ink was found (and lifted off before OCR) */
  stamp: z.boolean(),
  signature: z.boolean(),
});
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

/** A draft field holding words OCR was unsure of, for the officer to check. */
export const LowConfidenceFieldSchema = z.object({
  /** path into the draft: "subject", "signer.name", "sections.0.tasks.1.text" */
  field: z.string().max(100),
  words: z.array(z.string().max(100)).max(20),
});
export type LowConfidenceField = z.infer<typeof LowConfidenceFieldSchema>;

export const ParsedDispatchDraftSchema = z.object({
  draft: DirectiveInputSchema.omit({ issuerOrgId: true }).extend({ issuerOrgId: IdSchema.nullable() }),
  /** the issuing body as the letter writes it ("UỶ BAN NHÂN DÂN PHƯỜNG MƯỜNG LAY"); `draft.issuerOrgId` is the org of the tree proposed for it */
  issuerText: z.string().nullable().default(null),
  warnings: z.array(z.string()),
  /** the original file, kept to attach when the draft is saved */
  sourceFileId: IdSchema.nullable(),
  /** for a PDF or photo: how each page was read and which fields to check */
  document: z
    .object({
      kind: z.enum(['pdf', 'image']),
      pages: z.array(DocumentPageSchema).max(100),
      /** mean over the OCR'd pages; null when no page needed OCR */
      meanConfidence: z.number().min(0).max(100).nullable(),
      lowConfidence: z.array(LowConfidenceFieldSchema).max(500),
    })
    .optional(),
});
export type ParsedDispatchDraft = z.infer<typeof ParsedDispatchDraftSchema>;

export const DOCUMENT_IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const DocumentImportStatusSchema = z.enum(DOCUMENT_IMPORT_STATUSES);
export type DocumentImportStatus = z.infer<typeof DocumentImportStatusSchema>;

/** A PDF or photo being read into a draft by a background job; the web polls it. */
export const DocumentImportSchema = z.object({
  id: IdSchema,
  filename: z.string(),
  kind: z.enum(['pdf', 'image']),
  status: DocumentImportStatusSchema,
  pagesTotal: z.number().int(),
  pagesDone: z.number().int(),
  /** `code` is an ErrorCode; `reason` + `params` (when the failure has one) as in an error body, for the web to translate */
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      reason: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    })
    .nullable(),
  result: ParsedDispatchDraftSchema.nullable(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type DocumentImport = z.infer<typeof DocumentImportSchema>;

/** What this server can read, so the web can say so before an upload. */
export const DocumentImportCapabilitiesSchema = z.object({
  /** Tesseract with Vietnamese is installed: photos and scans can be read */
  ocr: z.boolean(),
  maxBytes: z.number().int(),
  maxPages: z.number().int(),
});
export type DocumentImportCapabilities = z.infer<typeof DocumentImportCapabilitiesSchema>;
