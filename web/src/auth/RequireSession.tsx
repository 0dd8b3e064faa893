import { Navigate, Outlet, useLocation } from 'react-router';
import { loadSession } from './session';

/**
 * Pages that need a signed-in user: without a session the visitor goes straight to the sign-in
 * page (and back afterwards), so no protected API call is made just to learn the answer is 401.
 */
export function RequireSession() {
  const location = useLocation();
  if (loadSession()) return <Outlet />;
  return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
}
