import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';
import { AssignmentStatusSchema, AttachmentSchema, DirectiveStatusSchema, TaskStatusSchema } from './directives.js';
import { OrgKindSchema } from './orgs.js';

/**
 * A directive follows the chain (issue 11): a recipient relays (triển khai) what it received to its
 * own units as a directive of its own, the original issuer follows the cascade two or more levels
 * down, and the relaying org's report to its parent is pre-filled from its units' reports.
 */

/** How far a relay has got, counted over its assignments (one level) and over every level below it. */
export const RelayCountsSchema = z.object({
  units: z.number().int(),
  acknowledged: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  overdue: z.number().int(),
  tasksDone: z.number().int(),
  tasksTotal: z.number().int(),
});
export type RelayCounts = z.infer<typeof RelayCountsSchema>;

/** A directive relayed from an assignment: the child, seen from its parent. */
export const RelaySchema = z.object({
  directiveId: IdSchema,
  number: z.string().nullable(),
  subject: z.string(),
  status: DirectiveStatusSchema,
  issuedAt: TimestampSchema.nullable(),
  counts: RelayCountsSchema,
  /** all levels below this relay, itself included */
  deep: RelayCountsSchema.extend({ levels: z.number().int() }),
});
export type Relay = z.infer<typeof RelaySchema>;

/** One recipient of a directive in the cascade: its own progress and what it relayed. */
export const CascadeNodeSchema = z.object({
  assignmentId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  orgKind: OrgKindSchema,
  status: AssignmentStatusSchema,
  dueAt: TimestampSchema.nullable(),
  overdue: z.boolean(),
  tasksDone: z.number().int(),
  tasksTotal: z.number().int(),
  /** the org has units of its own, so a relay is expected of it */
  hasUnits: z.boolean(),
  /** when the relay is owed (the issuer asked for one within N days); null: not asked */
  relayDueAt: TimestampSchema.nullable(),
  /** asked, not relayed, and the date has passed */
  relayOverdue: z.boolean(),
  relays: z.array(RelaySchema),
});
export type CascadeNode = z.infer<typeof CascadeNodeSchema>;

export const CascadeQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** only recipients that have units and have not relayed */
  notRelayed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const CascadeSchema = z.object({
  directiveId: IdSchema,
  number: z.string().nullable(),
  subject: z.string(),
  relayWithinDays: z.number().int().nullable(),
  /** the directive's recipients, and every level of relays below them */
  summary: z.object({
    recipients: z.number().int(),
    withUnits: z.number().int(),
    relayed: z.number().int(),
    notRelayedOverdue: z.number().int(),
    deep: RelayCountsSchema.extend({ levels: z.number().int() }),
  }),
  items: z.array(CascadeNodeSchema),
  total: z.number().int(),
});
export type Cascade = z.infer<typeof CascadeSchema>;

/** One unit's answer to a relayed task, as the relaying org sees it when it reports upward. */
export const UnitAnswerSchema = z.object({
  assignmentId: IdSchema,
  orgName: z.string(),
  assignmentStatus: AssignmentStatusSchema,
  status: TaskStatusSchema,
  report: z.string(),
  reason: z.string().nullable(),
  evidence: z.array(AttachmentSchema),
});

/** Per task of a received assignment: what the org's own units reported on the tasks that relay it. */
export const FromUnitsTaskSchema = z.object({
  taskId: IdSchema,
  units: z.number().int(),
  done: z.number().int(),
  notDone: z.number().int(),
  notApplicable: z.number().int(),
  /** not started, in progress, or no answer yet */
  open: z.number().int(),
  answers: z.array(UnitAnswerSchema),
  /** what the report could say, in Vietnamese: the counts, the units not done and their reasons */
  suggestedReport: z.string(),
  /** done when every unit is done or not applicable; otherwise in progress (or not done when all answered) */
  suggestedStatus: TaskStatusSchema,
});
export type FromUnitsTask = z.infer<typeof FromUnitsTaskSchema>;

export const FromUnitsSchema = z.object({
  assignmentId: IdSchema,
  /** the issued relays of this assignment */
  relays: z.array(z.object({ directiveId: IdSchema, number: z.string().nullable(), units: z.number().int() })),
  tasks: z.array(FromUnitsTaskSchema),
});
export type FromUnits = z.infer<typeof FromUnitsSchema>;
