import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

/**
 * A rotation of an org's 24/7 duty (trực): shift n goes to participants[n mod count] from
 * `starts_at` on, each `length_hours` long. Shifts are computed (`@khien/formats` duty/), never
 * stored: a year of daily shifts for 3,321 communes would be a million rows that go stale.
 */
export const dutyRotations = pgTable(
  'duty_rotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** daily | weekly | custom */
    lengthKind: text('length_kind').notNull(),
    lengthHours: integer('length_hours').notNull(),
    /** in order; a person leaving is taken off by an edit, never skipped by the arithmetic */
    participantIds: uuid('participant_ids').array().notNull(),
    /** optional daily window {from, to, weekdays} in local time: an office-hours rotation */
    window: jsonb('window').$type<{ from: string; to: string; weekdays?: number[] } | null>(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('duty_rotations_org_id_idx').on(t.orgId)],
);

/** Someone else takes (part of) a shift, or an extra person is added for a period; swaps are two of these. */
export const dutyOverrides = pgTable(
  'duty_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    rotationId: uuid('rotation_id').references(() => dutyRotations.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    replacesUserId: uuid('replaces_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('duty_overrides_org_id_idx').on(t.orgId, t.endsAt),
    index('duty_overrides_rotation_id_idx').on(t.rotationId),
    index('duty_overrides_user_id_idx').on(t.userId),
    index('duty_overrides_replaces_user_id_idx').on(t.replacesUserId),
  ],
);

/** A coverage gap the org's head was warned about, so the daily check warns once per gap. */
export const dutyGapWarnings = pgTable(
  'duty_gap_warnings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    gapStart: timestamp('gap_start', { withTimezone: true }).notNull(),
    gapEnd: timestamp('gap_end', { withTimezone: true }).notNull(),
    warnedAt: timestamp('warned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('duty_gap_warnings_key').on(t.orgId, t.gapStart, t.gapEnd)],
);
