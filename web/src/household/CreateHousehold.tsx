import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { keys } from './queries';
import { householdSchema, type HouseholdForm } from './householdSchema';
import { ErrorMessage } from '../components/DataState';
import { Field } from '../components/Field';

/** The households page's form, loaded after the list: react-hook-form and zod stay off the signed-in shell (docs/web.md, "Bundle budget"). */
export function CreateHousehold() {
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
