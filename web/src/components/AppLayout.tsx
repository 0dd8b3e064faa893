import { useEffect, useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { loadSession, onSessionChange, saveSession } from '../auth/session';
import { rawJson } from '../api/client';
import { rolesOf } from '../auth/roles';
import { NotificationBell } from '../notifications/NotificationBell';

export function AppLayout() {
  const [session, setSession] = useState(loadSession);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => onSessionChange(setSession), []);

  async function signOut() {
    const s = loadSession();
    if (s) {
      // Revoke on the server too; a failure still signs out here.
      await rawJson('/auth/logout', { method: 'POST', body: JSON.stringify({ refreshToken: s.refreshToken }) }).catch(() => undefined);
    }
    saveSession(null);
    queryClient.clear();
    void navigate('/sign-in');
  }

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
            <nav aria-label="Account" className="flex items-center gap-3 text-sm">
              <NotificationBell />
              {rolesOf(session).includes('admin') && (
                <Link to="/admin" className="hover:underline">
                  Admin
                </Link>
              )}
              {rolesOf(session).includes('advisor') && (
                <Link to="/advisor" className="hover:underline">
                  Clients
                </Link>
              )}
              <button type="button" onClick={() => void signOut()} className="rounded-md px-2 py-1 underline-offset-2 hover:underline">
                Sign out
              </button>
            </nav>
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
