import type { Permission } from '@khien/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Empty } from '../components/empty-state';
import { FullPageLoader } from '../components/full-page-loader';
import { safeNext } from '../lib/safe-next';
import { STEP_PATHS, useAuth, type PendingStep } from '../lib/auth-context';
import { canAny } from './nav-items';

/** Everything behind it needs a completed sign-in; half-way sessions are sent to their next step. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'pending') return <Navigate to={STEP_PATHS[state.step]} replace />;
  if (state.status === 'signed_out') {
    const next = `${location.pathname}${location.search}`;
    const search = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/sign-in${search}`} replace />;
  }
  return <>{children}</>;
}

/** For the sign-in step pages: shows the page only while the session is at exactly that step. */
export function RequireStep({ step, children }: { step: PendingStep; children: ReactNode }) {
  const { state } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const carry = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'signed_out') return <Navigate to={`/sign-in${carry}`} replace />;
  if (state.status === 'signed_in') return <Navigate to={next} replace />;
  if (state.step !== step) return <Navigate to={`${STEP_PATHS[state.step]}${carry}`} replace />;
  return <>{children}</>;
}

/** `permission` as a list: any one of them is enough. */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!canAny(can, permission)) return <Empty title={t('errors.noAccessTitle')} description={t('errors.noAccess')} />;
  return <>{children}</>;
}
