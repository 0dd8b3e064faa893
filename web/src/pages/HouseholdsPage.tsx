import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { keys } from '../household/queries';
import { householdSchema, type HouseholdForm } from '../household/householdSchema';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatInstant } from '../lib/format';

export function HouseholdsPage() {
  const households = useQuery({ queryKey: keys.households, queryFn: () => unwrap(api.GET('/api/v1/households')) });
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 p-4">
      <h1>Households</h1>
      <section className="card" aria-labelledby="households-heading">
        <h2 id="households-heading" className="mb-2">
          Your households
        </h2>
        <QueryView query={households}>
          {(list) =>
            list.length === 0 ? (
              <Empty>No household yet. Create one below to start your ledger.</Empty>
            ) : (
              <ul className="divide-y divide-slate-100">
                {list.map((h) => (
                  <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link to={`/households/${h.id}/dashboard`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {h.name}
                    </Link>
                    <span className="text-sm text-slate-600">
                      {h.reportingCurrency} · created {formatInstant(h.createdUtc)}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <CreateHousehold />
    </main>
  );
}

function CreateHousehold() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<HouseholdForm>({ resolver: zodResolver(householdSchema), defaultValues: { name: '', reportingCurrency: 'USD' } });
  const create = useMutation({
    mutationFn: (body: HouseholdForm) => unwrap(api.POST('/api/v1/households', { body })),
    onSuccess: async (h) => {
      await queryClient.invalidateQueries({ queryKey: keys.households });
      void navigate(`/households/${h.id}/dashboard`);
    },
  });
  const { errors } = form.formState;
  return (
    <section className="card" aria-labelledby="create-household-heading">
      <h2 id="create-household-heading" className="mb-2">
        Create a household
      </h2>
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" noValidate>
        <Field label="Household name" error={errors.name?.message}>
          {(p) => <input {...p} {...form.register('name')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Reporting currency" error={errors.reportingCurrency?.message}>
          {(p) => <input {...p} {...form.register('reportingCurrency')} className="input uppercase" maxLength={3} />}
        </Field>
        <button type="submit" className="btn" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create'}
        </button>
      </form>
      {create.isError && <div className="mt-3"><ErrorMessage error={create.error} title="The household was not created" /></div>}
    </section>
  );
}
