import type { TaskStatus } from '@khien/contracts';

/**
 * The assignment page's pure parts: the officer edits several tasks and saves them in one request;
 * a submission waits until every task is reported (the server refuses otherwise) and asks again when
 * some are reported as not done.
 */

export interface TaskLike {
  id: string;
  text: string;
  status: TaskStatus;
  report: string;
  naReason: string | null;
}

/** What the officer is editing on one task. */
export interface TaskDraft {
  status: TaskStatus;
  report: string;
  reason: string;
}

/** The statuses the owing org sets; "risk accepted" is the issuer's decision, shown but never offered. */
export const OWNER_TASK_STATUSES = ['not_started', 'in_progress', 'done', 'not_done', 'not_applicable'] as const satisfies readonly TaskStatus[];

export function ownerStatusChoices(current: TaskStatus): TaskStatus[] {
  return (OWNER_TASK_STATUSES as readonly TaskStatus[]).includes(current) ? [...OWNER_TASK_STATUSES] : [...OWNER_TASK_STATUSES, current];
}

/** "Not done" and "not applicable" are reports only with their reason. */
export function needsReason(status: TaskStatus): boolean {
  return status === 'not_done' || status === 'not_applicable';
}

export function draftOf(task: TaskLike): TaskDraft {
  return { status: task.status, report: task.report, reason: task.naReason ?? '' };
}

export function isDirty(task: TaskLike, draft: TaskDraft | undefined): boolean {
  if (!draft) return false;
  const base = draftOf(task);
  return (
    draft.status !== base.status || draft.report.trim() !== base.report.trim() || (needsReason(draft.status) && draft.reason.trim() !== base.reason.trim())
  );
}

export function reasonMissing(draft: TaskDraft): boolean {
  return needsReason(draft.status) && !draft.reason.trim();
}

export interface TaskChange {
  taskId: string;
  status: TaskStatus;
  report: string;
  naReason: string | null;
}

/** The tasks whose drafts differ from what is saved, as the batch request's body, in page order. */
export function changedTasks(tasks: readonly TaskLike[], drafts: Readonly<Record<string, TaskDraft>>): TaskChange[] {
  return tasks.flatMap((task) => {
    const d = drafts[task.id];
    if (!d || !isDirty(task, d)) return [];
    return [{ taskId: task.id, status: d.status, report: d.report.trim(), naReason: needsReason(d.status) ? d.reason.trim() : null }];
  });
}

/** Drafts still unsaved after the saved tasks came back (what the server now holds is the new base). */
export function remainingDrafts(tasks: readonly TaskLike[], drafts: Readonly<Record<string, TaskDraft>>): Record<string, TaskDraft> {
  const out: Record<string, TaskDraft> = {};
  for (const task of tasks) {
    const d = drafts[task.id];
    if (d && isDirty(task, d)) out[task.id] = d;
  }
  return out;
}

/** Reported: done, or not done / not applicable with its reason (the issuer's "risk accepted" too). */
export function isReported(status: TaskStatus): boolean {
  return status === 'done' || status === 'not_done' || status === 'not_applicable' || status === 'risk_accepted';
}

export interface SubmitCheck<T> {
  /** still not started or in progress: the server refuses the submission */
  unreported: { task: T; position: number }[];
  /** reported as not done: submitted only once the officer confirms */
  notDone: { task: T; position: number }[];
}

export function submitCheck<T extends Pick<TaskLike, 'status'>>(tasks: readonly T[]): SubmitCheck<T> {
  const at = tasks.map((task, i) => ({ task, position: i + 1 }));
  return { unreported: at.filter((x) => !isReported(x.task.status)), notDone: at.filter((x) => x.task.status === 'not_done') };
}

/** The task ids a refused submission names (the server's details: `{ key, text }` per open check). */
export function refusedTaskIds(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) => (d && typeof d === 'object' && typeof (d as { key?: unknown }).key === 'string' ? [(d as { key: string }).key] : []));
}
