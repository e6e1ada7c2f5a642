import { z } from 'zod';
import { SYSTEM_CATEGORIES, SystemCategorySchema } from './inventory.js';

/**
 * Regulation packs: the law as data (DESIGN.md §2). A pack holds one legal regime's security levels, the
 * criteria that decide a level (as questions an IT officer can answer), who appraises and approves a level
 * dossier and how fast, the baseline requirements per level and the incident-report deadlines. Packs live
 * in `regulations/packs/*.json` and are validated with `RegulationPackSchema` when the server loads them.
 *
 * Every clause carries a mark (shared/REGULATIONS.md): 'V' confirmed in a named public source, 'R' reported
 * by third parties only (check the official text before relying on it), '?' not confirmed.
 */

export const REGULATION_MARKS = ['V', 'R', '?'] as const;
export const RegulationMarkSchema = z.enum(REGULATION_MARKS);
export type RegulationMark = z.infer<typeof RegulationMarkSchema>;

export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export const SecurityLevelSchema = z.number().int().min(1).max(5);
export type SecurityLevel = 1 | 2 | 3 | 4 | 5;

export const QUESTION_KINDS = ['single', 'multi', 'boolean', 'number'] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
/** ids inside a pack: lower-case slugs, stable across versions (classifications and checklists store them) */
export const RegulationIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'id: chữ thường, số, "_", "-", "." / lower-case slug');
export const RegulationPackIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id gói: chữ thường và "-" / pack id: lower-case words joined by "-"');
const SemverSchema = z
  .string()
  .max(40)
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'phiên bản dạng 1.2.3 / version must be semver');
const IsoDateSchema = z.iso.date();
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'ngày dạng MM-DD / due must be MM-DD');
const days = z.number().int().min(0).max(3650);

export const LocalizedTextSchema = z.object({ vi: text(4000), en: text(4000) }).strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A statement with its verification mark, for notes that fit no other field. */
export const MarkedTextSchema = z.object({ text: LocalizedTextSchema, mark: RegulationMarkSchema }).strict();
export type MarkedText = z.infer<typeof MarkedTextSchema>;

export const LegalBasisSchema = z
  .object({
    ref: text(200),
    title: LocalizedTextSchema,
    url: z.url().max(500).optional(),
    mark: RegulationMarkSchema,
  })
  .strict();
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

/** One step of the level dossier (appraisal = thẩm định, approval = phê duyệt). null days: not stated. */
export const DossierStepSchema = z
  .object({
    by: LocalizedTextSchema,
    workingDays: days.nullable().optional(),
    /** when the text counts calendar days ("ngày") rather than working days */
    calendarDays: days.nullable().optional(),
    note: LocalizedTextSchema.optional(),
    mark: RegulationMarkSchema,
  })
  .strict()
  .refine((s) => s.workingDays == null || s.calendarDays == null, { message: 'workingDays hoặc calendarDays, không cả hai / not both' });
export type DossierStep = z.infer<typeof DossierStepSchema>;

export const RegulationLevelSchema = z
  .object({
    level: SecurityLevelSchema,
    name: LocalizedTextSchema,
    /** the harm a breach would cause, which is what the level means */
    harm: LocalizedTextSchema,
    appraisal: DossierStepSchema,
    approval: DossierStepSchema,
    /** periodic check and assessment interval; null: not stated */
    reassessMonths: z.number().int().min(1).max(120).nullable().optional(),
    reassessMark: RegulationMarkSchema.optional(),
    /** minimum log retention; null: no minimum stated */
    logRetentionMonths: z.number().int().min(0).max(240).nullable().optional(),
    logRetentionMark: RegulationMarkSchema.optional(),
    mark: RegulationMarkSchema,
  })
  .strict();
export type RegulationLevel = z.infer<typeof RegulationLevelSchema>;

/**
 * A choice of a single/multi question; for a boolean question the options are 'yes' and/or 'no'.
 * minLevel: choosing it means the system is at least this level.
 */
export const CriterionOptionSchema = z
  .object({
    id: RegulationIdSchema,
    text: LocalizedTextSchema,
    help: LocalizedTextSchema.optional(),
    minLevel: SecurityLevelSchema.optional(),
    mark: RegulationMarkSchema,
  })
  .strict();
export type CriterionOption = z.infer<typeof CriterionOptionSchema>;

/** For number questions: a value v triggers when gte <= v < lt (a missing bound is open). */
export const CriterionThresholdSchema = z
  .object({
    gte: z.number().optional(),
    lt: z.number().optional(),
    minLevel: SecurityLevelSchema,
    text: LocalizedTextSchema,
    mark: RegulationMarkSchema,
  })
  .strict()
  .refine((t) => t.gte === undefined || t.lt === undefined || t.gte < t.lt, { message: 'gte phải nhỏ hơn lt / gte must be below lt' });
export type CriterionThreshold = z.infer<typeof CriterionThresholdSchema>;

export const CriterionQuestionSchema = z
  .object({
    id: RegulationIdSchema,
    text: LocalizedTextSchema,
    help: LocalizedTextSchema.optional(),
    kind: QuestionKindSchema,
    options: z.array(CriterionOptionSchema).max(50).optional(),
    thresholds: z.array(CriterionThresholdSchema).max(20).optional(),
    /** number questions: the accepted range (counts start at 0) */
    min: z.number().optional(),
    max: z.number().optional(),
    /** the inventory's system categories it is asked for; absent: every category */
    appliesTo: z.array(SystemCategorySchema).min(1).max(SYSTEM_CATEGORIES.length).optional(),
    /** the source clause, e.g. "NĐ 85/2016 Điều 8" */
    source: text(200).optional(),
    mark: RegulationMarkSchema,
  })
  .strict();
export type CriterionQuestion = z.infer<typeof CriterionQuestionSchema>;

export const RequirementSchema = z
  .object({
    id: RegulationIdSchema,
    /** the clause number in the standard, when known */
    code: text(40).optional(),
    text: LocalizedTextSchema,
    /** the levels at which it applies */
    levels: z.array(SecurityLevelSchema).min(1).max(5),
    source: text(200).optional(),
    /** the mark of the text */
    mark: RegulationMarkSchema,
    /** the mark of the level mapping when it is less certain than the text; absent: same as mark */
    levelsMark: RegulationMarkSchema.optional(),
  })
  .strict();
export type Requirement = z.infer<typeof RequirementSchema>;

export const REQUIREMENT_GROUP_KINDS = ['management', 'technical'] as const;
export const RequirementGroupSchema = z
  .object({
    id: RegulationIdSchema,
    code: text(40).optional(),
    title: LocalizedTextSchema,
    kind: z.enum(REQUIREMENT_GROUP_KINDS),
    requirements: z.array(RequirementSchema).min(1).max(200),
    mark: RegulationMarkSchema,
  })
  .strict();
export type RequirementGroup = z.infer<typeof RequirementGroupSchema>;

export const DossierRulesSchema = z
  .object({
    contents: z.array(LocalizedTextSchema).min(1).max(30),
    mark: RegulationMarkSchema,
    /** an incomplete dossier goes back to the submitter within this many working days */
    invalidReturnWorkingDays: days.nullable().optional(),
    invalidReturnMark: RegulationMarkSchema.optional(),
    /** conditions that must hold before approval */
    prerequisites: z.array(MarkedTextSchema).max(20).optional(),
  })
  .strict();
export type DossierRules = z.infer<typeof DossierRulesSchema>;

export const IncidentReportingSchema = z
  .object({
    initialNoticeHours: z.number().int().min(0).max(8760).nullable().optional(),
    fullReportHours: z.number().int().min(0).max(8760).nullable().optional(),
    /** the older rules count days from detection */
    deadlineDays: days.nullable().optional(),
    recipients: z.array(LocalizedTextSchema).min(1).max(20),
    /** when to report at once, without waiting for the deadline */
    immediateWhen: LocalizedTextSchema.optional(),
    /** personal-data breach notice (Law 91/2025), which runs beside the security rules */
    personalDataBreachHours: z.number().int().min(0).max(8760).nullable().optional(),
    personalDataBreachMark: RegulationMarkSchema.optional(),
    /** when a case is proposed as serious (the 24 h / 72 h rule): the affected system's level, or the severity; the officer may change it */
    seriousWhen: z
      .object({
        minLevel: z.number().int().min(1).max(5).optional(),
        severities: z
          .array(z.enum(['critical', 'high', 'medium', 'low']))
          .max(4)
          .optional(),
        mark: RegulationMarkSchema,
      })
      .strict()
      .optional(),
    notes: z.array(MarkedTextSchema).max(20).optional(),
    mark: RegulationMarkSchema,
  })
  .strict();
export type IncidentReporting = z.infer<typeof IncidentReportingSchema>;

export const PeriodicReportSchema = z
  .object({
    id: RegulationIdSchema,
    title: LocalizedTextSchema,
    /** every year on this day (MM-DD) */
    due: monthDay,
    to: LocalizedTextSchema,
    mark: RegulationMarkSchema,
  })
  .strict();
export type PeriodicReport = z.infer<typeof PeriodicReportSchema>;

const RegulationPackObjectSchema = z
  .object({
    $schema: z.string().max(200).optional(),
    id: RegulationPackIdSchema,
    version: SemverSchema,
    title: LocalizedTextSchema,
    summary: LocalizedTextSchema.optional(),
    legalBasis: z.array(LegalBasisSchema).min(1).max(50),
    inForce: z.object({ from: IsoDateSchema, until: IsoDateSchema.nullable().optional() }).strict(),
    /** the pack id this one replaces */
    supersedes: RegulationPackIdSchema.optional(),
    levels: z.array(RegulationLevelSchema).length(5),
    criteria: z.object({ questions: z.array(CriterionQuestionSchema).min(1).max(100) }).strict(),
    requirementGroups: z.array(RequirementGroupSchema).min(1).max(100),
    dossier: DossierRulesSchema,
    incidentReporting: IncidentReportingSchema,
    annualReport: PeriodicReportSchema.omit({ id: true, title: true }).extend({ title: LocalizedTextSchema.optional() }).strict().optional(),
    periodicReports: z.array(PeriodicReportSchema).max(20).optional(),
    notes: z.array(MarkedTextSchema).max(50).optional(),
  })
  .strict();

type PackDraft = z.infer<typeof RegulationPackObjectSchema>;

/** Cross-field rules zod's shapes cannot say; each issue carries the JSON path of the offending value. */
function checkPack(p: PackDraft, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const seenLevels = new Set<number>();
  p.levels.forEach((l, i) => {
    if (seenLevels.has(l.level)) issue(['levels', i, 'level'], `cấp độ ${l.level} lặp lại / level ${l.level} repeated`);
    seenLevels.add(l.level);
  });
  for (const l of SECURITY_LEVELS) if (!seenLevels.has(l)) issue(['levels'], `thiếu cấp độ ${l} / level ${l} missing`);

  if (p.inForce.until && p.inForce.until <= p.inForce.from) issue(['inForce', 'until'], 'until phải sau from / until must be after from');

  const questionIds = new Set<string>();
  p.criteria.questions.forEach((q, qi) => {
    const at = ['criteria', 'questions', qi];
    if (questionIds.has(q.id)) issue([...at, 'id'], `câu hỏi "${q.id}" lặp lại / question id "${q.id}" repeated`);
    questionIds.add(q.id);
    const options = q.options ?? [];
    const optionIds = new Set<string>();
    options.forEach((o, oi) => {
      if (optionIds.has(o.id)) issue([...at, 'options', oi, 'id'], `lựa chọn "${o.id}" lặp lại / option id "${o.id}" repeated`);
      optionIds.add(o.id);
      if (q.kind === 'boolean' && o.id !== 'yes' && o.id !== 'no')
        issue([...at, 'options', oi, 'id'], 'câu hỏi có/không chỉ có "yes", "no" / boolean options are "yes" and "no"');
    });
    if ((q.kind === 'single' || q.kind === 'multi') && options.length === 0) issue([...at, 'options'], 'cần ít nhất một lựa chọn / needs options');
    if (q.kind === 'number' && options.length > 0) issue([...at, 'options'], 'câu hỏi số không có lựa chọn / number questions take thresholds, not options');
    if (q.kind !== 'number' && q.thresholds !== undefined) issue([...at, 'thresholds'], 'chỉ câu hỏi số có ngưỡng / only number questions have thresholds');
    if (q.kind !== 'number' && (q.min !== undefined || q.max !== undefined))
      issue([...at, 'min'], 'chỉ câu hỏi số có min/max / only number questions have min/max');
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) issue([...at, 'max'], 'max phải ≥ min / max must be ≥ min');
  });

  const groupIds = new Set<string>();
  const requirementIds = new Set<string>();
  p.requirementGroups.forEach((g, gi) => {
    if (groupIds.has(g.id)) issue(['requirementGroups', gi, 'id'], `nhóm "${g.id}" lặp lại / group id "${g.id}" repeated`);
    groupIds.add(g.id);
    g.requirements.forEach((r, ri) => {
      const at = ['requirementGroups', gi, 'requirements', ri];
      if (requirementIds.has(r.id)) issue([...at, 'id'], `yêu cầu "${r.id}" lặp lại / requirement id "${r.id}" repeated`);
      requirementIds.add(r.id);
      if (new Set(r.levels).size !== r.levels.length) issue([...at, 'levels'], 'cấp độ lặp lại / levels repeated');
    });
  });

  const reportIds = new Set<string>();
  (p.periodicReports ?? []).forEach((r, i) => {
    if (reportIds.has(r.id)) issue(['periodicReports', i, 'id'], `báo cáo "${r.id}" lặp lại / report id "${r.id}" repeated`);
    reportIds.add(r.id);
  });
}

export const RegulationPackSchema = RegulationPackObjectSchema.superRefine(checkPack);
export type RegulationPack = z.infer<typeof RegulationPackSchema>;

/** A wizard's answers: question id → option id (single), option ids (multi), boolean or number (see AnswerValueSchema). */
export type RegulationAnswers = Record<string, string | string[] | boolean | number>;

export const LevelReasonSchema = z.object({
  questionId: z.string(),
  optionId: z.string().optional(),
  minLevel: SecurityLevelSchema,
  text: LocalizedTextSchema,
  mark: RegulationMarkSchema,
});
export type LevelReason = z.infer<typeof LevelReasonSchema>;

/** What the evaluator proposes; a person confirms or overrides the level with a note. */
export const LevelProposalSchema = z.object({
  level: SecurityLevelSchema,
  reasons: z.array(LevelReasonSchema),
  unanswered: z.array(z.string()),
  /** the best-verified mark among the reasons that set the level (the level-1 mark when none did) */
  mark: RegulationMarkSchema,
});
export type LevelProposal = z.infer<typeof LevelProposalSchema>;
