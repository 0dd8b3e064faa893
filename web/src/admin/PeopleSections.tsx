import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';

const ROLES = ['user', 'premium', 'advisor', 'admin'];

const peopleKeys = { users: ['admin', 'users'] as const, advisors: ['admin', 'advisors'] as const };

/** Users with their roles (changing roles needs a recent second factor: the server answers step-up-required otherwise) and unlock. */
export function UsersSection() {
  const client = useQueryClient();
  const users = useQuery({ queryKey: peopleKeys.users, queryFn: () => unwrap(api.GET('/api/v1/admin/users')) });
  const setRoles = useMutation({
    mutationFn: (v: { userId: string; roles: string[] }) =>
      unwrap(api.PUT('/api/v1/admin/users/{userId}/roles', { params: { path: { userId: v.userId } }, body: { roles: v.roles } })),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKeys.users }),
  });
  const unlock = useMutation({
    mutationFn: (userId: string) => unwrap(api.POST('/api/v1/admin/users/{userId}/unlock', { params: { path: { userId } } })),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKeys.users }),
  });
  return (
    <section className="card overflow-x-auto" aria-labelledby="users-heading">
      <h2 id="users-heading" className="mb-2">
        Users and roles
      </h2>
      {setRoles.isError && <ErrorMessage error={setRoles.error} title="The roles were not changed" />}
      {unlock.isError && <ErrorMessage error={unlock.error} title="The user was not unlocked" />}
      <QueryView query={users} loadingLabel="Loading users…">
        {(list) => (
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Second factor</th>
                {ROLES.map((r) => (
                  <th key={r} scope="col">
                    {r}
                  </th>
                ))}
                <th scope="col">Locked out</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}</td>
                  <td>{u.mfaEnabled ? 'on' : 'off'}</td>
                  {ROLES.map((r) => (
                    <td key={r}>
                      <input
                        type="checkbox"
                        aria-label={`${r} role of ${u.email}`}
                        checked={u.roles.includes(r)}
                        disabled={r === 'user' || setRoles.isPending}
                        onChange={(e) =>
                          setRoles.mutate({ userId: u.id, roles: e.target.checked ? [...u.roles, r] : u.roles.filter((x) => x !== r) })
                        }
                      />
                    </td>
                  ))}
                  <td>
                    {u.lockedOutUntil ? (
                      <button type="button" className="btn" onClick={() => unlock.mutate(u.id)}>
                        Unlock
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}

/** Advisor profiles waiting for (or holding) verification: only verified ones are listed to clients (docs/advisors.md). */
export function AdvisorVerificationSection() {
  const client = useQueryClient();
  const advisors = useQuery({ queryKey: peopleKeys.advisors, queryFn: () => unwrap(api.GET('/api/v1/admin/advisors')) });
  const [error, setError] = useState<unknown>(null);
  const verify = useMutation({
    mutationFn: (v: { advisorId: string; verified: boolean }) =>
      v.verified
        ? unwrap(api.POST('/api/v1/admin/advisors/{advisorId}/verify', { params: { path: { advisorId: v.advisorId } } }))
        : unwrap(api.DELETE('/api/v1/admin/advisors/{advisorId}/verify', { params: { path: { advisorId: v.advisorId } } })),
    onError: setError,
    onSuccess: () => setError(null),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKeys.advisors }),
  });
  return (
    <section className="card overflow-x-auto" aria-labelledby="advisors-heading">
      <h2 id="advisors-heading" className="mb-2">
        Advisor verification
      </h2>
      {error !== null && <ErrorMessage error={error} title="The verification was not changed" />}
      <QueryView query={advisors} loadingLabel="Loading advisor profiles…">
        {(list) =>
          list.length === 0 ? (
            <Empty>No advisor has written a profile yet.</Empty>
          ) : (
            <table className="table" data-testid="advisor-verification">
              <thead>
                <tr>
                  <th scope="col">Advisor</th>
                  <th scope="col">Specialities</th>
                  <th scope="col">Credentials</th>
                  <th scope="col">Time zone</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map(({ email, profile }) => (
                  <tr key={profile.advisorId}>
                    <td>
                      {profile.displayName} <span className="text-xs text-slate-600">{email}</span>
                    </td>
                    <td>{profile.specialities.join(', ')}</td>
                    <td>{profile.credentials}</td>
                    <td>{profile.timeZone}</td>
                    <td>{profile.verified ? 'verified' : 'waiting'}</td>
                    <td>
                      <button
                        type="button"
                        className="btn"
                        aria-label={`${profile.verified ? 'Withdraw verification of' : 'Verify'} ${profile.displayName}`}
                        onClick={() => verify.mutate({ advisorId: profile.advisorId, verified: !profile.verified })}
                      >
                        {profile.verified ? 'Withdraw' : 'Verify'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </section>
  );
}
