import type { FromUnitsTask, TaskStatus } from '@khien/contracts';
import { draftOf, needsReason, OWNER_TASK_STATUSES, type TaskDraft, type TaskLike } from './assignment-model';

/**
 * "Điền từ báo cáo của đơn vị": the relaying org's report on a task, filled from what its own units
 * answered (GET …/from-units). Only the page's drafts change — the officer reads, edits and saves
 * them with the save bar; nothing is sent from here. What the officer already wrote or chose stays.
 */

export type UnitsSuggestion = Pick<FromUnitsTask, 'units' | 'suggestedReport' | 'suggestedStatus' | 'answers'>;

const OWNER: ReadonlySet<TaskStatus> = new Set(OWNER_TASK_STATUSES);

/** The suggestion joins the officer's text, never replaces it; a second fill adds nothing. */
export function mergeReport(current: string, suggestion: string): string {
  const s = suggestion.trim();
  if (!s) return current;
  if (!current.trim()) return s;
  if (current.includes(s)) return current;
  return `${current.trimEnd()}\n\n${s}`;
}

/** The units' own reasons for a status that asks one ("Trường A: lý do; Trường B: lý do"). */
export function unitReasons(answers: UnitsSuggestion['answers'], status: TaskStatus): string {
  return answers
    .filter((a) => a.status === status && a.reason?.trim())
    .map((a) => `${a.orgName}: ${a.reason!.trim()}`)
    .join('; ');
}

/**
 * One task's draft after the fill: the report merged; the suggested status only while the officer
 * has not set one (still "not started", saved and edited), and a reason for it from the units' when
 * it asks one and none is written.
 */
export function fillFromUnits(task: TaskLike, draft: TaskDraft | undefined, s: UnitsSuggestion): TaskDraft {
  const current = draft ?? draftOf(task);
  if (s.units === 0) return current;
  const unset = current.status === 'not_started';
  const status = unset && OWNER.has(s.suggestedStatus) ? s.suggestedStatus : current.status;
  const reason = needsReason(status) && !current.reason.trim() ? unitReasons(s.answers, status) : current.reason;
  return { status, report: mergeReport(current.report, s.suggestedReport), reason };
}

export interface FillResult {
  drafts: Record<string, TaskDraft>;
  /** tasks whose draft the fill changed */
  filled: string[];
}

/** Every task named (all of them when `only` is absent) filled from its units; the other drafts untouched. */
export function fillTasks<T extends TaskLike & { taskId: string }>(
  tasks: readonly T[],
  drafts: Readonly<Record<string, TaskDraft>>,
  fromUnits: readonly FromUnitsTask[],
  only?: string,
): FillResult {
  const byTask = new Map(fromUnits.map((f) => [f.taskId, f]));
  const out: Record<string, TaskDraft> = { ...drafts };
  const filled: string[] = [];
  for (const task of tasks) {
    if (only !== undefined && task.taskId !== only) continue;
    const s = byTask.get(task.taskId);
    if (!s || s.units === 0) continue;
    const before = drafts[task.id] ?? draftOf(task);
    const next = fillFromUnits(task, drafts[task.id], s);
    if (next.status === before.status && next.report === before.report && next.reason === before.reason) continue;
    out[task.id] = next;
    filled.push(task.id);
  }
  return { drafts: out, filled };
}

/** At least one relay was issued: the units' answers are there to report from. */
export function hasIssuedRelay(relays: readonly { status: string }[]): boolean {
  return relays.some((r) => r.status !== 'draft');
}
