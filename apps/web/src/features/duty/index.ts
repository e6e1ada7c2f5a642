// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadDutyNowPage = () => import('./duty-now-page').then((m) => m.DutyNowPage);
export const loadDutyOrgPage = () => import('./duty-org-page').then((m) => m.DutyOrgPage);
