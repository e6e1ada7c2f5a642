import type { WorkStatusValue } from '@khien/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkWordKey, type CheckStatus, type DueWords, type WorkAction } from './work-model';

/** Translated names for the work enums; a kind or event the web does not know yet is shown as sent. */
export function useWorkLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const known = (key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback);
    return {
      kind: (kind: string) => known(`work.kinds.${kind}`, kind),
      status: (s: WorkStatusValue) => t(`work.status.${s}`),
      action: (a: WorkAction) => t(`work.actions.${a}`),
      checkStatus: (kind: string, s: CheckStatus) => t(checkWordKey(kind, s, (k) => i18n.exists(k))),
      event: (kind: string) => known(`work.events.${kind}`, kind),
      due: (w: DueWords) => t(`work.due.${w.key}`, 'days' in w ? { days: w.days } : {}),
    };
  }, [t, i18n]);
}

export const WORK_STATUS_COLORS: Record<WorkStatusValue, string> = {
  pending: 'orange',
  acknowledged: 'blue',
  in_progress: 'yellow',
  submitted: 'violet',
  returned: 'red',
  accepted: 'teal',
  not_applicable: 'gray',
  risk_accepted: 'grape',
};

export const CHECK_STATUS_COLORS: Record<CheckStatus, string> = {
  not_started: 'gray',
  in_progress: 'yellow',
  done: 'green',
  not_done: 'red',
  not_applicable: 'indigo',
  risk_accepted: 'grape',
};

export const KIND_COLORS: Record<string, string> = { directive: 'cyan', system: 'lime' };
