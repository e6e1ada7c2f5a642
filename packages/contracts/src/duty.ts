import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';
import { OrgKindSchema } from './orgs.js';

/**
 * 24/7 duty (trực): rotations per org, overrides and swaps, who is on duty now, the coverage
 * check. The arithmetic is `@khien/formats` duty/; the server keeps the rows.
 */
const text = (max: number) => z.string().max(max);
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
export const ShiftLengthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily') }),
  z.object({ kind: z.literal('weekly') }),
  z.object({ kind: z.literal('custom'), hours: z.number().int().min(1).max(744) }),
]);
export type ShiftLengthValue = z.infer<typeof ShiftLengthSchema>;
export const DutyWindowSchema = z.object({
  from: HhMm,
  to: HhMm,
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
});

export const DutyPersonSchema = z.object({ userId: IdSchema, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export type DutyPerson = z.infer<typeof DutyPersonSchema>;

export const RotationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  name: z.string(),
  /** the first handover (start of shift 0); its local time of day is the handover time */
  startsAt: TimestampSchema,
  length: ShiftLengthSchema,
  /** in order: shift n goes to participants[n mod count] */
  participants: z.array(DutyPersonSchema),
  window: DutyWindowSchema.nullable(),
  endsAt: TimestampSchema.nullable(),
  version: z.number().int(),
  createdAt: TimestampSchema,
});
export type Rotation = z.infer<typeof RotationSchema>;

export const RotationBodySchema = z
  .object({
    orgId: IdSchema,
    name: text(200).min(1),
    startsAt: z.iso.datetime({ offset: true }),
    length: ShiftLengthSchema,
    participantIds: z.array(IdSchema).min(1).max(100),
    window: DutyWindowSchema.nullable().optional(),
    endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export const RotationPatchSchema = RotationBodySchema.omit({ orgId: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const DutyOverrideSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  rotationId: IdSchema.nullable(),
  start: TimestampSchema,
  end: TimestampSchema,
  userId: IdSchema,
  userName: z.string(),
  replacesUserId: IdSchema.nullable(),
  replacesUserName: z.string().nullable(),
  reason: z.string(),
  createdAt: TimestampSchema,
});
export type DutyOverride = z.infer<typeof DutyOverrideSchema>;
export const DutyOverrideBodySchema = z
  .object({
    orgId: IdSchema,
    rotationId: IdSchema.nullable().optional(),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    userId: IdSchema,
    replacesUserId: IdSchema.nullable().optional(),
    reason: text(500).default(''),
  })
  .strict();
/** Two shifts of one rotation trade people; stored as two overrides. */
export const DutySwapBodySchema = z
  .object({ shiftA: z.number().int().min(0).max(1_000_000), shiftB: z.number().int().min(0).max(1_000_000), reason: text(500).default('') })
  .strict();

export const ShiftSchema = z.object({
  /** null: a person put on duty outside any rotation (an imported roster, an extra for a holiday) */
  rotationId: IdSchema.nullable(),
  rotationName: z.string(),
  index: z.number().int(),
  start: TimestampSchema,
  end: TimestampSchema,
  userId: IdSchema,
  userName: z.string(),
  overridden: z.boolean(),
  overrideId: IdSchema.nullable(),
  originalUserId: IdSchema,
  originalUserName: z.string(),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const DutyCalendarQuerySchema = z.object({ orgId: IdSchema, from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).strict();
export const DutyCalendarSchema = z.object({
  orgId: IdSchema,
  rotations: z.array(RotationSchema),
  overrides: z.array(DutyOverrideSchema),
  shifts: z.array(ShiftSchema),
});

/** Who answers for an org now: the roster's people, else the org's duty officers by role, else nobody. */
export const OnDutyRowSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  orgParentName: z.string().nullable(),
  orgKind: OrgKindSchema,
  source: z.enum(['roster', 'role', 'none']),
  people: z.array(DutyPersonSchema.extend({ until: TimestampSchema.nullable(), rotationName: z.string().nullable(), overridden: z.boolean() })),
  /** the org's 24/7 hotline from its contacts, when it has one */
  hotline: z.string().nullable(),
});
export type OnDutyRow = z.infer<typeof OnDutyRowSchema>;
export const OnDutyQuerySchema = z
  .object({
    orgId: IdSchema.optional(),
    q: text(200).optional(),
    /** only orgs that have a roster or duty officers */
    staffed: z.enum(['all', 'staffed', 'none']).default('all'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const CoverageGapSchema = z.object({
  start: TimestampSchema,
  end: TimestampSchema,
  mandatory: z.boolean(),
  reasons: z.array(z.object({ code: z.enum(['holiday', 'tet', 'alert_period', 'no_one', 'unavailable_person']), label: z.string().optional() })),
});
export type CoverageGap = z.infer<typeof CoverageGapSchema>;
export const CoverageQuerySchema = z
  .object({ orgId: IdSchema, from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
  .strict();
export const CoverageSchema = z.object({
  orgId: IdSchema,
  from: TimestampSchema,
  to: TimestampSchema,
  gaps: z.array(CoverageGapSchema),
  holidays: z.array(z.object({ date: z.string(), name: z.object({ vi: z.string(), en: z.string() }), kind: z.enum(['public_holiday', 'tet']) })),
  alertPeriods: z.array(z.object({ start: TimestampSchema, end: TimestampSchema, label: z.string() })),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** A roster file's rows as read (XLSX or iCalendar), applied as overrides once confirmed. */
export const DutyImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: z.object({ vi: z.string(), en: z.string() }) })),
});
