import type { IncidentCategory, IncidentEvent, IncidentReportKind, IncidentSeverity, IncidentStatus, IndicatorType } from '@khien/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { eventDetail, eventWords, type IncidentAction, type ListStatus, type ReportStatus, type Words } from './incident-model';

/** Translated names for the incident enums and the sentences built from codes and params. */
export function useIncidentLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const say = (w: Words) => t(w.key, w.params);
    const status = (s: IncidentStatus) => t(`incidents.status.${s}`);
    const reportKind = (k: IncidentReportKind) => t(`incidents.reportKind.${k}`);
    return {
      lang: (i18n.resolvedLanguage ?? i18n.language) === 'en' ? ('en' as const) : ('vi' as const),
      severity: (s: IncidentSeverity) => t(`incidents.severity.${s}`),
      category: (c: IncidentCategory) => t(`incidents.category.${c}`),
      status,
      listStatus: (s: ListStatus) => t(`incidents.listStatus.${s}`),
      reportKind,
      reportStatus: (s: ReportStatus) => t(`incidents.reportStatus.${s}`),
      indicatorType: (k: IndicatorType) => t(`incidents.indicatorType.${k}`),
      action: (a: IncidentAction) => t(`incidents.actions.${a}`),
      /** "Chuyển trạng thái · Đã khống chế": the event's sentence, then what its params add */
      event: (e: Pick<IncidentEvent, 'kind' | 'params'>) => {
        const d = eventDetail(e);
        const extra = [d.status && status(d.status), d.reportKind && reportKind(d.reportKind), d.text].filter(Boolean);
        return [say(eventWords(e)), ...extra].join(' · ');
      },
      say,
    };
  }, [t, i18n.resolvedLanguage, i18n.language]);
}
