import type { AlertEvent, AlertSeverityValue, AlertStatus } from '@khien/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { eventWords, routeWords, type AlertAction, type AlertFormat, type ListStatus, type RouteBasis, type Words } from './alert-model';

/** Translated names for the alert enums and the sentences built from codes and params. */
export function useAlertLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const say = (w: Words) => t(w.key, w.params);
    return {
      severity: (s: AlertSeverityValue) => t(`alerts.severity.${s}`),
      status: (s: AlertStatus) => t(`alerts.status.${s}`),
      listStatus: (s: ListStatus) => t(`alerts.listStatus.${s}`),
      format: (f: AlertFormat | 'auto') => t(`alerts.format.${f}`),
      routedBy: (b: RouteBasis) => t(`alerts.routedBy.${b}`),
      action: (a: AlertAction) => t(`alerts.actions.${a}`),
      route: (r: { code: string; params: Record<string, string> }) => say(routeWords(r, (s) => t(`alerts.severity.${s}`))),
      event: (e: Pick<AlertEvent, 'kind' | 'params'>) => say(eventWords(e)),
      say,
    };
  }, [t]);
}
