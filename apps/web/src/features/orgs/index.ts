export { OrgsPage } from './orgs-page';
export { OrgDetailPage } from './org-detail-page';
export { ImportPage } from './import-page';
export { OrgPicker, type PickedOrg } from './org-picker';
export { KindBadge } from './kind-badge';
