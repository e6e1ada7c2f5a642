import { Navigate } from 'react-router';
import { useAuth } from '../lib/auth-context';
import { landingPath } from './landing';

export function HomeRedirect() {
  const { me } = useAuth();
  return <Navigate to={me ? landingPath(me) : '/sessions'} replace />;
}
