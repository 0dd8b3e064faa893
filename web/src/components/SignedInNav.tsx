import { Link, useNavigate } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { loadSession, saveSession, type Session } from '../auth/session';
import { rawJson } from '../api/rawJson';
import { rolesOf } from '../auth/roles';
import { NotificationBell } from '../notifications/NotificationBell';
import { queryClient } from '../query/queryClient';

/** The header's links for a signed-in user; loaded apart from the frame, with the query cache it needs. */
export function SignedInNav({ session }: { session: Session }) {
  const navigate = useNavigate();

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
    <QueryClientProvider client={queryClient}>
      <nav aria-label="Account" className="flex items-center gap-3 text-sm">
        <NotificationBell />
        <Link to="/learn" className="hover:underline">
          Learn
        </Link>
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
    </QueryClientProvider>
  );
}
