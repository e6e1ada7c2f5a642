import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common.js';

/**
 * Who an audit row names, in kinds the web puts in words: a person (by name, e-mail as written), an
 * API token (its name, and its owner's name), the command line (the operator's system account), or
 * the product itself (demo data, a background file import, the work timers, the signed checkpoints).
 */
export const AUDIT_ACTOR_KINDS = ['person', 'token', 'cli', 'demo_seed', 'file_import', 'work_timers', 'audit_checkpoint', 'system', 'unknown'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: TimestampSchema,
  actorUserId: IdSchema.nullable(),
  actorTokenId: IdSchema.nullable(),
  /** as recorded: an e-mail, "token:…", "cli:…", "demo seed"… */
  actorLabel: z.string(),
  actorKind: z.enum(AUDIT_ACTOR_KINDS),
  /** the person's display name today (for a token or a file import: its owner), null when there is none */
  actorName: z.string().nullable(),
  /** what the label adds: the e-mail, the token's name, the system account; null when nothing */
  actorDetail: z.string().nullable(),
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

/** A signed statement of the chain's head, as listed in the auditor's view. */
export const AuditCheckpointSchema = z.object({
  id: z.number().int(),
  at: TimestampSchema,
  headSeq: z.number().int(),
  headHash: z.string(),
  rowCount: z.number().int(),
  reason: z.enum(['interval', 'on_demand']),
  keyId: z.string(),
  createdBy: IdSchema.nullable(),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>;
export const AuditCheckpointPageSchema = pageOf(AuditCheckpointSchema);
export const ListAuditCheckpointsQuerySchema = PageQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(200).default(20) }).strict();
export const AuditCheckpointParamsSchema = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict();

export const AUDIT_CHECKPOINT_FORMAT = 'khien-audit-checkpoint/1';
/**
 * The exported file: self-describing (it carries its public key), so it can be checked
 * off the machine, by `khien audit verify --checkpoint` or by hand with openssl.
 */
export const AuditCheckpointFileSchema = z
  .object({
    format: z.literal(AUDIT_CHECKPOINT_FORMAT),
    // one line: it is one line of the signed form
    installation: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\r\n]+$/)
      .optional(),
    at: z.iso.datetime(),
    headSeq: z.number().int().min(0),
    headHash: z.string().regex(/^[0-9a-f]{64}$/),
    rowCount: z.number().int().min(0),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    /** SPKI PEM of the Ed25519 public key */
    publicKey: z.string().min(1).max(1000),
    /** base64 Ed25519 signature over the canonical form (see audit-checkpoint-format.ts on the server) */
    signature: z.string().min(1).max(200),
  })
  .strict();
export type AuditCheckpointFile = z.infer<typeof AuditCheckpointFileSchema>;
