import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Person } from '../api/types';
import { keys, usePeople } from '../household/queries';
import { emptyPerson, filingStatuses, fromPerson, personSchema, toPersonRequest, type PersonForm } from './personSchema';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatDate, humanize } from '../lib/format';

/** The household's people: who they are, when they were born and when they plan to retire (plans start from these). */
export function PeopleSection({ householdId }: { householdId: string }) {
  const people = usePeople(householdId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (personId: string) => unwrap(api.DELETE('/api/v1/households/{householdId}/people/{personId}', { params: { path: { householdId, personId } } })),
    onSuccess: async () => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  return (
    <div className="space-y-3">
      <QueryView query={people}>
        {(list) =>
          list.length === 0 ? (
            <Empty>No people recorded. Add the people whose money this is; plans start from their ages.</Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="people">
              {list.map((p) => (
                <li key={p.id} className="py-1.5">
                  {editing === p.id ? (
                    <PersonEditor householdId={householdId} stored={p} onDone={() => setEditing(null)} />
                  ) : (
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="grow">
                        <span className="font-medium">{p.name}</span>, born {formatDate(p.birthDate)}
                        {p.retirementAge != null ? ` · retires at ${p.retirementAge}` : ''} · {humanize(p.filingStatus)} · {p.country}
                        {p.state ? `-${p.state}` : ''}
                      </span>
                      {confirming === p.id ? (
                        <>
                          <button type="button" className="btn-secondary text-red-800" disabled={remove.isPending} onClick={() => remove.mutate(p.id)}>
                            Delete {p.name}
                          </button>
                          <button type="button" className="btn-secondary" onClick={() => setConfirming(null)}>
                            Keep
                          </button>
                          <span className="w-full text-xs text-slate-600">Accounts {p.name} owned become joint; their history stays.</span>
                        </>
                      ) : (
                        <>
                          <button type="button" className="btn-secondary" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p.id)}>
                            Edit
                          </button>
                          <button type="button" className="btn-secondary" aria-label={`Delete ${p.name}`} onClick={() => setConfirming(p.id)}>
                            Delete
                          </button>
                        </>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {remove.isError && <ErrorMessage error={remove.error} title="The person was not deleted" />}
      {editing === 'new' ? (
        <PersonEditor householdId={householdId} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setEditing('new')}>
          Add a person
        </button>
      )}
    </div>
  );
}

function PersonEditor({ householdId, stored, onDone }: { householdId: string; stored?: Person; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<PersonForm>({ resolver: zodResolver(personSchema), defaultValues: stored ? fromPerson(stored) : emptyPerson });
  const save = useMutation({
    mutationFn: (v: PersonForm) => {
      const body = toPersonRequest(v, stored);
      return stored
        ? unwrap(api.PUT('/api/v1/households/{householdId}/people/{personId}', { params: { path: { householdId, personId: stored.id } }, body }))
        : unwrap(api.POST('/api/v1/households/{householdId}/people', { params: { path: { householdId } }, body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
      onDone();
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-3 py-2 sm:grid-cols-3" aria-label={stored ? `Edit ${stored.name}` : 'New person'} noValidate>
      <Field label="Person’s name" error={errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} className="input" autoComplete="off" />}
      </Field>
      <Field label="Birth date" error={errors.birthDate?.message}>
        {(p) => <input {...p} type="date" {...form.register('birthDate')} className="input" />}
      </Field>
      <Field label="Retirement age" error={errors.retirementAge?.message}>
        {(p) => <input {...p} {...form.register('retirementAge')} className="input" inputMode="numeric" />}
      </Field>
      <Field label="Filing status" error={errors.filingStatus?.message}>
        {(p) => (
          <select {...p} {...form.register('filingStatus')} className="input">
            {filingStatuses.map((f) => (
              <option key={f} value={f}>
                {humanize(f)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Country" error={errors.country?.message}>
        {(p) => <input {...p} {...form.register('country')} className="input uppercase" maxLength={2} />}
      </Field>
      <Field label="State (optional)" error={errors.state?.message}>
        {(p) => <input {...p} {...form.register('state')} className="input uppercase" maxLength={8} />}
      </Field>
      <div className="flex flex-wrap gap-2 sm:col-span-3">
        <button type="submit" className="btn" disabled={save.isPending}>
          {stored ? 'Save person' : 'Add person'}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {save.isError && (
        <div className="sm:col-span-3">
          <ErrorMessage error={save.error} title={stored ? 'The person was not changed' : 'The person was not added'} />
        </div>
      )}
    </form>
  );
}
