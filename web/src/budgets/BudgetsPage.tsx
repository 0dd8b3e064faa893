import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { formatMoney, formatPercent, todayIso } from '../lib/format';
import { useCategories, type Category } from '../categories/queries';
import { budgetKeys, isMonth, progressBar, useBudgetMonth, type BudgetLine } from './queries';
import { LearnMore } from '../learning/LearnMore';
import { MonthFxRates } from './MonthFxRates';

/** Budgets (docs/budgets.md): a monthly amount per expense category with rollover, and the chosen month's budget against actual. */
export function BudgetsPage() {
  const householdId = useHouseholdId();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const monthQuery = useBudgetMonth(householdId, month);
  const categories = useCategories(householdId);
  const expense = (categories.data ?? []).filter((c) => c.kind === 'Expense');
  return (
    <>
      <h1>Budgets</h1>
      <section className="card space-y-3" aria-labelledby="month-heading">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="month-heading" className="mr-auto">
            Budget against actual
          </h2>
          <label className="text-sm">
            Month{' '}
            <input type="month" className="input" value={month} onChange={(e) => setMonth(e.target.value)} aria-label="Month" />
          </label>
        </div>
        {!isMonth(month) ? (
          <p className="text-sm text-slate-600">Choose a month.</p>
        ) : (
          <QueryView query={monthQuery}>
            {(m) =>
              m.lines.length === 0 ? (
                <Empty>No budget applies to {m.month} yet. Set one below: an amount a month for an expense category.
                  <LearnMore slug="emergency-fund">Why an emergency fund comes first</LearnMore>
                </Empty>
              ) : (
                <>
                  <ul className="space-y-3" aria-label={`Budgets for ${m.month}`}>
                    {m.lines.map((line) => (
                      <BudgetLineRow key={line.budgetId} householdId={householdId} line={line} currency={m.currency} />
                    ))}
                  </ul>
                  <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="budget-totals">
                    <Stat label="Budgeted" value={formatMoney(m.totalBudgeted, m.currency)} />
                    <Stat label="Available" value={formatMoney(m.totalAvailable, m.currency)} />
                    <Stat label="Spent" value={formatMoney(m.totalSpent, m.currency)} />
                    <Stat label="Spent outside budgets" value={formatMoney(m.unbudgetedSpending, m.currency)} />
                  </dl>
                  {m.unconverted.length > 0 ? (
                    <p role="alert" className="text-sm text-amber-800">
                      Left out for want of an FX rate: {m.unconverted.map((u) => formatMoney(u.amount, u.currency)).join(', ')}. Enter the rate under Settings, or fix one for the month below.
                    </p>
                  ) : null}
                  <MonthFxRates householdId={householdId} month={m} />
                </>
              )
            }
          </QueryView>
        )}
      </section>
      <SetBudgetForm householdId={householdId} categories={expense} month={isMonth(month) ? month : todayIso().slice(0, 7)} />
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-semibold">{value}</dd>
    </div>
  );
}

function BudgetLineRow({ householdId, line, currency }: { householdId: string; line: BudgetLine; currency: string }) {
  const queryClient = useQueryClient();
  // The box shows the click at once; the server's answer (and the month read again) settles it.
  const [asked, setAsked] = useState<boolean | null>(null);
  const { width, over } = progressBar(line);
  const save = useMutation({
    mutationFn: (rollover: boolean) =>
      unwrap(
        api.PUT('/api/v1/households/{householdId}/budgets/{categoryId}', {
          params: { path: { householdId, categoryId: line.categoryId } },
          body: { amount: line.budgeted, rollover, startMonth: line.startMonth },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetKeys.all(householdId) }),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/households/{householdId}/budgets/{categoryId}', { params: { path: { householdId, categoryId: line.categoryId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: budgetKeys.all(householdId) }),
  });
  return (
    <li data-testid="budget-line" className="space-y-1">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="mr-auto font-medium">{line.categoryPath}</span>
        <span className="text-sm" data-testid="budget-spent">
          {formatMoney(line.spent, currency)} of {formatMoney(line.available, currency)}
        </span>
        <span className={`text-sm ${over ? 'font-semibold text-red-700' : 'text-slate-600'}`} data-testid="budget-remaining">
          {over ? `${formatMoney(-line.remaining, currency)} over` : `${formatMoney(line.remaining, currency)} left`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`${line.categoryPath} spent`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(width)}
        aria-valuetext={line.progress === null ? 'nothing available' : formatPercent(line.progress, undefined, 0)}
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className={`h-full ${over ? 'bg-red-700' : 'bg-blue-700'}`} style={{ width: `${width}%` }} />
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
        <span>
          {formatMoney(line.budgeted, currency)} a month from {line.startMonth}
          {line.carriedIn !== 0 ? `, ${formatMoney(line.carriedIn, currency)} carried in` : ''}
        </span>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={asked ?? line.rollover}
            disabled={save.isPending}
            onChange={(e) => {
              setAsked(e.target.checked);
              save.mutate(e.target.checked, { onSettled: () => setAsked(null) });
            }}
            aria-label={`Roll over ${line.categoryPath}`}
          />
          Roll over what is left
        </label>
        <button type="button" className="underline" onClick={() => remove.mutate()} disabled={remove.isPending}>
          Remove
        </button>
      </div>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
    </li>
  );
}

function SetBudgetForm({ householdId, categories, month }: { householdId: string; categories: Category[]; month: string }) {
  const queryClient = useQueryClient();
  const [categoryId, setCategoryId] = useState('');
  const [amount, setAmount] = useState('');
  const [rollover, setRollover] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/households/{householdId}/budgets/{categoryId}', {
          params: { path: { householdId, categoryId } },
          body: { amount: Number(amount), rollover, startMonth: month },
        }),
      ),
    onSuccess: () => {
      setAmount('');
      return queryClient.invalidateQueries({ queryKey: budgetKeys.all(householdId) });
    },
  });
  const valid = categoryId !== '' && amount.trim() !== '' && Number.isFinite(Number(amount)) && Number(amount) >= 0;
  return (
    <form
      aria-label="Set a budget"
      className="card flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) save.mutate();
      }}
    >
      <h2 className="w-full">Set a budget</h2>
      <label className="text-sm">
        Category{' '}
        <select className="input" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} aria-label="Category">
          <option value="">Choose…</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.path}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Amount a month{' '}
        <input className="input w-32" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-label="Amount a month" />
      </label>
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={rollover} onChange={(e) => setRollover(e.target.checked)} /> Roll over what is left
      </label>
      <button type="submit" className="btn-primary" disabled={!valid || save.isPending}>
        Save budget from {month}
      </button>
      {save.error ? <ErrorMessage error={save.error} /> : null}
    </form>
  );
}
