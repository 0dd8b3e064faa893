import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { loadSession, onSessionChange } from '../auth/session';

// The signed-in links (the notification bell needs TanStack Query and the typed API client) load
// apart from the frame, so the sign-in page does not carry them (docs/web.md, "Bundle budget").
const SignedInNav = lazy(() => import('./SignedInNav').then((m) => ({ default: m.SignedInNav })));

export function AppLayout() {
  const [session, setSession] = useState(loadSession);
  useEffect(() => onSessionChange(setSession), []);

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3">
          <Link to="/" className="text-lg font-semibold tracking-tight">
            Glidepath
          </Link>
          {session ? (
            <Suspense fallback={null}>
              <SignedInNav session={session} />
            </Suspense>
          ) : (
            <nav aria-label="Account" className="flex gap-3 text-sm">
              <Link to="/sign-in" className="hover:underline">
                Sign in
              </Link>
              <Link to="/sign-up" className="hover:underline">
                Sign up
              </Link>
            </nav>
          )}
        </div>
      </header>
      <Outlet />
    </div>
  );
}
