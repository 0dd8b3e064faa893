import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { formatInstant } from '../lib/format';
import { meKeys } from './queries';

/**
 * Where the user is signed in: each session with when it started and was last refreshed; any other
 * one can be signed out (its refresh token stops working; an access token it already holds lasts at
 * most 15 minutes more).
 */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: meKeys.sessions, queryFn: () => unwrap(api.GET('/api/v1/me/sessions')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: meKeys.sessions });
  const revoke = useMutation({ mutationFn: (sessionId: string) => unwrap(api.DELETE('/api/v1/me/sessions/{sessionId}', { params: { path: { sessionId } } })), onSuccess: refresh });
  const revokeOthers = useMutation({ mutationFn: () => unwrap(api.DELETE('/api/v1/me/sessions')), onSuccess: refresh });
  return (
    <div className="space-y-3 text-sm">
      <QueryView query={sessions} loadingLabel="Loading your sessions…">
        {(list) =>
          list.length === 0 ? (
            <Empty>No live sessions: this one has been signed out and ends when its access token expires. Sign in again.</Empty>
          ) : (
            <>
              <ul className="divide-y divide-slate-100" data-testid="sessions">
                {list.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div>
                      <p className="font-medium">
                        {s.current ? 'This session' : 'Another session'}
                        {s.mfa ? ' · two-factor' : ' · password only'}
                      </p>
                      <p className="text-slate-600">
                        Signed in {formatInstant(s.signedInUtc)} · last active {formatInstant(s.lastRefreshedUtc)} · ends {formatInstant(s.expiresUtc)} unless used
                      </p>
                    </div>
                    {!s.current && (
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={revoke.isPending}
                        aria-label={`Sign out the session signed in ${formatInstant(s.signedInUtc)}`}
                        onClick={() => revoke.mutate(s.id)}
                      >
                        Sign out
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              {list.some((s) => !s.current) && (
                <button type="button" className="btn-secondary" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
                  Sign out all other sessions
                </button>
              )}
            </>
          )
        }
      </QueryView>
      {revoke.isSuccess && (
        <p role="status" className="text-green-800">
          Signed out.
        </p>
      )}
      {revokeOthers.isSuccess && (
        <p role="status" className="text-green-800">
          Signed out of {revokeOthers.data.revoked} other session(s).
        </p>
      )}
      {revoke.isError && <ErrorMessage error={revoke.error} title="Not signed out" />}
      {revokeOthers.isError && <ErrorMessage error={revokeOthers.error} title="Not signed out" />}
    </div>
  );
}
