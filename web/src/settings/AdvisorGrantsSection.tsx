import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatInstant } from '../lib/format';
import { grantSchema, type GrantForm } from './grantSchema';
import { meKeys } from './queries';

/**
 * Advisor access to this household (owner only): grant it to an advisor by e-mail, revoke it; a
 * revoked grant stays in the history. An advisor sees the household only while signed in with a
 * second factor and while the grant is active.
 */
export function AdvisorGrantsSection({ householdId }: { householdId: string }) {
  const queryClient = useQueryClient();
  const grants = useQuery({
    queryKey: meKeys.grants(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/advisor-grants', { params: { path: { householdId } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: meKeys.grants(householdId) });
  const form = useForm<GrantForm>({ resolver: zodResolver(grantSchema), defaultValues: { advisorEmail: '' } });
  const grant = useMutation({
    mutationFn: (v: GrantForm) => unwrap(api.POST('/api/v1/households/{householdId}/advisor-grants', { params: { path: { householdId } }, body: { advisorEmail: v.advisorEmail } })),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) => unwrap(api.DELETE('/api/v1/households/{householdId}/advisor-grants/{grantId}', { params: { path: { householdId, grantId } } })),
    onSuccess: refresh,
  });
  const { errors } = form.formState;
  return (
    <div className="space-y-3 text-sm">
      <QueryView query={grants} loadingLabel="Loading advisor access…">
        {(list) => {
          const active = list.filter((g) => !g.revokedUtc);
          const revoked = list.filter((g) => g.revokedUtc);
          return (
            <>
              {active.length === 0 ? (
                <Empty>No advisor can see this household.</Empty>
              ) : (
                <ul className="divide-y divide-slate-100" data-testid="grants">
                  {active.map((g) => (
                    <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        <span className="font-medium">{g.advisorEmail}</span> since {formatInstant(g.grantedUtc)}
                      </span>
                      <button type="button" className="btn-secondary" disabled={revoke.isPending} aria-label={`Revoke access for ${g.advisorEmail}`} onClick={() => revoke.mutate(g.id)}>
                        Revoke
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {revoked.length > 0 && (
                <details>
                  <summary className="cursor-pointer text-slate-700">Revoked ({revoked.length})</summary>
                  <ul className="mt-1 space-y-1 text-slate-600">
                    {revoked.map((g) => (
                      <li key={g.id}>
                        {g.advisorEmail}: {formatInstant(g.grantedUtc)} to {formatInstant(g.revokedUtc)}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </QueryView>
      <form onSubmit={form.handleSubmit((v) => grant.mutate(v))} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <Field label="Advisor’s e-mail address" error={errors.advisorEmail?.message}>
          {(p) => <input {...p} type="email" autoComplete="off" {...form.register('advisorEmail')} className="input" />}
        </Field>
        <button type="submit" className="btn" disabled={grant.isPending}>
          Grant access
        </button>
      </form>
      {grant.isError && <ErrorMessage error={grant.error} title="No access granted" />}
      {revoke.isError && <ErrorMessage error={revoke.error} title="Not revoked" />}
    </div>
  );
}
