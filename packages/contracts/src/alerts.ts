import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';
import { RoleSchema } from './roles.js';

/**
 * Alerts from SIEMs and the monitoring centre (server `modules/alerts`): intake, routing to the
 * owning unit, acknowledgement deadlines and the escalation chain across orgs.
 */
const text = (max: number) => z.string().max(max);
export const ALERT_SEVERITY_VALUES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const AlertSeveritySchema = z.enum(ALERT_SEVERITY_VALUES);
export type AlertSeverityValue = z.infer<typeof AlertSeveritySchema>;
export const ALERT_STATUSES = ['new', 'acknowledged', 'resolved', 'promoted'] as const;
export const AlertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;
export const ALERT_FORMATS = ['generic', 'wazuh', 'wazuh_shuffle', 'wazuh5', 'alertmanager', 'grafana', 'suricata', 'syslog'] as const;
export const AlertFormatSchema = z.enum(ALERT_FORMATS);
/** How the owning org was found, strongest first. */
export const ROUTE_BASES = ['rule', 'agent', 'hostname', 'asset_ip', 'ip_range', 'fallback'] as const;
export const RouteBasisSchema = z.enum(ROUTE_BASES);

export const AlertSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  severity: AlertSeveritySchema,
  status: AlertStatusSchema,
  format: AlertFormatSchema,
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
  orgParentName: z.string().nullable(),
  communeName: z.string().nullable(),
  routedBy: RouteBasisSchema.nullable(),
  host: z.string().nullable(),
  ips: z.array(z.string()),
  occurredAt: TimestampSchema.nullable(),
  receivedAt: TimestampSchema,
  lastSeenAt: TimestampSchema,
  /** how many times the sender sent it (repeats of one dedup key) */
  count: z.number().int(),
  ackDueAt: TimestampSchema.nullable(),
  acknowledgedAt: TimestampSchema.nullable(),
  acknowledgedByName: z.string().nullable(),
  escalationStep: z.number().int(),
  /** not acknowledged and past its deadline */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type AlertSummary = z.infer<typeof AlertSummarySchema>;

export const AlertEventSchema = z.object({
  at: TimestampSchema,
  kind: z.string(),
  actor: z.string(),
  comment: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type AlertEvent = z.infer<typeof AlertEventSchema>;

export const AlertDetailSchema = AlertSummarySchema.extend({
  description: z.string(),
  sourceSeverity: z.string(),
  ruleId: z.string().nullable(),
  category: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  agentId: z.string().nullable(),
  assetId: IdSchema.nullable(),
  assetName: z.string().nullable(),
  /** why it went where it went, in the reader's words (the web renders `alerts.route.<code>`) */
  route: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.string()) })),
  senderName: z.string(),
  /** the sender's time is ahead of ours, or more than a week behind: both times are kept */
  clockSkew: z.enum(['future', 'stale']).nullable(),
  /** the original body, as JSON text (cut at 64 KB) */
  raw: z.string(),
  timeline: z.array(AlertEventSchema),
  /** what this person may do now; 'promote' opens an incident case from it (POST /incidents/from-alerts) */
  actions: z.array(z.enum(['acknowledge', 'resolve', 'note', 'reopen', 'promote'])),
});
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

export const AlertListQuerySchema = z
  .object({
    status: z.enum(['open', 'new', 'acknowledged', 'resolved', 'promoted', 'all']).default('open'),
    severity: AlertSeveritySchema.optional(),
    orgId: IdSchema.optional(),
    /** the caller's own queue: alerts of the orgs where they are on duty or hold a duty role */
    mine: z.enum(['1', '0']).optional(),
    overdue: z.enum(['1', '0']).optional(),
    q: text(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export const AlertListSchema = z.object({ items: z.array(AlertSummarySchema), total: z.number().int() });

export const AlertActionBodySchema = z
  .object({
    action: z.enum(['acknowledge', 'resolve', 'note', 'reopen']),
    comment: text(2000).optional(),
    /** the version read; a stale one is refused (someone else acted meanwhile) */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type AlertActionBody = z.infer<typeof AlertActionBodySchema>;

/** The province's live board: open alerts by commune, breaches, who has not acknowledged. */
export const AlertBoardSchema = z.object({
  at: TimestampSchema,
  byCommune: z.array(
    z.object({
      communeId: IdSchema.nullable(),
      communeName: z.string().nullable(),
      open: z.number().int(),
      unacknowledged: z.number().int(),
      overdue: z.number().int(),
      critical: z.number().int(),
    }),
  ),
  breaches: z.array(AlertSummarySchema),
  notAcknowledgedBy: z.array(
    z.object({ orgId: IdSchema, orgName: z.string(), orgParentName: z.string().nullable(), count: z.number().int(), oldestDueAt: TimestampSchema.nullable() }),
  ),
});
export type AlertBoard = z.infer<typeof AlertBoardSchema>;

export const IntakeProblemSchema = z.object({
  index: z.number().int().nullable(),
  path: z.string(),
  code: z.string(),
  message: z.object({ vi: z.string(), en: z.string() }),
});
export const IntakeResultSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(IntakeProblemSchema),
});
export type IntakeResult = z.infer<typeof IntakeResultSchema>;

// ---- routing rules, the escalation policy, outbound channels (the province coordinator's settings)

export const RoutingMatchSchema = z
  .object({
    format: AlertFormatSchema.optional(),
    severityAtLeast: AlertSeveritySchema.optional(),
    ruleId: text(100).optional(),
    category: text(100).optional(),
    /** case- and diacritics-insensitive substring of the title or description */
    textContains: text(200).optional(),
    /** host or agent name, `*` as wildcard */
    hostPattern: text(200).optional(),
    /** one of the alert's addresses is in this CIDR */
    ipCidr: text(64).optional(),
    labelKey: text(100).optional(),
    labelValue: text(500).optional(),
  })
  .strict();
export const RoutingActionSchema = z
  .object({ routeToOrgId: IdSchema.optional(), setSeverity: AlertSeveritySchema.optional() })
  .strict()
  .refine((a) => a.routeToOrgId !== undefined || a.setSeverity !== undefined, { message: 'route_or_severity_required' });
export const RoutingRuleSchema = z.object({
  id: IdSchema,
  /** the org whose senders the rule applies to (the province, or a commune for its own) */
  orgId: IdSchema,
  name: z.string(),
  position: z.number().int(),
  enabled: z.boolean(),
  match: RoutingMatchSchema,
  action: z.object({ routeToOrgId: IdSchema.optional(), setSeverity: AlertSeveritySchema.optional() }),
  routeToOrgName: z.string().nullable(),
  version: z.number().int(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export const RoutingRuleBodySchema = z
  .object({
    orgId: IdSchema,
    name: text(200).min(1),
    enabled: z.boolean().default(true),
    match: RoutingMatchSchema,
    action: RoutingActionSchema,
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export const RoutingRulePatchSchema = z
  .object({
    name: text(200).min(1).optional(),
    enabled: z.boolean().optional(),
    match: RoutingMatchSchema.optional(),
    action: RoutingActionSchema.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    version: z.number().int().min(1),
  })
  .strict();
export const RoutingTestBodySchema = z.object({ orgId: IdSchema, format: z.enum([...ALERT_FORMATS, 'auto']).default('auto'), sample: z.unknown() }).strict();
export const RoutingTestResultSchema = z.object({
  alerts: z.array(
    z.object({
      title: z.string(),
      severity: AlertSeveritySchema,
      orgId: IdSchema.nullable(),
      orgName: z.string().nullable(),
      routedBy: RouteBasisSchema.nullable(),
      route: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.string()) })),
    }),
  ),
  problems: z.array(IntakeProblemSchema),
});

/** Whom a step of the chain tells: the on-duty people or role holders of an org found from the alert's owner. */
export const ChainTargetSchema = z
  .object({
    who: z.enum(['on_duty', 'roles']),
    /**
     * owner: the alert's org; owner_commune: its commune or ward; commune_police: the police org of that commune;
     * province: its province; province_police: the province's police (Công an tỉnh); org: a fixed org (the PA05 duty desk)
     */
    org: z.enum(['owner', 'owner_commune', 'commune_police', 'province', 'province_police', 'org']),
    orgId: IdSchema.optional(),
    roles: z.array(RoleSchema).max(7).optional(),
  })
  .strict();
export const ChainStepSchema = z
  .object({ afterMinutes: z.number().int().min(0).max(10_080), label: text(200), targets: z.array(ChainTargetSchema).min(1).max(5) })
  .strict();
const PerSeverity = z
  .object({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int() })
  .strict();
export const AlertPolicySchema = z.object({
  orgId: IdSchema,
  /** minutes to acknowledge, per severity (0: no deadline) */
  ackMinutes: PerSeverity,
  /** an acknowledged alert left open is raised again after this many minutes (0: never) */
  reraiseMinutes: PerSeverity,
  /** step 0 is told at once; step n (n ≥ 1) `afterMinutes` after the acknowledgement deadline */
  chain: z.array(ChainStepSchema).min(1).max(10),
  version: z.number().int(),
});
export type AlertPolicy = z.infer<typeof AlertPolicySchema>;
export const AlertPolicyBodySchema = AlertPolicySchema.omit({ orgId: true, version: true })
  .extend({ version: z.number().int().min(0) })
  .strict();

export const AlertChannelSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  name: z.string(),
  url: z.string(),
  minSeverity: AlertSeveritySchema,
  perMinute: z.number().int(),
  enabled: z.boolean(),
  lastDeliveredAt: TimestampSchema.nullable(),
  lastError: z.string().nullable(),
  pending: z.number().int(),
});
export type AlertChannel = z.infer<typeof AlertChannelSchema>;
export const AlertChannelBodySchema = z
  .object({
    orgId: IdSchema,
    name: text(200).min(1),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    minSeverity: AlertSeveritySchema.default('high'),
    perMinute: z.number().int().min(1).max(600).default(30),
    enabled: z.boolean().default(true),
  })
  .strict();
/** The signing secret is shown once, at creation. */
export const CreatedAlertChannelSchema = z.object({ channel: AlertChannelSchema, secret: z.string() });
