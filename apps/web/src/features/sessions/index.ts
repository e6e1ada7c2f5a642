// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadSessionsPage = () => import('./sessions-page').then((m) => m.SessionsPage);
