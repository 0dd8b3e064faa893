import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { zodResolver } from '@hookform/resolvers/zod';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Transaction } from '../api/types';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts, useInstruments } from '../household/queries';
import { filtersFromParams, filtersToParams, pageCount, pageSizes, transactionFilterSchema, type TransactionFilters } from '../household/transactionFilters';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { TransactionEntry } from '../household/TransactionEntry';
import { emptyTransaction, fromTransaction } from '../household/transactionSchema';
import { Field } from '../components/Field';
import { formatDate, formatMoney, formatNumber, humanize, todayIso } from '../lib/format';

export function TransactionsPage() {
  const householdId = useHouseholdId();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const accounts = useAccounts(householdId);
  const instruments = useInstruments(householdId);
  const list = useQuery({
    queryKey: keys.transactions(householdId, filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/households/{householdId}/transactions', {
          params: {
            path: { householdId },
            query: {
              ...(filters.accountId ? { accountId: filters.accountId } : {}),
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              page: filters.page,
              pageSize: filters.pageSize,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const form = useForm<z.input<typeof transactionFilterSchema>, unknown, TransactionFilters>({ resolver: zodResolver(transactionFilterSchema), values: filters });
  const { errors } = form.formState;
  const accountName = new Map(accounts.data?.map((a) => [a.id, a.name]));
  const symbol = new Map(instruments.data?.map((i) => [i.id, i.symbol]));

  const go = (f: TransactionFilters) => setParams(filtersToParams(f));
  const [editing, setEditing] = useState<Transaction | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (t: Transaction) => unwrap(api.DELETE('/api/v1/households/{householdId}/transactions/{transactionId}', { params: { path: { householdId, transactionId: t.id } } })),
    onSuccess: async () => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <>
      <h1>Transactions</h1>
      <section className="card" aria-labelledby="new-tx-heading">
        <h2 id="new-tx-heading" className="mb-2">
          Add a transaction
        </h2>
        {accounts.data && instruments.data ? (
          accounts.data.length === 0 ? (
            <Empty>Add an account first (Accounts page).</Empty>
          ) : (
            <TransactionEntry householdId={householdId} accounts={accounts.data} instruments={instruments.data} initial={emptyTransaction(accounts.data[0]?.id, todayIso())} />
          )
        ) : null}
      </section>
      {editing && accounts.data && instruments.data && (
        <section className="card" aria-labelledby="edit-tx-heading">
          <h2 id="edit-tx-heading" className="mb-2">
            Edit the {humanize(editing.type).toLowerCase()} of {formatDate(editing.tradeDate)}
          </h2>
          {(editing.type === 'TransferIn' || editing.type === 'TransferOut') && <p className="mb-2 text-sm text-slate-600">The other half of the transfer changes with it.</p>}
          <TransactionEntry key={editing.id} householdId={householdId} accounts={accounts.data} instruments={instruments.data} initial={fromTransaction(editing)} stored={editing} onDone={() => setEditing(null)} />
        </section>
      )}
      <form
        className="card grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end"
        onSubmit={form.handleSubmit((f) => go({ ...f, page: 1 }))}
        aria-label="Filter transactions"
        noValidate
      >
        <Field label="Account">
          {(p) => (
            <select {...p} {...form.register('accountId')} className="input">
              <option value="">All accounts</option>
              {accounts.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="From" error={errors.from?.message}>
          {(p) => <input {...p} type="date" {...form.register('from')} className="input" />}
        </Field>
        <Field label="To" error={errors.to?.message}>
          {(p) => <input {...p} type="date" {...form.register('to')} className="input" />}
        </Field>
        <Field label="Per page">
          {(p) => (
            <select {...p} {...form.register('pageSize')} className="input">
              {pageSizes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="btn">
          Apply
        </button>
      </form>
      <section className="card overflow-x-auto" aria-labelledby="tx-heading" aria-busy={list.isFetching}>
        <h2 id="tx-heading" className="mb-2">
          History, newest first
        </h2>
        <QueryView query={list}>
          {(page) => {
            const pages = pageCount(page.totalCount, page.pageSize);
            return page.items.length === 0 ? (
              <Empty>No transactions match.</Empty>
            ) : (
              <>
                <table className="table" data-testid="transactions-table">
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Account</th>
                      <th scope="col">Type</th>
                      <th scope="col">Symbol</th>
                      <th scope="col" className="num">Quantity</th>
                      <th scope="col" className="num">Price</th>
                      <th scope="col" className="num">Fees</th>
                      <th scope="col" className="num">Amount</th>
                      <th scope="col">Memo</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((t) => (
                      <tr key={t.id}>
                        <td className="whitespace-nowrap">{formatDate(t.tradeDate)}</td>
                        <td>{accountName.get(t.accountId) ?? '…'}</td>
                        <td>{humanize(t.type)}</td>
                        <td>{t.instrumentId ? (symbol.get(t.instrumentId) ?? '…') : ''}</td>
                        <td className="num">{t.quantity ? formatNumber(t.quantity) : ''}</td>
                        <td className="num">{t.price ? formatMoney(t.price, t.currency) : ''}</td>
                        <td className="num">{t.fees ? formatMoney(t.fees, t.currency) : ''}</td>
                        <td className="num">{t.amount ? formatMoney(t.amount, t.currency) : ''}</td>
                        <td className="max-w-48 truncate">{t.memo}</td>
                        <td className="whitespace-nowrap">
                          {confirming === t.id ? (
                            <span className="flex gap-1">
                              <button type="button" className="btn-secondary text-red-800" onClick={() => remove.mutate(t)} disabled={remove.isPending}>
                                {t.transferId ? 'Delete both halves' : 'Confirm delete'}
                              </button>
                              <button type="button" className="btn-secondary" onClick={() => setConfirming(null)}>
                                Keep
                              </button>
                            </span>
                          ) : (
                            <span className="flex gap-1">
                              <button type="button" className="btn-secondary" aria-label={`Edit the ${humanize(t.type).toLowerCase()} of ${formatDate(t.tradeDate)}`} onClick={() => setEditing(t)}>
                                Edit
                              </button>
                              <button type="button" className="btn-secondary" aria-label={`Delete the ${humanize(t.type).toLowerCase()} of ${formatDate(t.tradeDate)}`} onClick={() => setConfirming(t.id)}>
                                Delete
                              </button>
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {remove.isError && <ErrorMessage error={remove.error} title="The transaction was not deleted" />}
                <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
                  <button type="button" className="btn-secondary" disabled={filters.page <= 1} onClick={() => go({ ...filters, page: filters.page - 1 })}>
                    Previous
                  </button>
                  <span>
                    Page {page.page} of {pages} · {formatNumber(page.totalCount)} transactions
                  </span>
                  <button type="button" className="btn-secondary" disabled={filters.page >= pages} onClick={() => go({ ...filters, page: filters.page + 1 })}>
                    Next
                  </button>
                </nav>
              </>
            );
          }}
        </QueryView>
      </section>
    </>
  );
}
