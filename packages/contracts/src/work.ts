import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common.js';
import { OrgKindSchema } from './orgs.js';

/**
 * Work owed by an org (server `modules/work`): a directive's assignment, a system's checklist,
 * and later findings, alerts, incidents. The values are shared; a source names them in its own
 * words in the web (`work.checkWords.<kind>.<status>`: a requirement's `done` reads "met").
 * The same lists as `@khien/formats` work/state-machine.ts (a test keeps them equal).
 */
export const WORK_STATUSES = ['pending', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'not_applicable', 'risk_accepted'] as const;
export const WorkStatusSchema = z.enum(WORK_STATUSES);
export type WorkStatusValue = z.infer<typeof WorkStatusSchema>;
export const WORK_ACTIONS = ['acknowledge', 'start', 'submit', 'return', 'accept', 'not_applicable', 'accept_risk', 'reopen'] as const;
export const WorkActionSchema = z.enum(WORK_ACTIONS);
export const CHECK_STATUSES = ['not_started', 'in_progress', 'done', 'not_done', 'not_applicable', 'risk_accepted'] as const;
export const CheckStatusSchema = z.enum(CHECK_STATUSES);
/** Kinds registered today; a new source adds its own. */
export const WorkKindSchema = z.string().regex(/^[a-z][a-z_]{1,39}$/);
/** A check is addressed by its source's key: a directive task's id, a requirement's id. */
export const CheckKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{1,120}$/);

const text = (max: number) => z.string().max(max);

export const WorkFileSchema = z.object({ id: IdSchema, filename: z.string(), size: z.number().int(), mime: z.string(), sha256: z.string() });

export const WorkCheckSchema = z.object({
  key: CheckKeySchema,
  /** the section or requirement group it belongs to */
  group: z.string().nullable(),
  code: z.string().nullable(),
  text: z.string(),
  dueAt: TimestampSchema.nullable(),
  status: CheckStatusSchema,
  report: z.string(),
  reason: z.string().nullable(),
  evidence: z.array(WorkFileSchema),
  updatedAt: TimestampSchema.nullable(),
  updatedBy: z.string().nullable(),
});
export type WorkCheck = z.infer<typeof WorkCheckSchema>;

export const WorkEventSchema = z.object({ at: TimestampSchema, actor: z.string(), kind: z.string(), comment: z.string().nullable() });

export const WorkSummarySchema = z.object({
  id: IdSchema,
  kind: WorkKindSchema,
  sourceId: IdSchema,
  /** what the item is, as its source names it ("V/v tăng cường…", "Cổng thông tin điện tử") */
  label: z.string(),
  /** the source's page for it, a path in the web app */
  link: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  /** the owing org's parent, so three communes' "Văn phòng HĐND và UBND" can be told apart */
  orgParentName: z.string().nullable(),
  orgKind: OrgKindSchema,
  status: WorkStatusSchema,
  statusReason: z.string().nullable(),
  assigneeUserId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  dueAt: TimestampSchema.nullable(),
  ackDueAt: TimestampSchema.nullable(),
  reviewDueAt: TimestampSchema.nullable(),
  overdue: z.boolean(),
  checksDone: z.number().int(),
  checksTotal: z.number().int(),
  updatedAt: TimestampSchema,
  version: z.number().int(),
});
export type WorkSummary = z.infer<typeof WorkSummarySchema>;

export const WorkItemSchema = WorkSummarySchema.extend({
  reviewerOrgId: IdSchema.nullable(),
  reviewerOrgName: z.string().nullable(),
  report: z.string(),
  acknowledgedAt: TimestampSchema.nullable(),
  submittedAt: TimestampSchema.nullable(),
  reviewedAt: TimestampSchema.nullable(),
  reviewComment: z.string().nullable(),
  checks: z.array(WorkCheckSchema),
  history: z.array(WorkEventSchema),
  /** what the caller may do now: the state machine's moves for their side */
  actions: z.array(WorkActionSchema),
  canReport: z.boolean(),
  canReview: z.boolean(),
});
export type WorkItem = z.infer<typeof WorkItemSchema>;

/** 'open': the owing org's move (pending, acknowledged, in progress, returned); 'closed': accepted or set aside. */
export const TodoStateSchema = z.enum(['open', 'overdue', 'submitted', 'closed', 'all']);
export const TodoQuerySchema = PageQuerySchema.extend({
  kind: WorkKindSchema.optional(),
  state: TodoStateSchema.default('open'),
  orgId: IdSchema.optional(),
  /** only items assigned to me */
  mine: z.enum(['true', 'false']).optional(),
}).strict();
export const TodoPageSchema = pageOf(WorkSummarySchema).extend({
  /** per kind, what the filters would show (open and overdue), for the chips */
  kinds: z.array(z.object({ kind: WorkKindSchema, open: z.number().int(), overdue: z.number().int() })),
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), submitted: z.number().int() }),
});
export type TodoPage = z.infer<typeof TodoPageSchema>;

/** The coordinator's view: what each commune (or, at a commune, each unit) owes, across kinds. */
export const WorkOverviewQuerySchema = z.object({ orgId: IdSchema.optional(), kind: WorkKindSchema.optional() }).strict();
export const WorkOverviewRowSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  /** grouped by commune: false for a unit under no commune (a provincial agency, a telecom), shown apart */
  inCommune: z.boolean(),
  open: z.number().int(),
  overdue: z.number().int(),
  submitted: z.number().int(),
  closed: z.number().int(),
  byKind: z.array(z.object({ kind: WorkKindSchema, open: z.number().int(), overdue: z.number().int() })),
});
export const WorkOverviewSchema = z.object({
  /** the org the rows sit under, and how they are grouped */
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
  by: z.enum(['commune', 'org']),
  rows: z.array(WorkOverviewRowSchema),
  kinds: z.array(WorkKindSchema),
});
export type WorkOverview = z.infer<typeof WorkOverviewSchema>;

export const WorkActionBodySchema = z.object({ version: z.number().int(), reason: text(5000).nullable().default(null) }).strict();
export const WorkCheckBodySchema = z
  .object({ status: CheckStatusSchema, report: text(20_000).default(''), reason: text(2000).nullable().default(null) })
  .strict();
/** Several checks reported at once (a phone's "save" for every edited task): one transaction, version-checked. */
export const WORK_CHECKS_PER_BATCH = 200;
export const WorkChecksBodySchema = z
  .object({
    version: z.number().int(),
    checks: z
      .array(
        z.object({ key: CheckKeySchema, status: CheckStatusSchema, report: text(20_000).default(''), reason: text(2000).nullable().default(null) }).strict(),
      )
      .min(1)
      .max(WORK_CHECKS_PER_BATCH),
  })
  .strict();
export const WorkAssignBodySchema = z.object({ userId: IdSchema.nullable(), version: z.number().int() }).strict();
export const WorkCheckParamsSchema = z.object({ id: IdSchema, key: CheckKeySchema }).strict();
export const WorkActionParamsSchema = z.object({ id: IdSchema, action: WorkActionSchema }).strict();
