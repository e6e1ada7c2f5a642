import { createBrowserRouter, Outlet } from 'react-router';
import { ChangePasswordPage, ForcedPasswordPage, SignInPage, TotpEnrolPage, TotpPage } from '../features/auth';
import { AuditPage } from '../features/audit';
import {
  AssignmentPage,
  AssignmentsPage,
  DirectiveEditPage,
  DirectiveImportPage,
  DirectiveNewPage,
  DirectivePage,
  DirectivesPage,
} from '../features/directives';
import { AssetPage, AssetsPage, InventoryImportPage, InventoryPage, IpSpacePage, SystemNewPage, SystemPage, SystemsPage } from '../features/inventory';
import { NotificationsPage } from '../features/notifications';
import { ImportPage, OrgDetailPage, OrgsPage } from '../features/orgs';
import { SessionsPage } from '../features/sessions';
import { TokensPage } from '../features/tokens';
import { UserDetailPage, UsersPage } from '../features/users';
import { TodoPage, WorkItemPage, WorkOverviewPage } from '../features/work';
import { AppLayout } from './app-layout';
import { RequirePermission, RequireSignIn, RequireStep } from './guards';
import { WORK_PERMISSIONS } from './nav-items';
import { HomeRedirect } from './home-redirect';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

/** Every path of the SPA; the server must answer index.html for each of them. */
export const ROUTES = {
  signIn: '/sign-in',
  totp: '/sign-in/totp',
  totpEnrol: '/sign-in/totp-enrol',
  forcedPassword: '/sign-in/password',
  orgs: '/orgs',
  orgImport: '/orgs/import',
  org: '/orgs/:id',
  users: '/users',
  user: '/users/:id',
  tokens: '/tokens',
  sessions: '/sessions',
  changePassword: '/account/password',
  audit: '/audit',
  directives: '/directives',
  directiveImport: '/directives/import',
  directiveNew: '/directives/new',
  directive: '/directives/:id',
  directiveEdit: '/directives/:id/edit',
  assignments: '/assignments',
  assignment: '/assignments/:id',
  notifications: '/notifications',
  inventory: '/inventory',
  inventoryImport: '/inventory/import',
  systems: '/systems',
  systemNew: '/systems/new',
  system: '/systems/:id',
  assets: '/assets',
  asset: '/assets/:id',
  ipSpace: '/ip-space',
  work: '/work',
  workOverview: '/work/overview',
  workItem: '/work/:id',
} as const;

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Outlet />,
      errorElement: <RouteError />,
      children: [
        { path: ROUTES.signIn, element: <SignInPage /> },
        {
          path: ROUTES.totp,
          element: (
            <RequireStep step="totp_required">
              <TotpPage />
            </RequireStep>
          ),
        },
        {
          path: ROUTES.totpEnrol,
          element: (
            <RequireStep step="totp_enrolment_required">
              <TotpEnrolPage />
            </RequireStep>
          ),
        },
        {
          path: ROUTES.forcedPassword,
          element: (
            <RequireStep step="password_change_required">
              <ForcedPasswordPage />
            </RequireStep>
          ),
        },
        {
          element: (
            <RequireSignIn>
              <AppLayout />
            </RequireSignIn>
          ),
          errorElement: <RouteError />,
          children: [
            { index: true, element: <HomeRedirect /> },
            {
              path: ROUTES.orgs,
              element: (
                <RequirePermission permission="org:read">
                  <OrgsPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.orgImport,
              element: (
                <RequirePermission permission="org:write">
                  <ImportPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.org,
              element: (
                <RequirePermission permission="org:read">
                  <OrgDetailPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.users,
              element: (
                <RequirePermission permission="user:read">
                  <UsersPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.user,
              element: (
                <RequirePermission permission="user:read">
                  <UserDetailPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.tokens,
              element: (
                <RequirePermission permission="token:write">
                  <TokensPage />
                </RequirePermission>
              ),
            },
            { path: ROUTES.sessions, element: <SessionsPage /> },
            { path: ROUTES.changePassword, element: <ChangePasswordPage /> },
            {
              path: ROUTES.audit,
              element: (
                <RequirePermission permission="audit:read">
                  <AuditPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.directives,
              element: (
                <RequirePermission permission="directive:read">
                  <DirectivesPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.directiveImport,
              element: (
                <RequirePermission permission="directive:write">
                  <DirectiveImportPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.directiveNew,
              element: (
                <RequirePermission permission="directive:write">
                  <DirectiveNewPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.directive,
              element: (
                <RequirePermission permission="directive:read">
                  <DirectivePage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.directiveEdit,
              element: (
                <RequirePermission permission="directive:write">
                  <DirectiveEditPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.assignments,
              element: (
                <RequirePermission permission="directive:report">
                  <AssignmentsPage />
                </RequirePermission>
              ),
            },
            // The issuer reviews here too, so reading directives is enough to open an assignment.
            { path: ROUTES.assignment, element: <AssignmentPage /> },
            { path: ROUTES.notifications, element: <NotificationsPage /> },
            {
              path: ROUTES.inventory,
              element: (
                <RequirePermission permission="inventory:read">
                  <InventoryPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.inventoryImport,
              element: (
                <RequirePermission permission="inventory:write">
                  <InventoryImportPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.systems,
              element: (
                <RequirePermission permission="inventory:read">
                  <SystemsPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.systemNew,
              element: (
                <RequirePermission permission="inventory:write">
                  <SystemNewPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.system,
              element: (
                <RequirePermission permission="inventory:read">
                  <SystemPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.assets,
              element: (
                <RequirePermission permission="inventory:read">
                  <AssetsPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.asset,
              element: (
                <RequirePermission permission="inventory:read">
                  <AssetPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.ipSpace,
              element: (
                <RequirePermission permission="inventory:read">
                  <IpSpacePage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.work,
              element: (
                <RequirePermission permission={WORK_PERMISSIONS}>
                  <TodoPage />
                </RequirePermission>
              ),
            },
            {
              path: ROUTES.workOverview,
              element: (
                <RequirePermission permission="directive:write">
                  <WorkOverviewPage />
                </RequirePermission>
              ),
            },
            // Reviewers open items too (canReview), and the server answers 404 outside the reader's subtree.
            { path: ROUTES.workItem, element: <WorkItemPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
