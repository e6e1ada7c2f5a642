// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadAuditPage = () => import('./audit-page').then((m) => m.AuditPage);
