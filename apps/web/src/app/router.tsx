import type { Permission } from '@khien/contracts';
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { loadAlertPage, loadAlertSettingsPage, loadAlertsPage, loadBoardPage } from '../features/alerts';
import { loadAuditPage } from '../features/audit';
import { loadChangePasswordPage, loadForcedPasswordPage, loadSignInPage, loadTotpEnrolPage, loadTotpPage } from '../features/auth';
import {
  loadAssignmentPage,
  loadAssignmentsPage,
  loadDirectiveEditPage,
  loadDirectiveImportPage,
  loadDirectiveNewPage,
  loadDirectivePage,
  loadDirectivesPage,
} from '../features/directives';
import { loadDutyNowPage, loadDutyOrgPage } from '../features/duty';
import {
  loadAssetPage,
  loadAssetsPage,
  loadInventoryImportPage,
  loadInventoryPage,
  loadIpSpacePage,
  loadSystemNewPage,
  loadSystemPage,
  loadSystemsPage,
} from '../features/inventory';
import { loadIncidentNewPage, loadIncidentPage, loadIncidentStatsPage, loadIncidentsPage, loadReportPage } from '../features/incidents';
import { loadNotificationsPage } from '../features/notifications';
import { loadOrgDetailPage, loadOrgImportPage, loadOrgsPage } from '../features/orgs';
import { loadSessionsPage } from '../features/sessions';
import { loadTokensPage } from '../features/tokens';
import { loadUserDetailPage, loadUsersPage } from '../features/users';
import { loadTodoPage, loadWorkItemPage, loadWorkOverviewPage } from '../features/work';
import { FullPageLoader } from '../components/full-page-loader';
import type { PendingStep } from '../lib/auth-context';
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
  duty: '/duty',
  dutyOrg: '/duty/:id',
  alerts: '/alerts',
  alertBoard: '/alerts/board',
  alertSettings: '/alerts/settings',
  alert: '/alerts/:id',
  incidents: '/incidents',
  incidentNew: '/incidents/new',
  incidentStats: '/incidents/stats',
  incident: '/incidents/:id',
  incidentReport: '/incidents/:id/reports/:reportId',
} as const;

type LoadPage = () => Promise<ComponentType>;
type LazyElement = () => Promise<{ element: ReactNode }>;

/**
 * A page in its own chunk, fetched when its route is matched (on the first load, side by side with
 * the session check), behind a permission (any one of a list) or open to everyone signed in: a phone
 * downloads the pages it opens, not the whole app.
 */
function page(load: LoadPage, permission?: Permission | readonly Permission[]): LazyElement {
  return async () => {
    const Page = await load();
    if (permission === undefined) return { element: <Page /> };
    return {
      element: (
        <RequirePermission permission={permission}>
          <Page />
        </RequirePermission>
      ),
    };
  };
}

/** A sign-in step's page, in its own chunk: shown only while the session is at exactly that step. */
function stepPage(step: PendingStep, load: LoadPage): LazyElement {
  return async () => {
    const Page = await load();
    return {
      element: (
        <RequireStep step={step}>
          <Page />
        </RequireStep>
      ),
    };
  };
}

/** The shell (header, menu, bell) in its own chunk too: the sign-in page does without it. */
async function appLayout(): Promise<{ element: ReactNode }> {
  const { AppLayout } = await import('./app-layout');
  return {
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
  };
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Outlet />,
      errorElement: <RouteError />,
      // while the first page's chunk loads
      hydrateFallbackElement: <FullPageLoader />,
      children: [
        { path: ROUTES.signIn, lazy: page(loadSignInPage) },
        { path: ROUTES.totp, lazy: stepPage('totp_required', loadTotpPage) },
        { path: ROUTES.totpEnrol, lazy: stepPage('totp_enrolment_required', loadTotpEnrolPage) },
        { path: ROUTES.forcedPassword, lazy: stepPage('password_change_required', loadForcedPasswordPage) },
        {
          lazy: appLayout,
          errorElement: <RouteError />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: ROUTES.orgs, lazy: page(loadOrgsPage, 'org:read') },
            { path: ROUTES.orgImport, lazy: page(loadOrgImportPage, 'org:write') },
            { path: ROUTES.org, lazy: page(loadOrgDetailPage, 'org:read') },
            { path: ROUTES.users, lazy: page(loadUsersPage, 'user:read') },
            { path: ROUTES.user, lazy: page(loadUserDetailPage, 'user:read') },
            { path: ROUTES.tokens, lazy: page(loadTokensPage, 'token:write') },
            { path: ROUTES.sessions, lazy: page(loadSessionsPage) },
            { path: ROUTES.changePassword, lazy: page(loadChangePasswordPage) },
            { path: ROUTES.audit, lazy: page(loadAuditPage, 'audit:read') },
            { path: ROUTES.directives, lazy: page(loadDirectivesPage, 'directive:read') },
            { path: ROUTES.directiveImport, lazy: page(loadDirectiveImportPage, 'directive:write') },
            { path: ROUTES.directiveNew, lazy: page(loadDirectiveNewPage, 'directive:write') },
            { path: ROUTES.directive, lazy: page(loadDirectivePage, 'directive:read') },
            { path: ROUTES.directiveEdit, lazy: page(loadDirectiveEditPage, 'directive:write') },
            { path: ROUTES.assignments, lazy: page(loadAssignmentsPage, 'directive:report') },
            // The issuer reviews here too, so reading directives is enough to open an assignment.
            { path: ROUTES.assignment, lazy: page(loadAssignmentPage) },
            { path: ROUTES.notifications, lazy: page(loadNotificationsPage) },
            { path: ROUTES.inventory, lazy: page(loadInventoryPage, 'inventory:read') },
            { path: ROUTES.inventoryImport, lazy: page(loadInventoryImportPage, 'inventory:write') },
            { path: ROUTES.systems, lazy: page(loadSystemsPage, 'inventory:read') },
            { path: ROUTES.systemNew, lazy: page(loadSystemNewPage, 'inventory:write') },
            { path: ROUTES.system, lazy: page(loadSystemPage, 'inventory:read') },
            { path: ROUTES.assets, lazy: page(loadAssetsPage, 'inventory:read') },
            { path: ROUTES.asset, lazy: page(loadAssetPage, 'inventory:read') },
            { path: ROUTES.ipSpace, lazy: page(loadIpSpacePage, 'inventory:read') },
            { path: ROUTES.work, lazy: page(loadTodoPage, WORK_PERMISSIONS) },
            { path: ROUTES.workOverview, lazy: page(loadWorkOverviewPage, 'directive:write') },
            // Reviewers open items too (canReview), and the server answers 404 outside the reader's subtree.
            { path: ROUTES.workItem, lazy: page(loadWorkItemPage) },
            { path: ROUTES.duty, lazy: page(loadDutyNowPage, 'duty:read') },
            { path: ROUTES.dutyOrg, lazy: page(loadDutyOrgPage, 'duty:read') },
            { path: ROUTES.alerts, lazy: page(loadAlertsPage, 'alert:read') },
            // the board also needs a coordinator's grant or alert:configure: the page says so itself (canSeeBoard)
            { path: ROUTES.alertBoard, lazy: page(loadBoardPage, 'alert:read') },
            { path: ROUTES.alertSettings, lazy: page(loadAlertSettingsPage, 'alert:configure') },
            { path: ROUTES.alert, lazy: page(loadAlertPage, 'alert:read') },
            { path: ROUTES.incidents, lazy: page(loadIncidentsPage, 'incident:read') },
            { path: ROUTES.incidentNew, lazy: page(loadIncidentNewPage, 'incident:report') },
            { path: ROUTES.incidentStats, lazy: page(loadIncidentStatsPage, 'incident:read') },
            { path: ROUTES.incident, lazy: page(loadIncidentPage, 'incident:read') },
            { path: ROUTES.incidentReport, lazy: page(loadReportPage, 'incident:read') },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
