// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadIncidentsPage = () => import('./incidents-page').then((m) => m.IncidentsPage);
export const loadIncidentNewPage = () => import('./incident-new-page').then((m) => m.IncidentNewPage);
export const loadIncidentPage = () => import('./incident-page').then((m) => m.IncidentPage);
export const loadReportPage = () => import('./report-page').then((m) => m.ReportPage);
export const loadIncidentStatsPage = () => import('./stats-page').then((m) => m.StatsPage);
/** The alert page's "promote to incident": the one call another feature makes into this one. */
export const promoteAlert = (alertId: string) => import('./incidents-api').then((m) => m.incidentsApi.fromAlerts([alertId]));
