import type { Level, Localized, Mark, PackStep, RegulationPackLike } from './types.js';

/*
 * Date arithmetic on calendar dates ('YYYY-MM-DD'), done in UTC so that the server's time zone never
 * shifts a day. Working days are Monday to Friday. Public holidays (Tết, 30/4, 1/5, 2/9, Giỗ Tổ) and
 * compensatory working Saturdays are NOT modelled: a due date that crosses a holiday comes out early,
 * which errs on the safe side for the one who must act.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): Date {
  const m = ISO_DATE.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== date) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return d;
}

function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 36_500) throw new RangeError(`not a day count: ${n}`);
}

/** Whether a date is Monday–Friday (holidays not modelled). */
export function isWorkingDay(date: string): boolean {
  const day = parseDate(date).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The n-th working day after `date` (the day itself does not count, as "within n working days of
 * receipt" is read); n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: string, n: number): string {
  checkCount(n);
  const d = parseDate(date);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return formatDate(d);
}

export function addCalendarDays(date: string, n: number): string {
  checkCount(n);
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + n);
  return formatDate(d);
}

/** Adds months, clamping to the month's last day (31/1 + 1 month = 28 or 29/2). */
export function addMonths(date: string, n: number): string {
  checkCount(n);
  const d = parseDate(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return formatDate(target);
}

export interface StepDeadline {
  by: Localized;
  /** null: the pack states no time limit for this step at this level */
  dueOn: string | null;
  workingDays: number | null;
  calendarDays: number | null;
  /** the date the limit runs from */
  from: string | null;
  mark: Mark;
}

export interface DossierDeadlines {
  level: Level;
  /** an incomplete dossier must be returned by then */
  invalidReturn: { dueOn: string | null; workingDays: number | null; mark: Mark };
  appraisal: StepDeadline;
  approval: StepDeadline;
}

function stepDeadline(step: PackStep, from: string | null): StepDeadline {
  const workingDays = step.workingDays ?? null;
  const calendarDays = step.calendarDays ?? null;
  let dueOn: string | null = null;
  if (from !== null && workingDays !== null) dueOn = addWorkingDays(from, workingDays);
  else if (from !== null && calendarDays !== null) dueOn = addCalendarDays(from, calendarDays);
  return { by: step.by, dueOn, workingDays, calendarDays, from: dueOn === null ? null : from, mark: step.mark };
}

/**
 * Due dates of a level dossier submitted on `submittedOn`. Approval runs from `appraisedOn` when the
 * appraisal is done; before that, from the appraisal's due date (the latest the approval can be due if
 * the appraiser keeps to its limit).
 */
export function dossierDeadlines(pack: RegulationPackLike, level: number, submittedOn: string, opts: { appraisedOn?: string | null } = {}): DossierDeadlines {
  parseDate(submittedOn);
  const entry = pack.levels.find((l) => l.level === level);
  if (!entry) throw new RangeError(`pack ${pack.id} has no level ${level}`);
  const appraisal = stepDeadline(entry.appraisal, submittedOn);
  const approval = stepDeadline(entry.approval, opts.appraisedOn ?? appraisal.dueOn);
  const invalidDays = pack.dossier.invalidReturnWorkingDays ?? null;
  return {
    level: entry.level as Level,
    invalidReturn: {
      dueOn: invalidDays === null ? null : addWorkingDays(submittedOn, invalidDays),
      workingDays: invalidDays,
      mark: pack.dossier.invalidReturnMark ?? pack.dossier.mark,
    },
    appraisal,
    approval,
  };
}

/** When the level's periodic check and assessment falls due after approval; null if the pack states none. */
export function reassessDue(pack: RegulationPackLike, level: number, approvedOn: string): { dueOn: string; months: number; mark: Mark } | null {
  const entry = pack.levels.find((l) => l.level === level);
  const months = entry?.reassessMonths ?? null;
  if (!entry || months === null) return null;
  return { dueOn: addMonths(approvedOn, months), months, mark: entry.reassessMark ?? entry.mark };
}
