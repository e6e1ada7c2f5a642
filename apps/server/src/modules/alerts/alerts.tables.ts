import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.js';

/**
 * One alert as a sender (Wazuh, Alertmanager, Suricata, syslog…) sent it, normalised, with
 * where it was routed and how far its escalation went. A repeat of the same dedup key from the
 * same sender raises `count` and `last_seen_at` instead of a new row. `next_action_at` is the
 * durable timer: routing, the next escalation step or a re-raise is due then; the processor
 * takes due rows with `for update skip locked`, so any number of processes share the work and
 * a restart resumes where the last one stopped.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    senderOrgId: uuid('sender_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    senderTokenId: uuid('sender_token_id'),
    senderLabel: text('sender_label').notNull(),
    dedupKey: text('dedup_key').notNull(),
    format: text('format').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity').notNull(),
    sourceSeverity: text('source_severity').notNull().default(''),
    status: text('status').notNull().default('new'),
    /** what the sender last said: firing, or resolved at its end */
    senderStatus: text('sender_status').notNull().default('firing'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    count: integer('count').notNull().default(1),
    agentId: text('agent_id'),
    host: text('host'),
    hostnames: text('hostnames')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ips: text('ips')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ruleId: text('rule_id'),
    category: text('category'),
    labels: jsonb('labels').$type<Record<string, string>>().notNull().default({}),
    raw: jsonb('raw'),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'set null' }),
    communeOrgId: uuid('commune_org_id'),
    provinceOrgId: uuid('province_org_id'),
    assetId: uuid('asset_id'),
    routedBy: text('routed_by'),
    route: jsonb('route').$type<{ code: string; params: Record<string, string> }[]>(),
    routedAt: timestamp('routed_at', { withTimezone: true }),
    ackDueAt: timestamp('ack_due_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** the next step of the chain to fire */
    escalationStep: integer('escalation_step').notNull().default(0),
    nextActionAt: timestamp('next_action_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alerts_dedup_key').on(t.senderOrgId, t.dedupKey),
    index('alerts_due_idx')
      .on(t.nextActionAt)
      .where(sql`${t.nextActionAt} is not null`),
    index('alerts_org_id_idx').on(t.orgId, t.status, t.receivedAt),
    index('alerts_commune_idx').on(t.communeOrgId, t.status),
    index('alerts_status_idx').on(t.status, t.receivedAt),
    index('alerts_updated_idx').on(t.updatedAt),
    index('alerts_asset_id_idx').on(t.assetId),
  ],
);

/** The alert's timeline: received, repeated, routed, notified, escalated, acknowledged… */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    actorLabel: text('actor_label').notNull(),
    comment: text('comment'),
    params: jsonb('params').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('alert_events_alert_id_idx').on(t.alertId, t.at)],
);

/** The province coordinator's routing rules, tried in `position` order before the inventory lookups. */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scopeOrgId: uuid('scope_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    match: jsonb('match').$type<Record<string, string>>().notNull(),
    action: jsonb('action').$type<{ routeToOrgId?: string; setSeverity?: string }>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alert_rules_scope_idx').on(t.scopeOrgId, t.position)],
);

/** Acknowledgement deadlines, re-raise times and the escalation chain of a province (absent: the defaults). */
export const alertPolicies = pgTable('alert_policies', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  ackMinutes: jsonb('ack_minutes').$type<Record<string, number>>().notNull(),
  reraiseMinutes: jsonb('reraise_minutes').$type<Record<string, number>>().notNull(),
  chain: jsonb('chain').$type<unknown[]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An outbound webhook (a Zalo OA, Telegram or SMS gateway bridge) told of escalation steps in
 * its org's subtree, signed per Standard Webhooks. The secret must be kept to sign, so it is
 * stored; it is shown to the person once.
 */
export const alertChannels = pgTable(
  'alert_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    minSeverity: text('min_severity').notNull().default('high'),
    perMinute: integer('per_minute').notNull().default(30),
    enabled: boolean('enabled').notNull().default(true),
    lastDeliveredAt: timestamp('last_delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alert_channels_org_id_idx').on(t.orgId)],
);

/** The outbox of channel messages: written with the step that causes them, sent after commit with retries. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => alertChannels.id, { onDelete: 'cascade' }),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('alert_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('alert_deliveries_channel_id_idx').on(t.channelId, t.sentAt),
    index('alert_deliveries_alert_id_idx').on(t.alertId),
  ],
);

/** Refused bodies per sender, so the coordinator sees a sender whose alerts are being lost at its end. */
export const alertRejections = pgTable('alert_rejections', {
  senderKey: text('sender_key').primaryKey(),
  senderOrgId: uuid('sender_org_id'),
  rejected: integer('rejected').notNull().default(0),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  lastProblem: jsonb('last_problem'),
});
