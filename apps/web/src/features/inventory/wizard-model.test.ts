import type { Classification, CriterionQuestion } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import nd331 from '../../../../../regulations/packs/vn-nd331-2026.json';
import nd85 from '../../../../../regulations/packs/vn-nd85-2016.json';
import {
  answersFromRecord,
  cleanAnswers,
  hasAnyAnswer,
  latestAnswers,
  localized,
  overrideProblem,
  questionsFor,
  startingAnswers,
  unansweredCount,
  type RecordLike,
} from './wizard-model';

const t = (s: string) => ({ vi: s, en: s });
const QUESTIONS: CriterionQuestion[] = [
  {
    id: 'scope',
    text: t('Phạm vi'),
    kind: 'single',
    mark: 'V',
    options: [
      { id: 'internal', text: t('Nội bộ'), minLevel: 1, mark: 'V' },
      { id: 'province', text: t('Cấp tỉnh'), minLevel: 3, mark: 'V' },
    ],
  },
  {
    id: 'data',
    text: t('Dữ liệu'),
    kind: 'multi',
    mark: 'R',
    options: [
      { id: 'personal', text: t('Cá nhân'), minLevel: 2, mark: 'R' },
      { id: 'secret', text: t('Mật'), mark: '?' },
    ],
  },
  { id: 'internet', text: t('Internet'), kind: 'boolean', mark: 'V', options: [{ id: 'yes', text: t('Có'), minLevel: 2, mark: 'V' }] },
  { id: 'users', text: t('Số người dùng'), kind: 'number', mark: 'R', min: 0, max: 1000, thresholds: [{ gte: 100, minLevel: 3, text: t('≥100'), mark: 'R' }] },
  { id: 'cams', text: t('Camera'), kind: 'boolean', mark: '?', appliesTo: ['camera_surveillance'], options: [{ id: 'yes', text: t('Có'), mark: '?' }] },
];

describe('questionsFor', () => {
  it('skips questions meant for other categories', () => {
    expect(questionsFor(QUESTIONS, 'portal').map((q) => q.id)).toEqual(['scope', 'data', 'internet', 'users']);
    expect(questionsFor(QUESTIONS, 'camera_surveillance')).toHaveLength(5);
  });
});

describe('cleanAnswers', () => {
  const asked = questionsFor(QUESTIONS, 'portal');

  it('keeps answers of the right shape to asked questions', () => {
    const answers = { scope: 'province', data: ['personal'], internet: false, users: 0 };
    expect(cleanAnswers(asked, answers)).toEqual(answers);
  });

  it('drops unknown options, wrong kinds, out-of-range numbers, empty lists and questions not asked', () => {
    const answers = { scope: 'nation', data: [], internet: 'yes', users: 5000, cams: true, stale: 'x' };
    expect(cleanAnswers(asked, answers)).toEqual({});
    expect(cleanAnswers(asked, { data: ['personal', 'gone'] })).toEqual({});
  });

  it('counts what is still unanswered', () => {
    expect(unansweredCount(asked, { scope: 'internal', users: 3 })).toBe(2);
  });
});

describe('overrideProblem', () => {
  it('accepts the proposal or a higher level with a reason', () => {
    expect(overrideProblem(3, 3, '')).toBeNull();
    expect(overrideProblem(3, 4, 'Kết nối CSDL dân cư')).toBeNull();
    expect(overrideProblem(null, null, '')).toBeNull();
  });

  it('refuses a lower level and a raise without a reason', () => {
    expect(overrideProblem(3, 2, 'x')).toBe('lower');
    expect(overrideProblem(2, 4, '   ')).toBe('noteRequired');
  });
});

describe('latestAnswers', () => {
  const c = (packId: string, at: string, answers: Record<string, unknown>): Classification => ({
    id: null,
    packId,
    packVersion: '1.0.0',
    packTitle: null,
    answers,
    proposedLevel: 1,
    level: 1,
    reasons: [],
    unanswered: [],
    levelNote: null,
    classifiedBy: null,
    classifiedAt: at,
  });

  it('starts from the newest classification made with the same pack, keeping only answer-shaped values', () => {
    const history = [
      c('nd85', '2025-01-01T00:00:00Z', { scope: 'internal' }),
      c('nd85', '2025-06-01T00:00:00Z', { scope: 'province', data: ['personal'], junk: { a: 1 } }),
      c('nd331', '2026-08-01T00:00:00Z', { scope: 'internal' }),
    ];
    expect(latestAnswers(history, 'nd85')).toEqual({ scope: 'province', data: ['personal'] });
    expect(latestAnswers(history, 'other')).toEqual({});
  });
});

describe('localized', () => {
  it('picks the UI language, falling back to Vietnamese', () => {
    expect(localized({ vi: 'Cấp độ', en: 'Level' }, 'en')).toBe('Level');
    expect(localized({ vi: 'Cấp độ', en: '' }, 'en')).toBe('Cấp độ');
    expect(localized({ vi: 'Cấp độ', en: 'Level' }, 'vi')).toBe('Cấp độ');
  });
});

describe('starting from the system record', () => {
  const q331 = nd331.criteria.questions as CriterionQuestion[];
  const q85 = nd85.criteria.questions as CriterionQuestion[];
  const record = (over: Partial<RecordLike> = {}): RecordLike => ({ userKinds: [], dataKinds: [], personalDataSubjects: null, internetFacing: false, ...over });

  it('answers nothing from an empty record: the wizard then shows no level', () => {
    const { answers } = answersFromRecord(q331, record({ internetFacing: true }));
    expect(answers).toEqual({});
    expect(hasAnyAnswer(answers)).toBe(false);
  });

  it('takes the personal data count, and "not internal only" from outside users or private data', () => {
    const portal = answersFromRecord(q331, record({ userKinds: ['staff', 'citizens'], dataKinds: ['public', 'personal_basic'], personalDataSubjects: 1200 }));
    expect(portal.answers).toEqual({ personal_data_subjects: 1200, internal_public_only: false });
    expect(portal.from.internal_public_only).toEqual(['userKinds', 'dataKinds']);
    expect(hasAnyAnswer(portal.answers)).toBe(true);
    // no personal data: none sensitive either (Decree 331 asks; Decree 85 does not)
    expect(answersFromRecord(q331, record({ personalDataSubjects: 0 })).answers).toEqual({ personal_data_subjects: 0, sensitive_data_subjects: 0 });
    expect(answersFromRecord(q85, record({ personalDataSubjects: 0 })).answers).toEqual({ personal_data_subjects: 0 });
  });

  it('says "internal and public only" only when the record says so outright, and not when internet-facing', () => {
    const intranet = record({ userKinds: ['staff'], dataKinds: ['public'] });
    expect(answersFromRecord(q331, intranet).answers).toEqual({ internal_public_only: true });
    expect(answersFromRecord(q331, { ...intranet, internetFacing: true }).answers).toEqual({});
    expect(answersFromRecord(q331, record({ userKinds: ['staff'] })).answers).toEqual({});
  });

  it('keeps the latest classification’s answers and fills only what they leave open', () => {
    const start = startingAnswers(q331, { internal_public_only: true, admin_procedures: true }, record({ userKinds: ['citizens'], personalDataSubjects: 50 }));
    expect(start.answers).toEqual({ internal_public_only: true, admin_procedures: true, personal_data_subjects: 50 });
    expect(Object.keys(start.prefilled)).toEqual(['personal_data_subjects']);
  });
});
