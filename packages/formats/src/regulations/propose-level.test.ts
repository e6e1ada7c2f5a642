import { describe, expect, it } from 'vitest';
import { proposeLevel, questionsFor, validateAnswers } from './propose-level.js';
import { findOrphanRequirements, requirementsForLevel } from './requirements.js';
import { buildPack } from './test-pack.test-support.js';

describe('proposeLevel', () => {
  const pack = buildPack();

  it('is level 1 with nothing answered, and lists every question as unanswered', () => {
    const p = proposeLevel(pack, {});
    expect(p.level).toBe(1);
    expect(p.reasons).toEqual([]);
    expect(p.unanswered).toEqual(['internal_public_only', 'online_public_service', 'online_services', 'personal_data_subjects', 'national_system']);
    expect(p.mark).toBe('V');
  });

  it('takes the highest floor and keeps every reason', () => {
    const p = proposeLevel(pack, {
      internal_public_only: false,
      online_public_service: 'level_3_4',
      personal_data_subjects: 20_000,
      online_services: ['none'],
    });
    expect(p.level).toBe(3);
    expect(p.reasons.map((r) => [r.questionId, r.optionId, r.minLevel])).toEqual([
      ['internal_public_only', 'no', 2],
      ['online_public_service', 'level_3_4', 3],
      ['personal_data_subjects', undefined, 3],
    ]);
    expect(p.unanswered).toEqual(['national_system']);
    expect(p.mark).toBe('?');
  });

  it('reports the best-verified mark among the reasons that set the level', () => {
    expect(proposeLevel(pack, { online_services: ['conditional_business'], online_public_service: 'level_3_4' }).mark).toBe('R');
    expect(proposeLevel(pack, { personal_data_subjects: 50 }).mark).toBe('V');
  });

  it('counts each option of a multi answer once', () => {
    const p = proposeLevel(pack, { online_services: ['other_online_service', 'other_online_service', 'conditional_business'] });
    expect(p.reasons.map((r) => r.optionId)).toEqual(['other_online_service', 'conditional_business']);
    expect(p.level).toBe(3);
  });

  it('reads thresholds as gte <= v < lt', () => {
    expect(proposeLevel(pack, { personal_data_subjects: 0 }).level).toBe(1);
    expect(proposeLevel(pack, { personal_data_subjects: 1 }).level).toBe(2);
    expect(proposeLevel(pack, { personal_data_subjects: 9_999 }).level).toBe(2);
    expect(proposeLevel(pack, { personal_data_subjects: 10_000 }).level).toBe(3);
  });

  it('ignores answers of the wrong shape instead of guessing', () => {
    const p = proposeLevel(pack, { online_public_service: ['level_3_4'], personal_data_subjects: '20000', internal_public_only: 'no', unknown: true });
    expect(p.level).toBe(1);
    expect(p.unanswered).toEqual(['online_services', 'national_system']);
  });

  it('asks category-specific questions only of that category', () => {
    expect(questionsFor(pack, 'portal').map((q) => q.id)).not.toContain('national_system');
    expect(questionsFor(pack, 'data_centre').map((q) => q.id)).toContain('national_system');
    expect(proposeLevel(pack, { national_system: 'critical' }, { category: 'portal' }).level).toBe(1);
    expect(proposeLevel(pack, { national_system: 'critical' }, { category: 'data_centre' }).level).toBe(5);
    expect(proposeLevel(pack, {}, { category: 'portal' }).unanswered).not.toContain('national_system');
  });
});

describe('validateAnswers', () => {
  const pack = buildPack();

  it('accepts well-formed answers and treats null as unanswered', () => {
    expect(
      validateAnswers(pack, {
        internal_public_only: true,
        online_public_service: 'none',
        online_services: [],
        personal_data_subjects: 0,
        national_system: null,
      }),
    ).toEqual([]);
  });

  it('names the question and the problem', () => {
    const problems = validateAnswers(pack, {
      nope: 1,
      internal_public_only: 'yes',
      online_public_service: 'level_9',
      online_services: ['none', 'x'],
      personal_data_subjects: -5,
    });
    expect(problems.map((p) => [p.questionId, p.code, p.optionId])).toEqual([
      ['nope', 'unknown_question', undefined],
      ['internal_public_only', 'wrong_kind', undefined],
      ['online_public_service', 'unknown_option', 'level_9'],
      ['online_services', 'unknown_option', 'x'],
      ['personal_data_subjects', 'out_of_range', undefined],
    ]);
    for (const p of problems) {
      expect(p.message.vi).toContain(p.questionId);
      expect(p.message.en).toContain(p.questionId);
    }
  });

  it('rejects numbers that are not finite', () => {
    expect(validateAnswers(pack, { personal_data_subjects: Number.NaN })[0]?.code).toBe('wrong_kind');
  });
});

describe('requirementsForLevel', () => {
  const pack = buildPack();

  it('keeps the groups and requirements that apply, in pack order', () => {
    expect(requirementsForLevel(pack, 1).map((g) => [g.id, g.requirements.map((r) => r.id)])).toEqual([['policy', ['policy.issue']]]);
    expect(requirementsForLevel(pack, 2).map((g) => g.id)).toEqual(['policy', 'logs']);
    expect(requirementsForLevel(pack, 3).map((g) => [g.id, g.requirements.length])).toEqual([
      ['policy', 2],
      ['monitoring', 1],
    ]);
  });

  it('does not change the pack', () => {
    const before = JSON.stringify(pack);
    requirementsForLevel(pack, 3);
    expect(JSON.stringify(pack)).toBe(before);
  });

  it('finds requirements that apply at no level', () => {
    expect(findOrphanRequirements(pack)).toEqual([]);
    expect(findOrphanRequirements({ requirementGroups: [{ id: 'g', requirements: [{ id: 'r', levels: [], mark: '?' }] }] })).toEqual(['r']);
  });
});
