import type { PackQuestion, PackRequirementGroup, RegulationPackLike } from './types.js';

const t = (s: string) => ({ vi: s, en: s });

/** A small pack in the shape of the shipped ones; tests override what they exercise. */
export function buildPack(overrides: Partial<RegulationPackLike> = {}): RegulationPackLike {
  const questions: PackQuestion[] = [
    {
      id: 'internal_public_only',
      text: t('internal, public only?'),
      kind: 'boolean',
      options: [
        { id: 'yes', text: t('internal'), minLevel: 1, mark: 'V' },
        { id: 'no', text: t('not internal'), minLevel: 2, mark: 'V' },
      ],
      mark: 'V',
    },
    {
      id: 'online_public_service',
      text: t('online public service?'),
      kind: 'single',
      options: [
        { id: 'none', text: t('none'), mark: 'V' },
        { id: 'level_1_2', text: t('level 1-2'), minLevel: 2, mark: 'V' },
        { id: 'level_3_4', text: t('level 3-4'), minLevel: 3, mark: '?' },
      ],
      mark: 'V',
    },
    {
      id: 'online_services',
      text: t('other online services'),
      kind: 'multi',
      options: [
        { id: 'none', text: t('none'), mark: 'V' },
        { id: 'other_online_service', text: t('other'), minLevel: 2, mark: 'R' },
        { id: 'conditional_business', text: t('conditional'), minLevel: 3, mark: 'R' },
      ],
      mark: 'R',
    },
    {
      id: 'personal_data_subjects',
      text: t('how many people'),
      kind: 'number',
      thresholds: [
        { gte: 1, lt: 10_000, minLevel: 2, text: t('< 10,000'), mark: 'V' },
        { gte: 10_000, minLevel: 3, text: t('>= 10,000'), mark: '?' },
      ],
      min: 0,
      mark: 'V',
    },
    {
      id: 'national_system',
      text: t('national?'),
      kind: 'single',
      appliesTo: ['data_centre'],
      options: [
        { id: 'none', text: t('no'), mark: 'V' },
        { id: 'critical', text: t('critical'), minLevel: 5, mark: '?' },
      ],
      mark: '?',
    },
  ];
  const requirementGroups: PackRequirementGroup[] = [
    {
      id: 'policy',
      requirements: [
        { id: 'policy.issue', levels: [1, 2, 3, 4, 5], mark: '?' },
        { id: 'policy.review', levels: [3, 4, 5], mark: '?' },
      ],
    },
    { id: 'monitoring', requirements: [{ id: 'mon.soc', levels: [3, 4, 5], mark: 'R' }] },
    { id: 'logs', requirements: [{ id: 'log.retain_1m', levels: [2], mark: 'R' }] },
  ];
  const step = (workingDays: number | null, calendarDays: number | null = null) => ({ by: t('unit'), workingDays, calendarDays, mark: 'R' as const });
  return {
    id: 'test-pack',
    version: '1.0.0',
    levels: [
      { level: 1, appraisal: step(null), approval: step(null), mark: 'V' },
      { level: 2, appraisal: step(null), approval: step(null), mark: 'V' },
      { level: 3, appraisal: step(15), approval: step(7), reassessMonths: 24, reassessMark: '?', mark: 'R' },
      { level: 4, appraisal: step(null, 30), approval: step(7), reassessMonths: 12, mark: 'R' },
      { level: 5, appraisal: step(25), approval: step(7), mark: 'R' },
    ],
    criteria: { questions },
    requirementGroups,
    dossier: { invalidReturnWorkingDays: 5, invalidReturnMark: 'R', mark: '?' },
    ...overrides,
  };
}
