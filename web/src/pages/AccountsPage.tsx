import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts, useValuation } from '../household/queries';
import { accountSchema, accountTypes, reliefMethods, type AccountForm } from '../household/accountSchema';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { AccountEditor } from '../household/AccountEditor';
import { formatMoney, humanize } from '../lib/format';

export function AccountsPage() {
  const householdId = useHouseholdId();
  const accounts = useAccounts(householdId);
  const valuation = useValuation(householdId);
  const [editing, setEditing] = useState<string | null>(null);
  const edited = accounts.data?.find((a) => a.id === editing);
  return (
    <>
      <h1>Accounts</h1>
      <section className="card overflow-x-auto" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="mb-2">
          Balances today
        </h2>
        <QueryView query={accounts}>
          {(list) =>
            list.length === 0 ? (
              <Empty>No accounts yet. Add one below, then import its transactions.</Empty>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Type</th>
                    <th scope="col">Institution</th>
                    <th scope="col" className="num">Holdings</th>
                    <th scope="col" className="num">Cash</th>
                    <th scope="col" className="num">Balance</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => {
                    const v = valuation.data?.accounts.find((x) => x.accountId === a.id);
                    const cur = valuation.data?.currency ?? a.baseCurrency;
                    const pending = valuation.isPending ? '…' : '—';
                    return (
                      <tr key={a.id}>
                        <td>
                          <Link to={`../holdings?account=${a.id}`} relative="path" className="font-medium text-brand-700 hover:underline">
                            {a.name}
                          </Link>
                          {a.numberMasked && <span className="ml-1 text-xs text-slate-600">{a.numberMasked}</span>}
                        </td>
                        <td>{humanize(a.type)}</td>
                        <td>{a.institution}</td>
                        <td className="num">{v ? formatMoney(v.positions, cur) : pending}</td>
                        <td className="num">{v ? formatMoney(v.cash, cur) : pending}</td>
                        <td className="num font-medium">{v ? formatMoney(v.total, cur) : pending}</td>
                        <td className="whitespace-nowrap">
                          <Link to={`/households/${householdId}/accounts/${a.id}/orders`} className="btn-secondary mr-1" aria-label={`Orders of ${a.name}`}>
                            Orders
                          </Link>
                          <button type="button" className="btn-secondary" aria-label={`Edit ${a.name}`} onClick={() => setEditing(a.id)}>
                            Edit
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                {valuation.isSuccess && (
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={5} className="text-right">
                        Net worth ({valuation.data.currency})
                      </th>
                      <td className="num font-semibold">{formatMoney(valuation.data.netWorth, valuation.data.currency)}</td>
                      <td />
                    </tr>
                  </tfoot>
                )}
              </table>
            )
          }
        </QueryView>
        {valuation.isError && <div className="mt-2"><ErrorMessage error={valuation.error} title="Balances could not be valued" /></div>}
      </section>
      {edited && (
        <section className="card" aria-labelledby="edit-account-heading">
          <h2 id="edit-account-heading" className="mb-2">
            Edit {edited.name}
          </h2>
          <AccountEditor key={`${edited.id}-${edited.version}`} householdId={householdId} account={edited} onDone={() => setEditing(null)} />
        </section>
      )}
      <CreateAccount householdId={householdId} />
    </>
  );
}

function CreateAccount({ householdId }: { householdId: string }) {
  const queryClient = useQueryClient();
  const form = useForm<AccountForm>({
    resolver: zodResolver(accountSchema),
    defaultValues: { name: '', type: 'TaxableBrokerage', baseCurrency: 'USD', institution: '', number: '', reliefMethod: 'Fifo', wholeSharesOnly: false },
  });
  const create = useMutation({
    mutationFn: (v: AccountForm) =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/accounts', {
          params: { path: { householdId } },
          body: { ...v, number: v.number || null, ownerId: null },
        }),
      ),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  const { errors } = form.formState;
  return (
    <section className="card" aria-labelledby="new-account-heading">
      <h2 id="new-account-heading" className="mb-2">
        Add an account
      </h2>
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-3 sm:grid-cols-3" noValidate>
        <Field label="Name" error={errors.name?.message}>
          {(p) => <input {...p} {...form.register('name')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Type" error={errors.type?.message}>
          {(p) => (
            <select {...p} {...form.register('type')} className="input">
              {accountTypes.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Currency" error={errors.baseCurrency?.message}>
          {(p) => <input {...p} {...form.register('baseCurrency')} className="input uppercase" maxLength={3} />}
        </Field>
        <Field label="Institution" error={errors.institution?.message}>
          {(p) => <input {...p} {...form.register('institution')} className="input" />}
        </Field>
        <Field label="Account number (optional)" error={errors.number?.message} hint="Stored encrypted; only the last digits are shown.">
          {(p) => <input {...p} {...form.register('number')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Lot relief method" error={errors.reliefMethod?.message}>
          {(p) => (
            <select {...p} {...form.register('reliefMethod')} className="input">
              {reliefMethods.map((m) => (
                <option key={m} value={m}>
                  {humanize(m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input type="checkbox" {...form.register('wholeSharesOnly')} />
          Trade whole shares only (rebalancing buys and sells whole units)
        </label>
        <div className="sm:col-span-3">
          <button type="submit" className="btn" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add account'}
          </button>
        </div>
      </form>
      {create.isError && <div className="mt-3"><ErrorMessage error={create.error} title="The account was not added" /></div>}
      {create.isSuccess && <p role="status" className="mt-2 text-sm text-green-800">Added {create.data.name}.</p>}
    </section>
  );
}
