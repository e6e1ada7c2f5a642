import type { Answers, AnswerValue, Level, Localized, Mark, PackQuestion, RegulationPackLike } from './types.js';

export interface LevelReason {
  questionId: string;
  /** the option chosen (single, multi, boolean 'yes'/'no'); absent for number thresholds */
  optionId?: string;
  minLevel: Level;
  text: Localized;
  mark: Mark;
}

export interface LevelProposal {
  level: Level;
  /** every answer that set a floor, in question order */
  reasons: LevelReason[];
  /** ids of the questions that apply and have no answer */
  unanswered: string[];
  /** the best-verified mark among the reasons that set the level; the level-1 mark when none did */
  mark: Mark;
}

export interface ProposeOptions {
  /** the system's category: questions with `appliesTo` not naming it are skipped */
  category?: string | undefined;
}

export type AnswerProblemCode = 'unknown_question' | 'wrong_kind' | 'unknown_option' | 'out_of_range';

export interface AnswerProblem {
  questionId: string;
  optionId?: string;
  code: AnswerProblemCode;
  message: Localized;
}

const MARK_STRENGTH: Record<Mark, number> = { V: 2, R: 1, '?': 0 };

/** Whether a question is asked for a system of this category (no category: every question). */
export function questionApplies(question: PackQuestion, category?: string): boolean {
  return category === undefined || question.appliesTo === undefined || question.appliesTo.includes(category);
}

/** The questions to ask for a system of this category, in pack order. */
export function questionsFor<Q extends PackQuestion>(pack: { criteria: { questions: readonly Q[] } }, category?: string): Q[] {
  return pack.criteria.questions.filter((q) => questionApplies(q, category));
}

function toLevel(n: number): Level {
  return Math.min(5, Math.max(1, Math.trunc(n))) as Level;
}

function isAnswered(value: AnswerValue | null | undefined): value is AnswerValue {
  return value !== undefined && value !== null;
}

/** The floors one answer sets; answers of the wrong shape set none (validateAnswers reports them). */
function reasonsFor(q: PackQuestion, value: AnswerValue): LevelReason[] {
  const reasons: LevelReason[] = [];
  const fromOption = (optionId: string) => {
    const o = q.options?.find((x) => x.id === optionId);
    if (o?.minLevel !== undefined) reasons.push({ questionId: q.id, optionId: o.id, minLevel: toLevel(o.minLevel), text: o.text, mark: o.mark });
  };
  switch (q.kind) {
    case 'single':
      if (typeof value === 'string') fromOption(value);
      break;
    case 'multi':
      if (Array.isArray(value)) for (const id of new Set<string>(value as readonly string[])) fromOption(id);
      break;
    case 'boolean':
      if (typeof value === 'boolean') fromOption(value ? 'yes' : 'no');
      break;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) {
        for (const t of q.thresholds ?? []) {
          if ((t.gte === undefined || value >= t.gte) && (t.lt === undefined || value < t.lt)) {
            reasons.push({ questionId: q.id, minLevel: toLevel(t.minLevel), text: t.text, mark: t.mark });
          }
        }
      }
      break;
  }
  return reasons;
}

/**
 * Proposes a security level: the highest floor any answer sets, at least 1. Adding an answer can only
 * raise the level, never lower it (criteria are "at least" rules in both decrees). The proposal is a
 * proposal: the owner's dossier justifies the level and the appraiser decides.
 */
export function proposeLevel(pack: RegulationPackLike, answers: Answers, options: ProposeOptions = {}): LevelProposal {
  const reasons: LevelReason[] = [];
  const unanswered: string[] = [];
  for (const q of questionsFor(pack, options.category)) {
    const value = answers[q.id];
    if (!isAnswered(value)) {
      unanswered.push(q.id);
      continue;
    }
    reasons.push(...reasonsFor(q, value));
  }
  const level = toLevel(Math.max(1, ...reasons.map((r) => r.minLevel)));
  const decisive = reasons.filter((r) => r.minLevel === level);
  const levelOneMark = pack.levels.find((l) => l.level === 1)?.mark ?? '?';
  const mark = decisive.length === 0 ? levelOneMark : decisive.reduce<Mark>((best, r) => (MARK_STRENGTH[r.mark] > MARK_STRENGTH[best] ? r.mark : best), '?');
  return { level, reasons, unanswered, mark };
}

/** What is wrong with a set of answers, in a form the wizard can show next to the question. */
export function validateAnswers(pack: RegulationPackLike, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(pack.criteria.questions.map((q) => [q.id, q]));
  for (const [questionId, value] of Object.entries(answers)) {
    if (!isAnswered(value)) continue;
    const q = byId.get(questionId);
    if (!q) {
      problems.push({
        questionId,
        code: 'unknown_question',
        message: { vi: `Không có câu hỏi "${questionId}" trong gói quy định`, en: `No question "${questionId}" in the pack` },
      });
      continue;
    }
    const expected = {
      single: 'một lựa chọn / one option id',
      multi: 'danh sách lựa chọn / a list of option ids',
      boolean: 'có/không / true or false',
      number: 'một số / a number',
    }[q.kind];
    const wrongKind = () =>
      problems.push({
        questionId,
        code: 'wrong_kind',
        message: { vi: `Câu "${questionId}" cần ${expected.split(' / ')[0]}`, en: `"${questionId}" needs ${expected.split(' / ')[1]}` },
      });
    const checkOption = (optionId: string) => {
      if (!(q.options ?? []).some((o) => o.id === optionId)) {
        problems.push({
          questionId,
          optionId,
          code: 'unknown_option',
          message: { vi: `Câu "${questionId}" không có lựa chọn "${optionId}"`, en: `"${questionId}" has no option "${optionId}"` },
        });
      }
    };
    switch (q.kind) {
      case 'single':
        if (typeof value === 'string') checkOption(value);
        else wrongKind();
        break;
      case 'multi':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) (value as readonly string[]).forEach(checkOption);
        else wrongKind();
        break;
      case 'boolean':
        if (typeof value !== 'boolean') wrongKind();
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) wrongKind();
        else if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
          const range = `${q.min ?? '−∞'}–${q.max ?? '∞'}`;
          problems.push({
            questionId,
            code: 'out_of_range',
            message: { vi: `Câu "${questionId}": giá trị ngoài khoảng ${range}`, en: `"${questionId}": value outside ${range}` },
          });
        }
        break;
    }
  }
  return problems;
}
