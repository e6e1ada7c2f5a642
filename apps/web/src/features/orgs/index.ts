export { OrgPicker, type PickedOrg } from './org-picker';
export { KindBadge } from './kind-badge';
// Pages load on demand, each in its own chunk (app/router.tsx).
export const loadOrgsPage = () => import('./orgs-page').then((m) => m.OrgsPage);
export const loadOrgDetailPage = () => import('./org-detail-page').then((m) => m.OrgDetailPage);
export const loadOrgImportPage = () => import('./import-page').then((m) => m.ImportPage);
