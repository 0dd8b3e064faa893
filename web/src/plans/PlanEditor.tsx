import { useEffect } from 'react';
import { useFieldArray, useForm, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { planFormSchema, taxAccountsTotal, type PlanForm } from './scenarioForm';
import { TaxesFieldset } from './TaxesFieldset';
import { Field } from '../components/Field';

interface Props {
  initial: PlanForm;
  submitLabel: string;
  busy: boolean;
  onSubmit: (form: PlanForm) => void;
  /** Today's net worth, offered as the starting balance. */
  netWorth?: number | undefined;
  /** Every edit, as the form now stands (valid or not): the plan page previews it live. */
  onChange?: ((form: PlanForm) => void) | undefined;
}

/** People, saving, incomes, goals and market assumptions of a plan. */
export function PlanEditor({ initial, submitLabel, busy, onSubmit, netWorth, onChange }: Props) {
  const form = useForm<PlanForm>({ resolver: zodResolver(planFormSchema), defaultValues: initial });
  const { register, control, formState, setValue, watch } = form;
  const errors: FieldErrors<PlanForm> = formState.errors;
  const people = useFieldArray({ control, name: 'people' });
  const incomes = useFieldArray({ control, name: 'incomes' });
  const goals = useFieldArray({ control, name: 'goals' });
  const n = (name: Parameters<typeof register>[0]) => register(name, { valueAsNumber: true });
  useEffect(() => {
    if (!onChange) return undefined;
    const subscription = watch((values) => onChange(values as PlanForm));
    return () => subscription.unsubscribe();
  }, [watch, onChange]);
  const peopleNames = watch('people').map((p, i) => p.name || `Person ${i + 1}`);
  const taxes = watch('taxes');
  // With taxes the accounts are the starting balance (toScenario writes their total).
  const taxedBalance = taxes.enabled ? taxAccountsTotal(taxes) : undefined;
  useEffect(() => {
    if (taxedBalance !== undefined && Number.isFinite(taxedBalance)) setValue('startBalance', taxedBalance);
  }, [taxedBalance, setValue]);

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate aria-label="Plan">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Plan name" error={errors.name?.message}>
          {(p) => <input {...p} {...register('name')} className="input" />}
        </Field>
        <Field label="Starting balance" error={errors.startBalance?.message}>
          {(p) => <input {...p} type="number" step="any" readOnly={taxes.enabled} {...n('startBalance')} className="input" />}
        </Field>
        <div className="flex items-end">
          {taxes.enabled ? (
            <p className="text-sm text-slate-600">The sum of the accounts under Taxes.</p>
          ) : netWorth !== undefined && (
            <button type="button" className="btn-secondary" onClick={() => setValue('startBalance', netWorth, { shouldValidate: true })}>
              Use today's net worth
            </button>
          )}
        </div>
        <Field label="Monthly saving until retirement" error={errors.monthlySaving?.message}>
          {(p) => <input {...p} type="number" step="any" {...n('monthlySaving')} className="input" />}
        </Field>
        <Field label="Plan until age (first person)" error={errors.untilAge?.message}>
          {(p) => <input {...p} type="number" {...n('untilAge')} className="input" />}
        </Field>
        <Field label="Target success (%)" error={errors.targetSuccessPct?.message}>
          {(p) => <input {...p} type="number" step="any" {...n('targetSuccessPct')} className="input" />}
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="font-semibold">People</legend>
        {errors.people?.message && <p className="field-error">{errors.people.message}</p>}
        {people.fields.map((f, i) => (
          <div key={f.id} className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
            <Field label={`Person ${i + 1} name`} error={errors.people?.[i]?.name?.message}>
              {(p) => <input {...p} {...register(`people.${i}.name`)} className="input" />}
            </Field>
            <Field label="Age today" error={errors.people?.[i]?.age?.message}>
              {(p) => <input {...p} type="number" {...n(`people.${i}.age`)} className="input" />}
            </Field>
            <Field label="Retirement age" error={errors.people?.[i]?.retirementAge?.message}>
              {(p) => <input {...p} type="number" {...n(`people.${i}.retirementAge`)} className="input" />}
            </Field>
            <button type="button" className="btn-secondary" disabled={people.fields.length <= 1} onClick={() => people.remove(i)}>
              Remove
            </button>
          </div>
        ))}
        {people.fields.length < 2 && (
          <button type="button" className="btn-secondary" onClick={() => people.append({ name: '', age: 40, retirementAge: 65 })}>
            Add a person
          </button>
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">Goals (today's money)</legend>
        {errors.goals?.message && <p className="field-error">{errors.goals.message}</p>}
        {goals.fields.map((f, i) => {
          const kind = watch(`goals.${i}.kind`);
          return (
            <div key={f.id} className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] sm:items-end">
              <Field label="Goal" error={errors.goals?.[i]?.name?.message}>
                {(p) => <input {...p} {...register(`goals.${i}.name`)} className="input" />}
              </Field>
              <Field label="Kind">
                {(p) => (
                  <select {...p} {...register(`goals.${i}.kind`)} className="input">
                    <option value="retirement">Yearly in retirement</option>
                    <option value="lumpSum">One payment</option>
                  </select>
                )}
              </Field>
              <Field label={kind === 'retirement' ? 'Per year' : 'Amount'} error={errors.goals?.[i]?.amount?.message}>
                {(p) => <input {...p} type="number" step="any" {...n(`goals.${i}.amount`)} className="input" />}
              </Field>
              <Field label={kind === 'retirement' ? 'Until age' : 'At age'} error={errors.goals?.[i]?.age?.message}>
                {(p) => <input {...p} type="number" {...n(`goals.${i}.age`)} className="input" />}
              </Field>
              <Field label="Priority" error={errors.goals?.[i]?.priority?.message}>
                {(p) => <input {...p} type="number" min={1} {...n(`goals.${i}.priority`)} className="input" />}
              </Field>
              <button type="button" className="btn-secondary" onClick={() => goals.remove(i)}>
                Remove
              </button>
            </div>
          );
        })}
        <button type="button" className="btn-secondary" onClick={() => goals.append({ name: '', kind: 'lumpSum', priority: goals.fields.length + 1, amount: 10_000, age: 60 })}>
          Add a goal
        </button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">Income in retirement (today's money a year)</legend>
        {incomes.fields.map((f, i) => {
          const kind = watch(`incomes.${i}.kind`);
          return (
            <div key={f.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_1fr_auto] sm:items-end">
              <Field label="Kind">
                {(p) => (
                  <select {...p} {...register(`incomes.${i}.kind`)} className="input">
                    <option value="salary">Salary (until retirement)</option>
                    <option value="pension">Pension</option>
                    <option value="socialSecurity">Social Security</option>
                  </select>
                )}
              </Field>
              <Field label="Earner" error={errors.incomes?.[i]?.person?.message}>
                {(p) => (
                  <select {...p} {...n(`incomes.${i}.person`)} className="input">
                    {peopleNames.map((name, j) => (
                      <option key={j} value={j}>
                        {name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Per year" error={errors.incomes?.[i]?.annualAmount?.message}>
                {(p) => <input {...p} type="number" step="any" {...n(`incomes.${i}.annualAmount`)} className="input" />}
              </Field>
              {kind === 'salary' ? (
                <Field label="Real growth (%)" error={errors.incomes?.[i]?.growthPct?.message}>
                  {(p) => <input {...p} type="number" step="any" {...n(`incomes.${i}.growthPct`)} className="input" />}
                </Field>
              ) : (
                <Field label="From age" error={errors.incomes?.[i]?.fromAge?.message}>
                  {(p) => <input {...p} type="number" {...n(`incomes.${i}.fromAge`)} className="input" />}
                </Field>
              )}
              <button type="button" className="btn-secondary" onClick={() => incomes.remove(i)}>
                Remove
              </button>
            </div>
          );
        })}
        <button type="button" className="btn-secondary" onClick={() => incomes.append({ kind: 'pension', person: 0, annualAmount: 10_000, fromAge: 67, growthPct: 0 })}>
          Add an income
        </button>
      </fieldset>

      <TaxesFieldset form={form} />

      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-semibold">Market assumptions and simulation</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <Field label="Equity expected return (%/yr)" error={errors.equityReturnPct?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('equityReturnPct')} className="input" />}
          </Field>
          <Field label="Equity volatility (%/yr)" error={errors.equityVolatilityPct?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('equityVolatilityPct')} className="input" />}
          </Field>
          <Field label="Equity share (%)" error={errors.equityWeightPct?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('equityWeightPct')} className="input" />}
          </Field>
          <Field label="Bond expected return (%/yr)" error={errors.bondReturnPct?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('bondReturnPct')} className="input" />}
          </Field>
          <Field label="Bond volatility (%/yr)" error={errors.bondVolatilityPct?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('bondVolatilityPct')} className="input" />}
          </Field>
          <Field label="Correlation" error={errors.correlation?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('correlation')} className="input" />}
          </Field>
          <Field label="Inflation (%/yr)" error={errors.inflationPct?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('inflationPct')} className="input" />}
          </Field>
          <Field label="Annual fee (%)" error={errors.annualFeePct?.message}>
            {(p) => <input {...p} type="number" step="any" {...n('annualFeePct')} className="input" />}
          </Field>
          <Field label="Paths" error={errors.paths?.message}>
            {(p) => <input {...p} type="number" {...n('paths')} className="input" />}
          </Field>
          <Field label="Seed" error={errors.seed?.message}>
            {(p) => <input {...p} type="number" {...n('seed')} className="input" />}
          </Field>
        </div>
      </details>

      <button type="submit" className="btn" disabled={busy}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
