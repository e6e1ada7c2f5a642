export { NotificationBell } from './notification-bell';
// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadNotificationsPage = () => import('./notifications-page').then((m) => m.NotificationsPage);
