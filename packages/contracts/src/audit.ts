import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common.js';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: TimestampSchema,
  actorUserId: IdSchema.nullable(),
  actorTokenId: IdSchema.nullable(),
  actorLabel: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: IdSchema.nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = pageOf(AuditEntrySchema);
export const ListAuditQuerySchema = PageQuerySchema.extend({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(100).optional(),
  orgId: IdSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).strict();
