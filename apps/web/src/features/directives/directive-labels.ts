import type { AssignmentStatus, DirectiveStatus, TaskStatus } from '@khien/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RollupBy } from '../../lib/enums';

/** Translated names of the directive enums; every value has a key (checked by directive-labels.test.ts). */
export function useDirectiveLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      directiveStatus: (s: DirectiveStatus) => t(`directiveStatus.${s}`),
      assignmentStatus: (s: AssignmentStatus) => t(`assignmentStatus.${s}`),
      taskStatus: (s: TaskStatus) => t(`taskStatus.${s}`),
      rollupBy: (by: RollupBy) => t(`directives.rollup.by.${by}`),
      /** History event kinds are open strings in the contract: known ones are translated, others shown as sent. */
      event: (kind: string) => (i18n.exists(`assignments.events.${kind}`) ? t(`assignments.events.${kind}`) : kind),
    }),
    [t, i18n],
  );
}

export const DIRECTIVE_STATUS_COLORS: Record<DirectiveStatus, string> = { draft: 'gray', issued: 'blue', closed: 'dark' };

export const ASSIGNMENT_STATUS_COLORS: Record<AssignmentStatus, string> = {
  pending: 'orange',
  acknowledged: 'blue',
  in_progress: 'cyan',
  submitted: 'violet',
  returned: 'red',
  accepted: 'teal',
  not_applicable: 'gray',
  risk_accepted: 'yellow',
};

/** Matrix and card colours: done green, in progress yellow, not started grey, n/a blue-grey; no task = white. */
export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  done: 'var(--mantine-color-green-5)',
  in_progress: 'var(--mantine-color-yellow-4)',
  not_started: 'var(--mantine-color-gray-4)',
  not_applicable: '#90a4ae',
  not_done: 'var(--mantine-color-red-4)',
  risk_accepted: 'var(--mantine-color-orange-4)',
};
export const TASK_STATUS_BADGE: Record<TaskStatus, string> = {
  done: 'green',
  in_progress: 'yellow',
  not_started: 'gray',
  not_applicable: 'indigo',
  not_done: 'red',
  risk_accepted: 'orange',
};
