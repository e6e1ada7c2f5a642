import type { Classification, CriterionQuestion, LocalizedText, RegulationAnswers } from '@khien/contracts';

/**
 * The level wizard's pure parts: which questions to ask, which answers to send, and when a chosen level
 * may differ from the proposal. The proposal itself is computed by the server (POST …/classify with
 * preview: true) from the same pack file it validates and stores, so web and server never disagree.
 */

export type AnswerValue = RegulationAnswers[string];
export type Answers = RegulationAnswers;

/** Localised pack text in the UI language, Vietnamese when the other is missing. */
export function localized(text: LocalizedText | { vi: string; en: string }, language: string): string {
  return (language === 'en' ? text.en : text.vi) || text.vi;
}

/** The questions asked for a system of this category, in pack order (mirrors formats' questionsFor). */
export function questionsFor(questions: readonly CriterionQuestion[], category: string): CriterionQuestion[] {
  return questions.filter((q) => q.appliesTo === undefined || (q.appliesTo as readonly string[]).includes(category));
}

function validFor(q: CriterionQuestion, value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  const optionIds = new Set((q.options ?? []).map((o) => o.id));
  switch (q.kind) {
    case 'single':
      return typeof value === 'string' && optionIds.has(value);
    case 'multi':
      return Array.isArray(value) && value.length > 0 && value.every((v) => optionIds.has(v));
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (q.min === undefined || value >= q.min) && (q.max === undefined || value <= q.max);
  }
}

/**
 * Only answers to questions being asked, in the shape each kind takes. Switching the pack or the
 * category leaves stale answers in the form; they must not reach the server (it refuses unknown ids).
 */
export function cleanAnswers(questions: readonly CriterionQuestion[], answers: Answers): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (value !== undefined && validFor(q, value)) out[q.id] = value;
  }
  return out;
}

export function unansweredCount(questions: readonly CriterionQuestion[], answers: Answers): number {
  const clean = cleanAnswers(questions, answers);
  return questions.filter((q) => !(q.id in clean)).length;
}

/** The answers of the latest classification made with this pack, to start the wizard from. */
export function latestAnswers(history: readonly Classification[], packId: string): Answers {
  const latest = history
    .filter((c) => c.packId === packId)
    .sort((a, b) => (b.classifiedAt ?? '').localeCompare(a.classifiedAt ?? ''))
    .at(0);
  if (!latest) return {};
  const out: Answers = {};
  for (const [k, v] of Object.entries(latest.answers)) {
    if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
  }
  return out;
}

export type OverrideProblem = 'lower' | 'noteRequired' | null;

/** A person may raise the proposed level with a reason, never lower it (the server refuses that too). */
export function overrideProblem(proposed: number | null, chosen: number | null, note: string): OverrideProblem {
  if (proposed === null || chosen === null || chosen === proposed) return null;
  if (chosen < proposed) return 'lower';
  return note.trim() ? null : 'noteRequired';
}

/** The system record's fields an answer can come from (named on the pre-filled question). */
export type RecordField = 'personalDataSubjects' | 'userKinds' | 'dataKinds' | 'internetFacing';

export interface RecordLike {
  userKinds: readonly string[];
  dataKinds: readonly string[];
  personalDataSubjects: number | null;
  internetFacing: boolean;
}

const OUTSIDE_USERS = new Set(['citizens', 'businesses', 'other_agencies']);

/**
 * What the system's own record already answers, so the wizard starts from it instead of a blank
 * form: only what the record says outright, never a guess from a box left unticked.
 *
 * - personal data: the number of people whose data it holds (and, when that is 0, 0 sensitive);
 * - "internal use and public information only": no, when it serves citizens, businesses or other
 *   agencies, or holds anything but public information; yes, only when it serves staff alone, holds
 *   public information alone, holds no personal data and is not reachable from the internet.
 *   Being internet-facing alone answers nothing (a staff-only webmail is on the internet too).
 */
export function answersFromRecord(questions: readonly CriterionQuestion[], s: RecordLike): { answers: Answers; from: Record<string, RecordField[]> } {
  const asked = new Set(questions.map((q) => q.id));
  const answers: Answers = {};
  const from: Record<string, RecordField[]> = {};
  const put = (id: string, value: AnswerValue, fields: RecordField[]) => {
    if (!asked.has(id)) return;
    answers[id] = value;
    from[id] = fields;
  };
  if (s.personalDataSubjects !== null) {
    put('personal_data_subjects', s.personalDataSubjects, ['personalDataSubjects']);
    if (s.personalDataSubjects === 0) put('sensitive_data_subjects', 0, ['personalDataSubjects']);
  }
  const outsiders = s.userKinds.some((k) => OUTSIDE_USERS.has(k));
  const privateData = s.dataKinds.some((k) => k !== 'public');
  if (outsiders || privateData || (s.personalDataSubjects ?? 0) > 0) {
    const fields: RecordField[] = [
      ...(outsiders ? (['userKinds'] as const) : []),
      ...(privateData ? (['dataKinds'] as const) : []),
      ...(!outsiders && !privateData ? (['personalDataSubjects'] as const) : []),
    ];
    put('internal_public_only', false, fields);
  } else if (
    s.userKinds.length > 0 &&
    s.userKinds.every((k) => k === 'staff') &&
    s.dataKinds.length > 0 &&
    s.dataKinds.every((k) => k === 'public') &&
    !s.internetFacing
  ) {
    put('internal_public_only', true, ['userKinds', 'dataKinds', 'internetFacing']);
  }
  return { answers: cleanAnswers(questions, answers), from };
}

/** Where the wizard starts: the latest answers under this pack, and the record's for questions they leave open. */
export function startingAnswers(
  questions: readonly CriterionQuestion[],
  latest: Answers,
  record: RecordLike,
): { answers: Answers; prefilled: Record<string, RecordField[]> } {
  const fromRecord = answersFromRecord(questions, record);
  const kept = cleanAnswers(questions, latest);
  const prefilled: Record<string, RecordField[]> = {};
  for (const [id, fields] of Object.entries(fromRecord.from)) if (!(id in kept) && id in fromRecord.answers) prefilled[id] = fields;
  return { answers: { ...fromRecord.answers, ...kept }, prefilled };
}

/** A level is shown only once something is answered: with no answer there is nothing to propose from. */
export function hasAnyAnswer(answers: Answers): boolean {
  return Object.keys(answers).length > 0;
}
