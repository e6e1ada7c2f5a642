import type { WorkCheck, WorkOverview, WorkStatusValue, WorkSummary } from '@khien/contracts';
import type * as Contracts from '@khien/contracts';
import { ASSIGNMENT_STATUSES } from '../../lib/enums';
import { todayVn } from '../../lib/format-date';

/**
 * The work feature's pure logic: what the pages decide without React (due-date words, filters in the
 * URL, check groups, which moves need a reason, what a submit leaves undone, overview order and tone).
 */

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export type WorkAction = (typeof Contracts.WORK_ACTIONS)[number];
export type CheckStatus = (typeof Contracts.CHECK_STATUSES)[number];
export type TodoState = (typeof Contracts.TodoStateSchema)['_output'];
export type OverviewRow = WorkOverview['rows'][number];

// Mirrors of the contract's lists, so zod stays out of the phone bundle (see lib/enums.ts); work-model.test.ts compares them.
// a directive's assignment is a work item: the same statuses (lib/enums.ts, checked against the contract there)
export const WORK_STATUSES = ASSIGNMENT_STATUSES;
export const WORK_ACTIONS = [
  'acknowledge',
  'start',
  'submit',
  'return',
  'accept',
  'not_applicable',
  'accept_risk',
  'reopen',
] as const satisfies readonly WorkAction[];
export const CHECK_STATUSES = ['not_started', 'in_progress', 'done', 'not_done', 'not_applicable', 'risk_accepted'] as const satisfies readonly CheckStatus[];
export const TODO_STATES = ['open', 'overdue', 'submitted', 'closed', 'all'] as const satisfies readonly TodoState[];

export const WORK_ENUMS_ARE_EXHAUSTIVE: [
  Exhaustive<WorkStatusValue, (typeof WORK_STATUSES)[number]>,
  Exhaustive<WorkAction, (typeof WORK_ACTIONS)[number]>,
  Exhaustive<CheckStatus, (typeof CHECK_STATUSES)[number]>,
  Exhaustive<TodoState, (typeof TODO_STATES)[number]>,
] = [true, true, true, true];

/** Kinds the web knows by name, in the order their chips and columns appear; a new source's kind follows them. */
export const KNOWN_KINDS = ['directive', 'system'] as const;

/** The server refuses larger evidence with 413; checked here too so a phone does not send 25 MB for nothing. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

// ---------------------------------------------------------------- statuses and moves

const OPEN: ReadonlySet<WorkStatusValue> = new Set(['pending', 'acknowledged', 'in_progress', 'returned']);
const CLOSED: ReadonlySet<WorkStatusValue> = new Set(['accepted', 'not_applicable', 'risk_accepted']);

/** The owing org's move: pending, acknowledged, in progress, returned (the contract's 'open'). */
export function isOpenStatus(status: WorkStatusValue): boolean {
  return OPEN.has(status);
}

export function isClosedStatus(status: WorkStatusValue): boolean {
  return CLOSED.has(status);
}

const REASON_ACTIONS: ReadonlySet<WorkAction> = new Set(['return', 'not_applicable', 'accept_risk', 'reopen']);

/** The server answers 400 without a reason for these. */
export function actionNeedsReason(action: WorkAction): boolean {
  return REASON_ACTIONS.has(action);
}

/** How an action button looks: the forward move filled, review moves coloured, setting aside subdued. */
export function actionStyle(action: WorkAction): { color: string; variant: 'filled' | 'light' | 'default' } {
  switch (action) {
    case 'acknowledge':
    case 'start':
      return { color: 'blue', variant: 'filled' };
    case 'submit':
    case 'accept':
      return { color: 'teal', variant: 'filled' };
    case 'return':
      return { color: 'red', variant: 'light' };
    case 'accept_risk':
      return { color: 'orange', variant: 'light' };
    case 'not_applicable':
    case 'reopen':
      return { color: 'gray', variant: 'default' };
  }
}

/** Actions in the order they are offered: the item's own forward move first, setting aside last. */
export function orderActions(actions: readonly WorkAction[]): WorkAction[] {
  const rank = (a: WorkAction) => WORK_ACTIONS.indexOf(a);
  return [...new Set(actions)].sort((a, b) => rank(a) - rank(b));
}

// ---------------------------------------------------------------- checks

const REASON_CHECKS: ReadonlySet<CheckStatus> = new Set(['not_done', 'not_applicable', 'risk_accepted']);
const SETTLED_CHECKS: ReadonlySet<CheckStatus> = new Set(['done', 'not_applicable', 'risk_accepted']);

export function checkNeedsReason(status: CheckStatus): boolean {
  return REASON_CHECKS.has(status);
}

/** Done, or set aside with a reason (not applicable, risk accepted). */
export function isCheckSettled(status: CheckStatus): boolean {
  return SETTLED_CHECKS.has(status);
}

/** What a submit would leave neither done nor set aside: listed in the confirmation, in page order. */
export function checksBlockingSubmit(checks: readonly WorkCheck[]): WorkCheck[] {
  return checks.filter((c) => !isCheckSettled(c.status));
}

export interface CheckGroup {
  /** null: checks outside any section or requirement group */
  group: string | null;
  checks: WorkCheck[];
}

/**
 * Checks by `group`, groups in the order they first appear and checks in the server's order within
 * each (a directive's task order, a pack's requirement order), so a group split by the source is
 * shown once.
 */
export function groupChecks(checks: readonly WorkCheck[]): CheckGroup[] {
  const groups = new Map<string | null, WorkCheck[]>();
  for (const c of checks) {
    const list = groups.get(c.group);
    if (list) list.push(c);
    else groups.set(c.group, [c]);
  }
  return [...groups].map(([group, list]) => ({ group, checks: list }));
}

/** The i18n key naming a check status in a kind's own words ("Đạt" for a requirement), else the shared word. */
export function checkWordKey(kind: string, status: CheckStatus, exists: (key: string) => boolean): string {
  const own = `work.checkWords.${kind}.${status}`;
  return exists(own) ? own : `work.checkStatus.${status}`;
}

export interface CheckDraft {
  status: CheckStatus;
  report: string;
  reason: string;
}

export function draftOf(check: WorkCheck): CheckDraft {
  return { status: check.status, report: check.report, reason: check.reason ?? '' };
}

export function isDraftDirty(check: WorkCheck, draft: CheckDraft): boolean {
  if (draft.status !== check.status || draft.report !== check.report) return true;
  return checkNeedsReason(draft.status) && draft.reason !== (check.reason ?? '');
}

/** The body of PUT …/checks/:key: trimmed, and a reason only where the status takes one. */
export function checkBody(draft: CheckDraft): { status: CheckStatus; report: string; reason: string | null } {
  return { status: draft.status, report: draft.report.trim(), reason: checkNeedsReason(draft.status) ? draft.reason.trim() : null };
}

export function draftReasonMissing(draft: CheckDraft): boolean {
  return checkNeedsReason(draft.status) && draft.reason.trim() === '';
}

// ---------------------------------------------------------------- due dates

export type DueWords =
  | { key: 'overdueDays'; days: number }
  | { key: 'overdueOneDay' }
  | { key: 'overdueToday' }
  | { key: 'dueToday' }
  | { key: 'dueTomorrow' }
  | { key: 'daysLeft'; days: number };

/** Days between two YYYY-MM-DD dates (b − a), by the calendar and not by 24-hour spans. */
function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * "quá hạn 3 ngày", "còn 2 ngày": calendar days in Vietnam (a deadline at 17:00 today is "hôm nay" all
 * day), past the deadline as soon as its instant has passed. null without a due date or once it no
 * longer matters (submitted, accepted or set aside: the owing org has nothing left to do in time).
 */
export function dueWords(dueAt: string | null, status: WorkStatusValue, now: Date): DueWords | null {
  if (!dueAt || !isOpenStatus(status)) return null;
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return null;
  const days = dayDiff(todayVn(now), todayVn(due));
  // one word per count instead of i18next plurals: Vietnamese has none, and the key checks stay literal
  if (due.getTime() <= now.getTime()) return days < -1 ? { key: 'overdueDays', days: -days } : days === -1 ? { key: 'overdueOneDay' } : { key: 'overdueToday' };
  if (days <= 0) return { key: 'dueToday' };
  if (days === 1) return { key: 'dueTomorrow' };
  return { key: 'daysLeft', days };
}

export function isDueWordsLate(words: DueWords | null): boolean {
  return words?.key === 'overdueDays' || words?.key === 'overdueOneDay' || words?.key === 'overdueToday';
}

// ---------------------------------------------------------------- the to-do list

/** "Văn phòng HĐND và UBND — Phường Hạc Thành": three communes' offices have the same name. */
export function orgLine(item: Pick<WorkSummary, 'orgName' | 'orgParentName'>): string {
  return item.orgParentName ? `${item.orgName} — ${item.orgParentName}` : item.orgName;
}

/**
 * The server's order (overdue first, then due date, no due date last), kept when pages are joined
 * on "load more": the ids already shown stay where they are and a repeated one is dropped (an item
 * that moved between two page requests).
 */
export function joinPages(pages: readonly (readonly WorkSummary[])[]): WorkSummary[] {
  const seen = new Set<string>();
  const out: WorkSummary[] = [];
  for (const page of pages)
    for (const item of page) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  return out;
}

/** The same order as the server's, for lists the web puts together itself. */
export function compareTodo(a: WorkSummary, b: WorkSummary): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt !== b.dueAt) {
    if (!a.dueAt) return 1;
    if (!b.dueAt) return -1;
    return Date.parse(a.dueAt) - Date.parse(b.dueAt);
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface TodoFilters {
  state: TodoState;
  kind: string | null;
  mine: boolean;
  orgId: string | null;
}

const KIND_RE = /^[a-z][a-z_]{1,39}$/;
const ID_RE = /^[0-9a-fA-F-]{1,64}$/;

/** The filters live in the URL, so "back" from an item returns to the same list; junk falls back to the defaults. */
export function filtersFromParams(params: URLSearchParams): TodoFilters {
  const state = params.get('state');
  const kind = params.get('kind');
  const orgId = params.get('orgId');
  return {
    state: (TODO_STATES as readonly string[]).includes(state ?? '') ? (state as TodoState) : 'open',
    kind: kind && KIND_RE.test(kind) ? kind : null,
    mine: params.get('mine') === 'true',
    orgId: orgId && ID_RE.test(orgId) ? orgId : null,
  };
}

/** /work/overview?orgId=&kind=: the same checks as the list's filters. */
export function overviewFromParams(params: URLSearchParams): { orgId?: string; kind?: string } {
  const { orgId, kind } = filtersFromParams(params);
  return { orgId: orgId ?? undefined, kind: kind ?? undefined };
}

export function paramsFromFilters(f: TodoFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.state !== 'open') p.set('state', f.state);
  if (f.kind) p.set('kind', f.kind);
  if (f.mine) p.set('mine', 'true');
  if (f.orgId) p.set('orgId', f.orgId);
  return p;
}

/** Known kinds first in their fixed order, then any other by name; the selected one stays even at zero. */
export function kindChips(
  kinds: readonly { kind: string; open: number; overdue: number }[],
  selected: string | null,
): { kind: string; open: number; overdue: number }[] {
  const list = [...kinds];
  if (selected && !list.some((k) => k.kind === selected)) list.push({ kind: selected, open: 0, overdue: 0 });
  const rank = (k: string) => {
    const i = (KNOWN_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? KNOWN_KINDS.length : i;
  };
  return list.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

// ---------------------------------------------------------------- the coordinator's overview

/** Most overdue first, then most open, then by name in Vietnamese order. */
export function sortOverviewRows(rows: readonly OverviewRow[]): OverviewRow[] {
  return [...rows].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.orgName.localeCompare(b.orgName, 'vi'));
}

/** Communes first, then the units under no commune (provincial agencies, telecoms) on their own: they are no commune. */
export function splitByCommune(rows: readonly OverviewRow[]): { inCommune: boolean; rows: OverviewRow[] }[] {
  const groups = [
    { inCommune: true, rows: rows.filter((r) => r.inCommune) },
    { inCommune: false, rows: rows.filter((r) => !r.inCommune) },
  ];
  return groups.filter((g) => g.rows.length > 0);
}

export type OverdueTone = 'none' | 'some' | 'most';

/** Red when anything is overdue; strong when at least half of what is open is overdue. `overdue` is part of `open`. */
export function overdueTone(row: Pick<OverviewRow, 'open' | 'overdue'>): OverdueTone {
  if (row.overdue <= 0) return 'none';
  return row.overdue * 2 >= Math.max(row.open, row.overdue) ? 'most' : 'some';
}

export function overviewTotals(rows: readonly OverviewRow[]): Pick<OverviewRow, 'open' | 'overdue' | 'submitted' | 'closed'> {
  return rows.reduce((t, r) => ({ open: t.open + r.open, overdue: t.overdue + r.overdue, submitted: t.submitted + r.submitted, closed: t.closed + r.closed }), {
    open: 0,
    overdue: 0,
    submitted: 0,
    closed: 0,
  });
}

export function kindCount(row: OverviewRow, kind: string): { open: number; overdue: number } {
  const k = row.byKind.find((x) => x.kind === kind);
  return { open: k?.open ?? 0, overdue: k?.overdue ?? 0 };
}

/** A commune row opens that commune's units; a unit row opens the unit's to-do list. */
export function drillTarget(by: WorkOverview['by'], row: Pick<OverviewRow, 'orgId'>, kind: string | null): string {
  const q = new URLSearchParams({ orgId: row.orgId });
  if (kind) q.set('kind', kind);
  return by === 'commune' ? `/work/overview?${q.toString()}` : `/work?${q.toString()}`;
}
