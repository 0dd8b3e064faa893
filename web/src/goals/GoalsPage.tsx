import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts, useHousehold, usePeople } from '../household/queries';
import { usePlans } from '../plans/queries';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatDate, humanize } from '../lib/format';
import { GoalProgress } from './GoalProgress';
import { emptyGoalForm, fromGoal, goalKinds, goalSchema, toGoalBody, type Goal, type GoalForm } from './goalSchema';
import { useGoals } from './queries';
import { LearnMore } from '../learning/LearnMore';

/** Goals: what the household saves for, how far along each is, and whether its plan says it is on track. */
export function GoalsPage() {
  const householdId = useHouseholdId();
  const goals = useGoals(householdId);
  const household = useHousehold(householdId);
  return (
    <>
      <h1>Goals</h1>
      <section className="card" aria-labelledby="goals-list-heading">
        <h2 id="goals-list-heading" className="mb-2">
          Your goals
        </h2>
        <QueryView query={goals}>
          {(list) =>
            list.length === 0 ? (
              <Empty>No goals yet. Add one below: a house deposit, school fees, an emergency fund or retirement.
                <LearnMore slug="monte-carlo-success-probability">What a goal's success probability means</LearnMore>
              </Empty>
            ) : (
              <ul className="divide-y divide-slate-200">
                {list.map((g) => (
                  <GoalRow key={g.id} householdId={householdId} goal={g} />
                ))}
              </ul>
            )
          }
        </QueryView>
        <p className="mt-2 text-xs text-slate-600">
          Progress is the funding accounts&apos; value today. The status comes from the newest simulation of the goal&apos;s plan: on track at or above the plan&apos;s target success,
          at risk up to 15 points below it, off track further below.
        </p>
      </section>
      <section className="card" aria-labelledby="add-goal-heading">
        <h2 id="add-goal-heading" className="mb-2">
          Add a goal {household.data ? <span className="text-sm font-normal text-slate-600">({household.data.reportingCurrency}, today&apos;s money)</span> : null}
        </h2>
        <GoalEditor householdId={householdId} initial={emptyGoalForm} label="Add a goal" submitLabel="Add goal" />
      </section>
    </>
  );
}

function GoalRow({ householdId, goal }: { householdId: string; goal: Goal }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const people = usePeople(householdId);
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/households/{householdId}/goals/{goalId}', { params: { path: { householdId, goalId: goal.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.household(householdId) }),
  });
  const person = people.data?.find((p) => p.id === goal.personId);
  const when = goal.targetDate ? `by ${formatDate(goal.targetDate)}` : `when ${person?.name ?? 'a person'} is ${goal.targetAge}`;
  return (
    <li className="space-y-2 py-3" data-testid="goal">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{goal.name}</span>
        <span className="text-sm text-slate-600">
          {humanize(goal.kind)} · {when} · priority {goal.priority}
        </span>
        <span className="ml-auto space-x-2">
          <button type="button" className="btn-secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? 'Close' : 'Edit'}
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              if (window.confirm(`Delete the goal ${goal.name}?`)) remove.mutate();
            }}
          >
            Delete
          </button>
        </span>
      </div>
      <GoalProgress goal={goal} />
      {remove.isError && <ErrorMessage error={remove.error} title="Not deleted" />}
      {editing && <GoalEditor householdId={householdId} initial={fromGoal(goal)} goal={goal} label={`Edit ${goal.name}`} submitLabel="Save goal" onDone={() => setEditing(false)} />}
    </li>
  );
}

function GoalEditor({ householdId, initial, goal, label, submitLabel, onDone }: { householdId: string; initial: GoalForm; goal?: Goal; label: string; submitLabel: string; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const accounts = useAccounts(householdId);
  const people = usePeople(householdId);
  const plans = usePlans(householdId);
  const form = useForm<GoalForm>({ resolver: zodResolver(goalSchema), defaultValues: initial });
  const { errors } = form.formState;
  const when = form.watch('when');
  const save = useMutation({
    mutationFn: (v: GoalForm) =>
      goal
        ? unwrap(api.PUT('/api/v1/households/{householdId}/goals/{goalId}', { params: { path: { householdId, goalId: goal.id } }, body: toGoalBody(v, goal.version) }))
        : unwrap(api.POST('/api/v1/households/{householdId}/goals', { params: { path: { householdId } }, body: toGoalBody(v) })),
    onSuccess: async () => {
      if (!goal) form.reset(emptyGoalForm);
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
      onDone?.();
    },
  });
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-3 sm:grid-cols-3" noValidate aria-label={label}>
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} className="input" placeholder="House deposit" />}
      </Field>
      <Field label="Kind" error={errors.kind?.message}>
        {(p) => (
          <select {...p} {...form.register('kind')} className="input">
            {goalKinds.map((k) => (
              <option key={k} value={k}>
                {humanize(k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Amount needed" error={errors.targetAmount?.message}>
        {(p) => <input {...p} {...form.register('targetAmount')} className="input" inputMode="decimal" />}
      </Field>
      <Field label="Needed" error={errors.when?.message}>
        {(p) => (
          <select {...p} {...form.register('when')} className="input">
            <option value="date">By a date</option>
            <option value="age">At a person&apos;s age</option>
          </select>
        )}
      </Field>
      {when === 'date' ? (
        <Field label="Target date" error={errors.targetDate?.message}>
          {(p) => <input {...p} {...form.register('targetDate')} type="date" className="input" />}
        </Field>
      ) : (
        <>
          <Field label="Person" error={errors.personId?.message}>
            {(p) => (
              <select {...p} {...form.register('personId')} className="input">
                <option value="">Choose…</option>
                {(people.data ?? []).map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="At age" error={errors.targetAge?.message}>
            {(p) => <input {...p} {...form.register('targetAge')} className="input" inputMode="numeric" />}
          </Field>
        </>
      )}
      <Field label="Priority" error={errors.priority?.message}>
        {(p) => <input {...p} {...form.register('priority')} className="input" inputMode="numeric" />}
      </Field>
      <Field label="Tested by plan" error={errors.planId?.message}>
        {(p) => (
          <select {...p} {...form.register('planId')} className="input">
            <option value="">No plan</option>
            {(plans.data ?? []).map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="sm:col-span-3">
        <legend className="text-sm font-medium">Funded by</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {(accounts.data ?? []).map((a) => (
            <label key={a.id} className="flex items-center gap-1 text-sm">
              <input type="checkbox" value={a.id} {...form.register('fundingAccountIds')} />
              {a.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-3">
        <button type="submit" className="btn" disabled={save.isPending}>
          {submitLabel}
        </button>
        {save.isError && <ErrorMessage error={save.error} title="Not saved" />}
      </div>
    </form>
  );
}
