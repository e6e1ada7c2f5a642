export { UsersPage } from './users-page';
export { UserDetailPage } from './user-detail-page';
