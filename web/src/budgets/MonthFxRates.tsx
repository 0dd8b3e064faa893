import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ErrorMessage } from '../components/DataState';
import { budgetKeys, type BudgetMonth } from './queries';

const isCurrency = (s: string) => /^[A-Z]{3}$/.test(s);

/**
 * The month's fixed FX rates (docs/budgets.md, "Currencies"): a rate fixed for a currency and month wins over the
 * day's stored rates when that month's spending is converted into the reporting currency.
 */
export function MonthFxRates({ householdId, month }: { householdId: string; month: BudgetMonth }) {
  const queryClient = useQueryClient();
  const [currency, setCurrency] = useState('');
  const [rate, setRate] = useState('');
  const settled = () => queryClient.invalidateQueries({ queryKey: budgetKeys.all(householdId) });
  const path = (c: string) => ({ params: { path: { householdId, month: month.month, currency: c } } });
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PUT('/api/v1/households/{householdId}/budgets/months/{month}/fx-rates/{currency}', { ...path(currency), body: { rate: Number(rate) } })),
    onSuccess: () => {
      setCurrency('');
      setRate('');
      return settled();
    },
  });
  const remove = useMutation({
    mutationFn: (c: string) => unwrap(api.DELETE('/api/v1/households/{householdId}/budgets/months/{month}/fx-rates/{currency}', path(c))),
    onSuccess: settled,
  });
  const valid = isCurrency(currency) && currency !== month.currency && rate.trim() !== '' && Number(rate) > 0;
  return (
    <div className="space-y-2 text-sm" data-testid="month-fx-rates">
      <h3 className="font-medium">FX rates fixed for {month.month}</h3>
      {month.fxOverrides.length === 0 ? (
        <p className="text-slate-600">None: spending in other currencies converts at the stored rate of its day.</p>
      ) : (
        <ul aria-label={`FX rates fixed for ${month.month}`}>
          {month.fxOverrides.map((o) => (
            <li key={o.currency} className="flex items-center gap-3">
              <span>
                1 {o.currency} = {o.rate} {o.reportingCurrency}
              </span>
              <button type="button" className="underline" onClick={() => remove.mutate(o.currency)} disabled={remove.isPending} aria-label={`Remove the ${o.currency} rate`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Fix an FX rate for the month"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) save.mutate();
        }}
      >
        <label>
          Currency{' '}
          <input className="input w-20" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} aria-label="Currency" placeholder="EUR" />
        </label>
        <label>
          {month.currency} per unit{' '}
          <input className="input w-28" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} aria-label="Rate" />
        </label>
        <button type="submit" className="btn-secondary" disabled={!valid || save.isPending}>
          Fix the rate for {month.month}
        </button>
      </form>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
    </div>
  );
}
