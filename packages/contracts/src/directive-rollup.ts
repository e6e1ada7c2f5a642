import { z } from 'zod';
import { IdSchema, TimestampSchema, pageOf } from './common.js';
import { TaskStatusSchema } from './directives.js';

/** The issuer's oversight of a directive (roll-ups, the matrix, who has not acknowledged) and the bell's notifications. */

export const RollupRowSchema = z.object({
  /** the group (org id, kind or task id); null: the recipients under no commune (or province) of the tree */
  key: z.string().nullable(),
  /** the group's name; empty for the null group, which the reader's language names */
  label: z.string(),
  recipients: z.number().int(),
  acknowledged: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  overdue: z.number().int(),
  tasksDone: z.number().int(),
  tasksTotal: z.number().int(),
  /** recipients of the group with units of their own, and how many of them relayed it (an issued relay); null by task */
  withUnits: z.number().int().nullable(),
  relayed: z.number().int().nullable(),
  /** assignments of the relays, one level down; null by task */
  units: z.number().int().nullable(),
});
export const RollupSchema = z.object({
  by: z.enum(['province', 'commune', 'kind', 'task']),
  rows: z.array(RollupRowSchema),
  /** recipients × tasks, status per cell; capped to the first 500 recipients */
  matrix: z.object({
    tasks: z.array(z.object({ id: IdSchema, label: z.string() })),
    rows: z.array(z.object({ assignmentId: IdSchema, orgName: z.string(), cells: z.array(TaskStatusSchema.nullable()) })),
  }),
  notAcknowledged: z.array(
    z.object({ assignmentId: IdSchema, orgId: IdSchema, orgName: z.string(), contacts: z.array(z.object({ name: z.string(), phone: z.string().nullable() })) }),
  ),
});
export type Rollup = z.infer<typeof RollupSchema>;

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationPageSchema = pageOf(NotificationSchema).extend({ unread: z.number().int() });
