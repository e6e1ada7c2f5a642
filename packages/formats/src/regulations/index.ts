export type {
  AnswerValue as PackAnswerValue,
  Answers as PackAnswers,
  Level as PackSecurityLevel,
  Localized as PackText,
  Mark as PackMark,
  PackQuestion,
  PackRequirement,
  PackRequirementGroup,
  RegulationPackLike,
} from './types.js';
export {
  proposeLevel,
  questionApplies,
  questionsFor,
  validateAnswers,
  type AnswerProblem,
  type AnswerProblemCode,
  type LevelProposal,
  type LevelReason,
  type ProposeOptions,
} from './propose-level.js';
export { findOrphanRequirements, requirementsForLevel } from './requirements.js';
export {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  dossierDeadlines,
  isWorkingDay,
  reassessDue,
  type DossierDeadlines,
  type StepDeadline,
} from './deadlines.js';
