import { countdown, type Countdown } from '../../lib/countdown';
import type { AlertEvent, AlertSeverityValue, AlertStatus, Me, Role } from '@khien/contracts';
import type * as Contracts from '@khien/contracts';

/**
 * The alerts feature's pure logic: the enums mirrored without zod, the queue's filters in the URL,
 * deadline and age words, how a route reason and a timeline event become a sentence's key and params.
 */

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export type AlertFormat = (typeof Contracts.ALERT_FORMATS)[number];
export type RouteBasis = (typeof Contracts.ROUTE_BASES)[number];
/** the moves made on the alert itself; promotion opens an incident (features/incidents) */
export type AlertAction = Contracts.AlertActionBody['action'];
export type ListStatus = (typeof Contracts.AlertListQuerySchema)['_output']['status'];

// Mirrors of the contract's lists, so zod stays out of the phone bundle (see lib/enums.ts); alert-model.test.ts compares them.
export const ALERT_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const satisfies readonly AlertSeverityValue[];
export const ALERT_STATUSES = ['new', 'acknowledged', 'resolved', 'promoted'] as const satisfies readonly AlertStatus[];
export const ALERT_FORMATS = [
  'generic',
  'wazuh',
  'wazuh_shuffle',
  'wazuh5',
  'alertmanager',
  'grafana',
  'suricata',
  'syslog',
] as const satisfies readonly AlertFormat[];
export const ROUTE_BASES = ['rule', 'agent', 'hostname', 'asset_ip', 'ip_range', 'fallback'] as const satisfies readonly RouteBasis[];
/** In the order the buttons are offered: the forward move first. Promotion to an incident comes with issue 15. */
export const ALERT_ACTIONS = ['acknowledge', 'note', 'resolve', 'reopen'] as const satisfies readonly AlertAction[];
export const LIST_STATUSES = ['open', 'new', 'acknowledged', 'resolved', 'promoted', 'all'] as const satisfies readonly ListStatus[];

export const ALERT_ENUMS_ARE_EXHAUSTIVE: [
  Exhaustive<AlertSeverityValue, (typeof ALERT_SEVERITIES)[number]>,
  Exhaustive<AlertStatus, (typeof ALERT_STATUSES)[number]>,
  Exhaustive<AlertFormat, (typeof ALERT_FORMATS)[number]>,
  Exhaustive<RouteBasis, (typeof ROUTE_BASES)[number]>,
  Exhaustive<AlertAction, (typeof ALERT_ACTIONS)[number]>,
  Exhaustive<ListStatus, (typeof LIST_STATUSES)[number]>,
] = [true, true, true, true, true, true];

/** The route reasons the server writes (`route[].code`); each has a sentence `alerts.route.<code>` in both languages. */
export const ROUTE_REASON_CODES = [
  'rule_matched',
  'severity_set',
  'agent',
  'hostname',
  'asset_ip',
  'ip_range',
  'ambiguous_host',
  'ambiguous_agent',
  'ambiguous_asset_ip',
  'ambiguous_ip_range',
  'unknown_agent',
  'no_owner_found',
  'fallback_coordinator',
  'outside_sender_scope',
] as const;

/** The timeline's event kinds; each has a sentence `alerts.events.<kind>`. */
export const EVENT_KINDS = [
  'received',
  'repeated',
  'routed',
  'notified',
  'escalated',
  'nobody_told',
  'acknowledged',
  'note',
  'resolved',
  'reopened',
  'reraised',
  'promoted',
  'delivered',
  'delivery_failed',
] as const;

export const SEVERITY_COLORS: Record<AlertSeverityValue, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'blue', info: 'gray' };
export const STATUS_COLORS: Record<AlertStatus, string> = { new: 'red', acknowledged: 'blue', resolved: 'teal', promoted: 'grape' };

export function actionStyle(action: AlertAction): { color: string; variant: 'filled' | 'light' | 'default' } {
  switch (action) {
    case 'acknowledge':
      return { color: 'blue', variant: 'filled' };
    case 'resolve':
      return { color: 'teal', variant: 'filled' };
    case 'note':
    case 'reopen':
      return { color: 'gray', variant: 'default' };
  }
}

export function orderActions(actions: readonly AlertAction[]): AlertAction[] {
  return [...new Set(actions)].sort((a, b) => ALERT_ACTIONS.indexOf(a) - ALERT_ACTIONS.indexOf(b));
}

// ---------------------------------------------------------------- who sees what

const COORDINATORS: ReadonlySet<Role> = new Set(['system_admin', 'province_coordinator', 'commune_coordinator']);
/**
 * The board is the coordinators' picture of their province or commune (and of whoever keeps the
 * routing). The menu (app/nav-items.ts) repeats the list rather than import this file on every
 * page; alert-model.test.ts keeps the two equal.
 */
export const BOARD_ROLES: readonly Role[] = ['system_admin', 'province_coordinator', 'commune_coordinator'];

/**
 * The queue opens on "mine" for the people who answer alerts (duty, unit and telecom officers),
 * on the whole subtree for coordinators and readers, who watch rather than answer.
 */
export function defaultMine(me: Pick<Me, 'grants'>): boolean {
  const roles = me.grants.map((g) => g.role);
  if (roles.some((r) => COORDINATORS.has(r))) return false;
  return roles.some((r) => r === 'duty_officer' || r === 'unit_officer' || r === 'telecom_contact');
}

export function canSeeBoard(me: Pick<Me, 'grants' | 'permissions'>): boolean {
  if (me.permissions.includes('alert:configure')) return true;
  return me.permissions.includes('alert:read') && me.grants.some((g) => BOARD_ROLES.includes(g.role));
}

// ---------------------------------------------------------------- the queue's filters in the URL

export interface QueueFilters {
  mine: boolean;
  status: ListStatus;
  severity: AlertSeverityValue | null;
  overdue: boolean;
  q: string;
}

const isOneOf = <T extends string>(list: readonly T[], v: string | null): v is T => v !== null && (list as readonly string[]).includes(v);

/** Absent `mine` means the person's default; the URL keeps only what differs from the defaults. */
export function queueFromParams(params: URLSearchParams, mineByDefault: boolean): QueueFilters {
  const mine = params.get('mine');
  const status = params.get('status');
  const severity = params.get('severity');
  return {
    mine: mine === '1' ? true : mine === '0' ? false : mineByDefault,
    status: isOneOf(LIST_STATUSES, status) ? status : 'open',
    severity: isOneOf(ALERT_SEVERITIES, severity) ? severity : null,
    overdue: params.get('overdue') === '1',
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

export function paramsFromQueue(f: QueueFilters, mineByDefault: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.mine !== mineByDefault) out.mine = f.mine ? '1' : '0';
  if (f.status !== 'open') out.status = f.status;
  if (f.severity) out.severity = f.severity;
  if (f.overdue) out.overdue = '1';
  if (f.q.trim()) out.q = f.q.trim();
  return out;
}

export function listQuery(f: QueueFilters, limit: number, offset: number) {
  return {
    status: f.status,
    severity: f.severity ?? undefined,
    mine: f.mine ? ('1' as const) : undefined,
    overdue: f.overdue ? ('1' as const) : undefined,
    q: f.q.trim() || undefined,
    limit,
    offset,
  };
}

// ---------------------------------------------------------------- time words

export type { Countdown };
export interface Words {
  key: string;
  params: Record<string, number | string>;
}

const MINUTE = 60_000;

/** "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước": how long ago the centre sent it. */
export function agoWords(iso: string, now: number): Words {
  const minutes = Math.floor((now - new Date(iso).getTime()) / MINUTE);
  if (minutes < 1) return { key: 'alerts.ago.justNow', params: {} };
  if (minutes < 60) return { key: 'alerts.ago.minutes', params: { n: minutes } };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { key: 'alerts.ago.hours', params: { n: hours } };
  return { key: 'alerts.ago.days', params: { n: Math.floor(hours / 24) } };
}

/** The time left, or how far past the deadline it is (lib/countdown). */
export function countdownWords(dueIso: string | null, now: number): Countdown | null {
  return countdown('alerts.countdown', dueIso, now);
}

/** "14:05:09" in Vietnam's time, for "cập nhật lúc …". */
export function clockVn(value: string | number | Date): string {
  const date = new Date(value);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(
    date,
  );
}

// ---------------------------------------------------------------- reasons and events in words

const REASONS: ReadonlySet<string> = new Set(ROUTE_REASON_CODES);
const EVENTS: ReadonlySet<string> = new Set(EVENT_KINDS);

/** A route reason's sentence; a code this web does not know yet still says something, with the code. */
export function routeWords(reason: { code: string; params: Record<string, string> }, severityWord: (s: AlertSeverityValue) => string = (s) => s): Words {
  const params: Record<string, string> = { ...reason.params };
  // a rule that sets the severity names it by its code: said in words like everywhere else
  const sev = params.severity;
  if (sev && (ALERT_SEVERITIES as readonly string[]).includes(sev)) params.severity = severityWord(sev as AlertSeverityValue);
  if (REASONS.has(reason.code)) return { key: `alerts.route.${reason.code}`, params };
  return { key: 'alerts.route.unknown', params: { ...params, code: reason.code } };
}

type EventParams = NonNullable<AlertEvent['params']>;

function scalarParams(params: EventParams | null): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/**
 * A timeline event's sentence. `step` is the chain's 0-based index (like `escalationStep`), shown
 * as the step's number counted from 1, the way the chain editor numbers them; a step's label is
 * optional in the policy, so it comes with its own separator or not at all.
 */
export function eventWords(event: Pick<AlertEvent, 'kind' | 'params'>): Words {
  const params = scalarParams(event.params);
  if (typeof params.step === 'number') params.step = params.step + 1;
  else if (typeof params.step === 'string' && /^\d+$/.test(params.step)) params.step = Number(params.step) + 1;
  if ('label' in params || params.step !== undefined) params.label = params.label ? ` – ${params.label}` : '';
  if (EVENTS.has(event.kind)) return { key: `alerts.events.${event.kind}`, params };
  return { key: 'alerts.events.unknown', params: { ...params, kind: event.kind } };
}

/** A 409 from an action: someone else acted on the alert since it was read. */
export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'CONFLICT';
}

/** The raw body, indented when it is JSON (it usually is), as sent otherwise. */
export function prettyRaw(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
