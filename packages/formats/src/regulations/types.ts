/**
 * The parts of a regulation pack the evaluator reads. `RegulationPack` from @khien/contracts (the zod
 * schema the server validates packs with) fits these shapes; formats stays free of zod and of contracts.
 */

export type Mark = 'V' | 'R' | '?';
export type Level = 1 | 2 | 3 | 4 | 5;

export interface Localized {
  vi: string;
  en: string;
}

export interface PackOption {
  id: string;
  text: Localized;
  minLevel?: number | undefined;
  mark: Mark;
}

export interface PackThreshold {
  gte?: number | undefined;
  lt?: number | undefined;
  minLevel: number;
  text: Localized;
  mark: Mark;
}

export interface PackQuestion {
  id: string;
  text: Localized;
  kind: 'single' | 'multi' | 'boolean' | 'number';
  options?: readonly PackOption[] | undefined;
  thresholds?: readonly PackThreshold[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  appliesTo?: readonly string[] | undefined;
  mark: Mark;
}

export interface PackStep {
  by: Localized;
  workingDays?: number | null | undefined;
  calendarDays?: number | null | undefined;
  mark: Mark;
}

export interface PackLevel {
  level: number;
  appraisal: PackStep;
  approval: PackStep;
  reassessMonths?: number | null | undefined;
  reassessMark?: Mark | undefined;
  mark: Mark;
}

export interface PackRequirement {
  id: string;
  levels: readonly number[];
  mark: Mark;
}

export interface PackRequirementGroup<R extends PackRequirement = PackRequirement> {
  id: string;
  requirements: readonly R[];
}

export interface RegulationPackLike {
  id: string;
  version: string;
  levels: readonly PackLevel[];
  criteria: { questions: readonly PackQuestion[] };
  requirementGroups: readonly PackRequirementGroup[];
  dossier: { invalidReturnWorkingDays?: number | null | undefined; invalidReturnMark?: Mark | undefined; mark: Mark };
}

/** question id → option id (single), option ids (multi), boolean or number */
export type AnswerValue = string | readonly string[] | boolean | number;
export type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;
