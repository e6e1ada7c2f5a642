// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadUsersPage = () => import('./users-page').then((m) => m.UsersPage);
export const loadUserDetailPage = () => import('./user-detail-page').then((m) => m.UserDetailPage);
