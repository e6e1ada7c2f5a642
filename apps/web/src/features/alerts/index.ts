// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadAlertsPage = () => import('./alerts-page').then((m) => m.AlertsPage);
export const loadAlertPage = () => import('./alert-page').then((m) => m.AlertPage);
export const loadBoardPage = () => import('./board-page').then((m) => m.BoardPage);
export const loadAlertSettingsPage = () => import('./settings-page').then((m) => m.SettingsPage);
