import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

/** The timeline's event kinds: the server writes only these; each has a sentence in the web and the XLSX. */
export const INCIDENT_EVENT_KINDS = [
  'created',
  'opened_from_alerts',
  'updated',
  'status_changed',
  'note',
  'indicator_added',
  'indicator_removed',
  'evidence_added',
  'task_assigned',
  'team_invited',
  'taken_over',
  'merged_into',
  'merged_from',
  'alert_linked',
  'reports_changed',
  'report_saved',
  'report_submitted',
  'report_accepted',
  'report_returned',
  'closure_started',
  'closure_submitted',
  'closure_accepted',
  'closure_returned',
  'reopened',
  'deadline_reminded',
  'deadline_escalated',
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

export const IncidentEventSchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  kind: z.string(),
  actor: z.string(),
  comment: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type IncidentEvent = z.infer<typeof IncidentEventSchema>;
