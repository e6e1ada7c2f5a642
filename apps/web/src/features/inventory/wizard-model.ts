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
