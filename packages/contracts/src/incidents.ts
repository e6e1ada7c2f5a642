import { z } from 'zod';
import { IncidentEventSchema } from './incident-events.js';
import { IdSchema, TimestampSchema } from './common.js';

/**
 * Incident cases (server `modules/incidents`): opened from alerts or reported by hand, with the
 * response team, tasks owed by orgs, and the statutory reports the regulation pack in force at
 * detection time asks for (form 03 of Circular 20/2017, the 24 h / 72 h reports of Decree 331/2026,
 * the 72 h personal-data-breach notice), each with its deadline.
 */
const text = (max: number) => z.string().trim().max(max);
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\r\n]*$/u, 'one line');

export const INCIDENT_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const IncidentSeveritySchema = z.enum(INCIDENT_SEVERITIES);
export type IncidentSeverity = z.infer<typeof IncidentSeveritySchema>;

export const INCIDENT_CATEGORIES = [
  'malware',
  'intrusion',
  'defacement',
  'data_leak',
  'ddos',
  'account_takeover',
  'phishing',
  'fraud',
  'ransomware',
  'vulnerability_exploit',
  'service_outage',
  'other',
] as const;
export const IncidentCategorySchema = z.enum(INCIDENT_CATEGORIES);
export type IncidentCategory = z.infer<typeof IncidentCategorySchema>;

/** open → contained → recovered → closure_review → closed; a closed case reopens with a reason. A merged case is read-only. */
export const INCIDENT_STATUSES = ['open', 'contained', 'recovered', 'closure_review', 'closed', 'merged'] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

export const INDICATOR_TYPES = ['ipv4', 'ipv6', 'cidr', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'file_name'] as const;
export const IndicatorTypeSchema = z.enum(INDICATOR_TYPES);
export type IndicatorType = z.infer<typeof IndicatorTypeSchema>;

/** The statutory reports; which of them a case owes is decided by the pack and the case's flags. */
export const INCIDENT_REPORT_KINDS = ['initial', 'full', 'five_day', 'personal_data', 'closure'] as const;
export const IncidentReportKindSchema = z.enum(INCIDENT_REPORT_KINDS);
export type IncidentReportKind = z.infer<typeof IncidentReportKindSchema>;
export const INCIDENT_REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export const IncidentReportStatusSchema = z.enum(INCIDENT_REPORT_STATUSES);

/**
 * Form 03 "Báo cáo ban đầu sự cố mạng" (Circular 20/2017/TT-BTTTT), field for field. All optional
 * while drafting; `FORM03_REQUIRED` must be filled before the report is submitted.
 */
export const Form03Schema = z
  .object({
    reporterName: line(200).optional(),
    reporterAddress: line(300).optional(),
    reporterPhone: line(40).optional(),
    reporterEmail: line(200).optional(),
    contactName: line(200).optional(),
    contactTitle: line(200).optional(),
    contactPhone: line(40).optional(),
    contactEmail: line(200).optional(),
    operatorUnit: line(300).optional(),
    ownerAgency: line(300).optional(),
    systemName: line(300).optional(),
    systemDomain: line(300).optional(),
    systemIps: line(500).optional(),
    systemLevel: z.number().int().min(1).max(5).nullable().optional(),
    securityProvider: line(300).optional(),
    connectivityProvider: line(300).optional(),
    description: text(10_000).optional(),
    /** ISO timestamp with offset */
    detectedAt: z.string().max(40).optional(),
    currentStatus: text(2_000).optional(),
    howDetected: text(2_000).optional(),
    informed: text(2_000).optional(),
    osVersion: line(300).optional(),
    services: text(2_000).optional(),
    measures: text(4_000).optional(),
    publicIps: text(2_000).optional(),
    publicDomains: text(2_000).optional(),
    purpose: text(2_000).optional(),
    attachments: text(2_000).optional(),
    confidential: z.boolean().optional(),
    supportRequest: text(4_000).optional(),
  })
  .strict();
export type Form03 = z.infer<typeof Form03Schema>;
export const FORM03_REQUIRED = [
  'reporterName',
  'reporterPhone',
  'operatorUnit',
  'systemName',
  'description',
  'detectedAt',
  'currentStatus',
  'howDetected',
] as const satisfies readonly (keyof Form03)[];

/** The full report (72 h) and the 5-day report: the initial fields plus what was learnt. */
export const FullReportSchema = Form03Schema.extend({
  cause: text(6_000).optional(),
  impact: text(6_000).optional(),
  actionsTaken: text(6_000).optional(),
  recoveredAt: z.string().max(40).optional(),
  remainingRisk: text(4_000).optional(),
}).strict();
export type FullReport = z.infer<typeof FullReportSchema>;
export const FULL_REPORT_REQUIRED = [...FORM03_REQUIRED, 'cause', 'impact', 'actionsTaken'] as const;

/** The personal-data-breach notice (Law 91/2025/QH15). */
export const PersonalDataNoticeSchema = z
  .object({
    controllerName: line(300).optional(),
    controllerContact: line(300).optional(),
    protectionOfficer: line(300).optional(),
    description: text(10_000).optional(),
    detectedAt: z.string().max(40).optional(),
    dataCategories: text(2_000).optional(),
    subjectsAffected: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
    recordsAffected: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
    likelyConsequences: text(4_000).optional(),
    measures: text(4_000).optional(),
    subjectsInformed: text(2_000).optional(),
  })
  .strict();
export type PersonalDataNotice = z.infer<typeof PersonalDataNoticeSchema>;
export const PERSONAL_DATA_REQUIRED = [
  'controllerName',
  'controllerContact',
  'description',
  'detectedAt',
  'dataCategories',
  'likelyConsequences',
  'measures',
] as const;

/** Closing a case needs this; the reporter's parent reviews it. */
export const ClosureReportSchema = z
  .object({
    cause: text(6_000).optional(),
    impact: text(6_000).optional(),
    actions: text(6_000).optional(),
    lessons: text(6_000).optional(),
  })
  .strict();
export type ClosureReport = z.infer<typeof ClosureReportSchema>;
export const CLOSURE_REQUIRED = ['cause', 'impact', 'actions', 'lessons'] as const;

export const IncidentReportSummarySchema = z.object({
  id: IdSchema,
  kind: IncidentReportKindSchema,
  status: IncidentReportStatusSchema,
  /** null for the closure report, which has no statutory clock */
  dueAt: TimestampSchema.nullable(),
  submittedAt: TimestampSchema.nullable(),
  submittedByName: z.string().nullable(),
  reviewedAt: TimestampSchema.nullable(),
  reviewComment: z.string().nullable(),
  /** past due and not submitted */
  overdue: z.boolean(),
  /** the work item carrying its deadline, reminders and escalation */
  workItemId: IdSchema.nullable(),
  /** the clause behind the deadline, in the reader's words */
  basis: z.object({ vi: z.string(), en: z.string() }).nullable(),
  version: z.number().int(),
});
export type IncidentReportSummary = z.infer<typeof IncidentReportSummarySchema>;

export const IncidentReportDetailSchema = IncidentReportSummarySchema.extend({
  incidentId: IdSchema,
  /** the form's fields as saved (Form03, FullReport, PersonalDataNotice or ClosureReport by kind) */
  fields: z.record(z.string(), z.unknown()),
  /** required fields still empty: the names the form must highlight */
  missing: z.array(z.string()),
});
export type IncidentReportDetail = z.infer<typeof IncidentReportDetailSchema>;

export const IncidentSummarySchema = z.object({
  id: IdSchema,
  code: z.string(),
  title: z.string(),
  severity: IncidentSeveritySchema,
  category: IncidentCategorySchema,
  status: IncidentStatusSchema,
  orgId: IdSchema,
  orgName: z.string(),
  orgParentName: z.string().nullable(),
  communeName: z.string().nullable(),
  /** the org handling it (the reporting org, or the province after taking it over) */
  handlerOrgId: IdSchema,
  handlerOrgName: z.string(),
  serious: z.boolean(),
  personalData: z.boolean(),
  detectedAt: TimestampSchema,
  reportedAt: TimestampSchema,
  /** the earliest deadline of a report not yet submitted */
  nextDueAt: TimestampSchema.nullable(),
  nextDueKind: IncidentReportKindSchema.nullable(),
  /** a statutory report is past its deadline */
  breached: z.boolean(),
  packId: z.string(),
  version: z.number().int(),
});
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;

export const IncidentIndicatorSchema = z.object({
  id: IdSchema,
  type: IndicatorTypeSchema,
  value: z.string(),
  note: z.string().nullable(),
  addedAt: TimestampSchema,
});
export type IncidentIndicator = z.infer<typeof IncidentIndicatorSchema>;

export const IncidentTaskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  dueAt: TimestampSchema.nullable(),
  workItemId: IdSchema,
  status: z.string(),
});

export const IncidentDetailSchema = IncidentSummarySchema.extend({
  description: z.string(),
  nationalSecurity: z.boolean(),
  occurredAt: TimestampSchema.nullable(),
  packVersion: z.string(),
  packTitle: z.object({ vi: z.string(), en: z.string() }),
  reopenedReason: z.string().nullable(),
  mergedIntoId: IdSchema.nullable(),
  mergedIntoCode: z.string().nullable(),
  merged: z.array(z.object({ id: IdSchema, code: z.string(), orgName: z.string() })),
  systems: z.array(z.object({ id: IdSchema, name: z.string(), level: z.number().int().nullable(), orgName: z.string() })),
  assets: z.array(z.object({ id: IdSchema, name: z.string(), kind: z.string(), ips: z.array(z.string()) })),
  alerts: z.array(z.object({ id: IdSchema, title: z.string(), severity: z.string(), receivedAt: TimestampSchema })),
  indicators: z.array(IncidentIndicatorSchema),
  indicatorsTotal: z.number().int(),
  evidence: z.array(
    z.object({ id: IdSchema, fileId: IdSchema, name: z.string(), size: z.number().int(), mime: z.string(), addedAt: TimestampSchema, addedByName: z.string() }),
  ),
  team: z.array(z.object({ orgId: IdSchema, orgName: z.string(), invitedAt: TimestampSchema })),
  tasks: z.array(IncidentTaskSchema),
  reports: z.array(IncidentReportSummarySchema),
  timeline: z.array(IncidentEventSchema),
  timelineTotal: z.number().int(),
  /** what this person may do now */
  actions: z.array(
    z.enum(['edit', 'note', 'indicator', 'evidence', 'task', 'status', 'invite', 'take_over', 'merge', 'close', 'review_closure', 'reopen', 'report']),
  ),
  /** how the caller sees it: through the owning org's subtree, or as an invited response team */
  access: z.enum(['subtree', 'team']),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

const optionalFlag = z.enum(['1', '0']).optional();
export const IncidentListQuerySchema = z
  .object({
    status: z.enum(['active', 'open', 'contained', 'recovered', 'closure_review', 'closed', 'all']).default('active'),
    severity: IncidentSeveritySchema.optional(),
    category: IncidentCategorySchema.optional(),
    communeId: IdSchema.optional(),
    orgId: IdSchema.optional(),
    breached: optionalFlag,
    personalData: optionalFlag,
    q: line(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type IncidentListQuery = z.infer<typeof IncidentListQuerySchema>;
export const IncidentListSchema = z.object({ items: z.array(IncidentSummarySchema), total: z.number().int() });

const IndicatorInputSchema = z.object({ type: IndicatorTypeSchema.optional(), value: line(2_000).min(1), note: line(500).optional() }).strict();
export const IncidentCreateBodySchema = z
  .object({
    orgId: IdSchema,
    title: line(300).min(1),
    description: text(10_000).min(1),
    severity: IncidentSeveritySchema,
    category: IncidentCategorySchema,
    detectedAt: z.string().max(40),
    occurredAt: z.string().max(40).nullable().optional(),
    /** a serious incident under Decree 331/2026 (24 h / 72 h); proposed from severity and system level when left out */
    serious: z.boolean().optional(),
    personalData: z.boolean().default(false),
    nationalSecurity: z.boolean().default(false),
    systemIds: z.array(IdSchema).max(50).default([]),
    assetIds: z.array(IdSchema).max(200).default([]),
    indicators: z.array(IndicatorInputSchema).max(500).default([]),
    /** alerts this case is opened from (promotion); they become "promoted" */
    alertIds: z.array(IdSchema).max(200).default([]),
  })
  .strict();
export type IncidentCreateBody = z.infer<typeof IncidentCreateBodySchema>;

export const IncidentPatchSchema = z
  .object({
    version: z.number().int().min(1),
    title: line(300).min(1).optional(),
    description: text(10_000).min(1).optional(),
    severity: IncidentSeveritySchema.optional(),
    category: IncidentCategorySchema.optional(),
    serious: z.boolean().optional(),
    personalData: z.boolean().optional(),
    nationalSecurity: z.boolean().optional(),
    systemIds: z.array(IdSchema).max(50).optional(),
    assetIds: z.array(IdSchema).max(200).optional(),
    status: z.enum(['open', 'contained', 'recovered']).optional(),
    comment: text(2_000).optional(),
  })
  .strict();

export const IncidentNoteBodySchema = z.object({ comment: text(4_000).min(1) }).strict();
export const IncidentIndicatorsBodySchema = z.object({ indicators: z.array(IndicatorInputSchema).min(1).max(500) }).strict();
export const IncidentTaskBodySchema = z
  .object({ orgId: IdSchema, title: line(500).min(1), detail: text(4_000).optional(), dueAt: z.string().max(40).nullable().optional() })
  .strict();
export const IncidentInviteBodySchema = z.object({ orgId: IdSchema, comment: text(2_000).optional() }).strict();
export const IncidentMergeBodySchema = z.object({ sourceIds: z.array(IdSchema).min(1).max(50), comment: text(2_000).optional() }).strict();
export const IncidentReasonBodySchema = z.object({ reason: text(2_000).min(1), version: z.number().int().min(1) }).strict();
export const IncidentClosureReviewBodySchema = z
  .object({ decision: z.enum(['accept', 'return']), comment: text(2_000).optional(), version: z.number().int().min(1) })
  .strict();
export const IncidentFromAlertsBodySchema = z
  .object({
    alertIds: z.array(IdSchema).min(1).max(200),
    /** add the alerts to an existing case instead of opening one */
    incidentId: IdSchema.optional(),
    title: line(300).optional(),
    category: IncidentCategorySchema.optional(),
  })
  .strict();

export const IncidentReportSaveBodySchema = z.object({ fields: z.record(z.string(), z.unknown()), version: z.number().int().min(1) }).strict();
export const IncidentReportReviewBodySchema = z
  .object({ decision: z.enum(['accept', 'return']), comment: text(2_000).optional(), version: z.number().int().min(1) })
  .strict();

/** The province's picture: cases by commune and by category, per month. */
export const IncidentStatsQuerySchema = z.object({ months: z.coerce.number().int().min(1).max(36).default(12), orgId: IdSchema.optional() }).strict();
export const IncidentStatsSchema = z.object({
  months: z.array(z.string()),
  byCategory: z.array(z.object({ category: IncidentCategorySchema, counts: z.array(z.number().int()) })),
  byCommune: z.array(
    z.object({
      communeId: IdSchema.nullable(),
      communeName: z.string().nullable(),
      total: z.number().int(),
      open: z.number().int(),
      breached: z.number().int(),
    }),
  ),
});
export type IncidentStats = z.infer<typeof IncidentStatsSchema>;
