import { countdown, type Countdown } from '../../lib/countdown';
import type { IncidentCategory, IncidentDetail, IncidentEvent, IncidentReportKind, IncidentSeverity, IncidentStatus, IndicatorType } from '@khien/contracts';
import type * as Contracts from '@khien/contracts';

/**
 * The incidents feature's pure logic: the enums mirrored without zod, the list's filters in the URL,
 * deadline words, timeline events as sentences, indicators typed one per line, Vietnam's date and
 * time parts of a timestamp.
 */

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export type IncidentAction = IncidentDetail['actions'][number];
export type ListStatus = (typeof Contracts.IncidentListQuerySchema)['_output']['status'];
export type ReportStatus = (typeof Contracts.INCIDENT_REPORT_STATUSES)[number];
export type PatchStatus = NonNullable<(typeof Contracts.IncidentPatchSchema)['_output']['status']>;

// Mirrors of the contract's lists, so zod stays out of the phone bundle (see lib/enums.ts); incident-model.test.ts compares them.
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const satisfies readonly IncidentSeverity[];
export const CATEGORIES = [
  'malware',
  'intrusion',
  'defacement',
  'data_leak',
  'ddos',
  'account_takeover',
  'phishing',
  'fraud',
  'ransomware',
  'vulnerability_exploit',
  'service_outage',
  'other',
] as const satisfies readonly IncidentCategory[];
export const STATUSES = ['open', 'contained', 'recovered', 'closure_review', 'closed', 'merged'] as const satisfies readonly IncidentStatus[];
export const LIST_STATUSES = ['active', 'open', 'contained', 'recovered', 'closure_review', 'closed', 'all'] as const satisfies readonly ListStatus[];
export const PATCH_STATUSES = ['open', 'contained', 'recovered'] as const satisfies readonly PatchStatus[];
export const INDICATOR_TYPES = [
  'ipv4',
  'ipv6',
  'cidr',
  'domain',
  'url',
  'email',
  'md5',
  'sha1',
  'sha256',
  'file_name',
] as const satisfies readonly IndicatorType[];
export const REPORT_KINDS = ['initial', 'full', 'five_day', 'personal_data', 'closure'] as const satisfies readonly IncidentReportKind[];
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const satisfies readonly ReportStatus[];
/** In the order the buttons are offered: the case's forward moves first, then the province's. */
export const INCIDENT_ACTIONS = [
  'status',
  'note',
  'edit',
  'close',
  'review_closure',
  'reopen',
  'take_over',
  'merge',
  'invite',
  'task',
  'indicator',
  'evidence',
  'report',
] as const satisfies readonly IncidentAction[];

export const INCIDENT_ENUMS_ARE_EXHAUSTIVE: [
  Exhaustive<IncidentSeverity, (typeof SEVERITIES)[number]>,
  Exhaustive<IncidentCategory, (typeof CATEGORIES)[number]>,
  Exhaustive<IncidentStatus, (typeof STATUSES)[number]>,
  Exhaustive<ListStatus, (typeof LIST_STATUSES)[number]>,
  Exhaustive<PatchStatus, (typeof PATCH_STATUSES)[number]>,
  Exhaustive<IndicatorType, (typeof INDICATOR_TYPES)[number]>,
  Exhaustive<IncidentReportKind, (typeof REPORT_KINDS)[number]>,
  Exhaustive<ReportStatus, (typeof REPORT_STATUSES)[number]>,
  Exhaustive<IncidentAction, (typeof INCIDENT_ACTIONS)[number]>,
] = [true, true, true, true, true, true, true, true, true];

/** The timeline's event kinds; each has a sentence `incidents.events.<kind>`. */
export const EVENT_KINDS = [
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
] as const satisfies readonly Contracts.IncidentEventKind[];

export const SEVERITY_COLORS: Record<IncidentSeverity, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'blue' };
export const STATUS_COLORS: Record<IncidentStatus, string> = {
  open: 'red',
  contained: 'orange',
  recovered: 'teal',
  closure_review: 'grape',
  closed: 'gray',
  merged: 'dark',
};
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = { draft: 'gray', submitted: 'blue', accepted: 'teal', returned: 'orange' };

export function orderActions(actions: readonly IncidentAction[]): IncidentAction[] {
  return [...new Set(actions)].sort((a, b) => INCIDENT_ACTIONS.indexOf(a) - INCIDENT_ACTIONS.indexOf(b));
}

/** The buttons of the action bar: the other actions live in their own sections (indicators, evidence, tasks, team, reports). */
const BAR_ACTIONS: ReadonlySet<IncidentAction> = new Set(['status', 'note', 'edit', 'close', 'review_closure', 'reopen', 'take_over', 'merge']);
export function barActions(actions: readonly IncidentAction[]): IncidentAction[] {
  return orderActions(actions).filter((a) => BAR_ACTIONS.has(a));
}

// ---------------------------------------------------------------- the list's filters in the URL

export interface ListFilters {
  status: ListStatus;
  severity: IncidentSeverity | null;
  category: IncidentCategory | null;
  communeId: string | null;
  breached: boolean;
  personalData: boolean;
  q: string;
  offset: number;
}

const isOneOf = <T extends string>(list: readonly T[], v: string | null): v is T => v !== null && (list as readonly string[]).includes(v);
const ID = /^[0-9a-zA-Z_-]{1,64}$/;

export function filtersFromParams(params: URLSearchParams): ListFilters {
  const status = params.get('status');
  const severity = params.get('severity');
  const category = params.get('category');
  const commune = params.get('commune');
  const offset = Number(params.get('offset') ?? 0);
  return {
    status: isOneOf(LIST_STATUSES, status) ? status : 'active',
    severity: isOneOf(SEVERITIES, severity) ? severity : null,
    category: isOneOf(CATEGORIES, category) ? category : null,
    communeId: commune && ID.test(commune) ? commune : null,
    breached: params.get('breached') === '1',
    personalData: params.get('personalData') === '1',
    q: (params.get('q') ?? '').slice(0, 200),
    offset: Number.isInteger(offset) && offset > 0 && offset <= 1_000_000 ? offset : 0,
  };
}

/** The URL keeps only what differs from the defaults; changing a filter goes back to the first page. */
export function paramsFromFilters(f: ListFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.status !== 'active') out.status = f.status;
  if (f.severity) out.severity = f.severity;
  if (f.category) out.category = f.category;
  if (f.communeId) out.commune = f.communeId;
  if (f.breached) out.breached = '1';
  if (f.personalData) out.personalData = '1';
  if (f.q.trim()) out.q = f.q.trim();
  if (f.offset > 0) out.offset = String(f.offset);
  return out;
}

export function listQuery(f: ListFilters, limit: number) {
  return {
    status: f.status,
    severity: f.severity ?? undefined,
    category: f.category ?? undefined,
    communeId: f.communeId ?? undefined,
    breached: f.breached ? ('1' as const) : undefined,
    personalData: f.personalData ? ('1' as const) : undefined,
    q: f.q.trim() || undefined,
    limit,
    offset: f.offset,
  };
}

// ---------------------------------------------------------------- deadline words

export type { Countdown };
export interface Words {
  key: string;
  params: Record<string, number | string>;
}

/** The time left, or how far past the deadline it is (lib/countdown). */
export function countdownWords(dueIso: string | null, now: number): Countdown | null {
  return countdown('incidents.countdown', dueIso, now);
}

// ---------------------------------------------------------------- timeline events

const EVENTS: ReadonlySet<string> = new Set(EVENT_KINDS);

/** What an event's params add to its sentence, each said in words where it is an enum value. */
export interface EventDetail {
  status?: IncidentStatus;
  reportKind?: IncidentReportKind;
  /** someone's words or a name: shown as written */
  text?: string;
}

export function eventWords(event: Pick<IncidentEvent, 'kind'>): Words {
  if (EVENTS.has(event.kind)) return { key: `incidents.events.${event.kind}`, params: {} };
  return { key: 'incidents.events.unknown', params: { kind: event.kind } };
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function eventDetail(event: Pick<IncidentEvent, 'params'>): EventDetail {
  const p = event.params ?? {};
  const out: EventDetail = {};
  const status = str(p.to) ?? str(p.status);
  if (status && isOneOf(STATUSES, status)) out.status = status;
  const kind = str(p.reportKind) ?? str(p.kind);
  if (kind && isOneOf(REPORT_KINDS, kind)) out.reportKind = kind;
  const text = str(p.code) ?? str(p.orgName) ?? str(p.value) ?? str(p.name) ?? str(p.title);
  if (text) out.text = text;
  return out;
}

// ---------------------------------------------------------------- indicators typed one per line

export interface IndicatorLine {
  value: string;
  /** 1-based line in the box, to point at a refused value */
  line: number;
}

/** One value per line; blank lines skipped, the same value once (the first line keeps it). */
export function parseIndicatorLines(text: string, max = 500): IndicatorLine[] {
  const seen = new Set<string>();
  const out: IndicatorLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const value = raw.trim();
    if (!value || seen.has(value) || out.length >= max) return;
    seen.add(value);
    out.push({ value: value.slice(0, 2000), line: i + 1 });
  });
  return out;
}

/**
 * The server's 422 names refused values by position (`indicators.3.value`): mapped back to what the
 * person typed, with its line, so the message says which line to fix.
 */
export function refusedIndicators(fieldErrors: Record<string, string>, lines: readonly IndicatorLine[]): (IndicatorLine & { message: string })[] {
  const out: (IndicatorLine & { message: string })[] = [];
  for (const [path, message] of Object.entries(fieldErrors)) {
    const m = /^indicators\.(\d+)(?:\.|$)/.exec(path);
    const hit = m ? lines[Number(m[1])] : undefined;
    if (hit && !out.some((o) => o.line === hit.line)) out.push({ ...hit, message });
  }
  return out.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------- dates and times in Vietnam

const vnParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A timestamp's calendar day (YYYY-MM-DD) and time (HH:mm) in Vietnam, for a date field and a time field. */
export function splitVn(value: string | number | Date | null | undefined): { date: string; time: string } {
  if (value === null || value === undefined || value === '') return { date: '', time: '' };
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  const p: Record<string, string> = {};
  for (const part of vnParts.formatToParts(d)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Back to an ISO timestamp with Vietnam's offset (no daylight saving there); null when either part is missing or wrong. */
export function joinVn(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  const iso = `${date}T${String(h).padStart(2, '0')}:${m[2]}:00+07:00`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

// ---------------------------------------------------------------- errors

const codeOf = (error: unknown) => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);
const reasonOf = (error: unknown) => (typeof error === 'object' && error !== null ? (error as { reason?: unknown }).reason : undefined);

/** A 409: someone else changed the case since it was read, or the case is closed. */
export function isConflict(error: unknown): boolean {
  return codeOf(error) === 'CONFLICT';
}

export function hasReason(error: unknown, reason: string): boolean {
  return reasonOf(error) === reason;
}

/** The list's own error bodies carry the status: 413 means the file was refused whole. */
export function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 413;
}

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
