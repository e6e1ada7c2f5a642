import type { DossierStatus } from '@khien/contracts';
import type { Criticality, ImportStatus, RequirementStatus } from '../../lib/enums';

/** Security levels from green (1) to red (5); no level yet is grey. */
export const LEVEL_COLORS: Record<1 | 2 | 3 | 4 | 5, string> = { 1: 'green', 2: 'lime', 3: 'yellow', 4: 'orange', 5: 'red' };
export const LEVEL_CHART_COLORS: Record<'1' | '2' | '3' | '4' | '5' | 'none', string> = {
  '1': 'green.6',
  '2': 'lime.6',
  '3': 'yellow.6',
  '4': 'orange.6',
  '5': 'red.7',
  none: 'gray.4',
};

export const DOSSIER_COLORS: Record<DossierStatus, string> = { drafting: 'gray', submitted: 'blue', appraised: 'violet', approved: 'teal', returned: 'red' };
export const DOSSIER_CHART_COLORS: Record<DossierStatus, string> = {
  drafting: 'gray.5',
  submitted: 'blue.6',
  appraised: 'violet.6',
  approved: 'teal.6',
  returned: 'red.6',
};

export const REQUIREMENT_COLORS: Record<RequirementStatus, string> = { not_started: 'gray', in_progress: 'yellow', met: 'green', not_applicable: 'indigo' };
export const CRITICALITY_COLORS: Record<Criticality, string> = { low: 'gray', medium: 'blue', high: 'orange', critical: 'red' };
export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  queued: 'gray',
  running: 'blue',
  done: 'teal',
  refused: 'orange',
  failed: 'red',
  interrupted: 'orange',
};
/** V confirmed in a public source, R reported only, ? not confirmed (shared/REGULATIONS.md). */
export const MARK_COLORS: Record<'V' | 'R' | '?', string> = { V: 'teal', R: 'yellow', '?': 'gray' };

export function levelColor(level: number | null): string {
  return level !== null && level >= 1 && level <= 5 ? LEVEL_COLORS[level as 1 | 2 | 3 | 4 | 5] : 'gray';
}
