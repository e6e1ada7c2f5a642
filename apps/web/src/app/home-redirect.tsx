import { Navigate } from 'react-router';
import { useAuth } from '../lib/auth-context';
import { visibleNavItems } from './nav-items';

export function HomeRedirect() {
  const { can } = useAuth();
  const first = visibleNavItems(can)[0];
  return <Navigate to={first?.to ?? '/sessions'} replace />;
}
