import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Account, Instrument, Transaction } from '../api/types';
import { keys } from './queries';
import { entryTypes, fieldsOf, toEditRequest, toRequests, transactionSchema, type TransactionForm, type TransactionRequest } from './transactionSchema';
import { ErrorMessage } from '../components/DataState';
import { Field } from '../components/Field';
import { formatDate, formatMoney, formatNumber, humanize } from '../lib/format';

/**
 * Adds a transaction, or edits `stored`. A sell shows which lots it would relieve under the
 * account's relief method (POST …/transactions/sell-preview) before anything is booked.
 */
export function TransactionEntry({
  householdId,
  accounts,
  instruments,
  initial,
  stored,
  onDone,
}: {
  householdId: string;
  accounts: Account[];
  instruments: Instrument[];
  initial: TransactionForm;
  stored?: Transaction;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm<TransactionForm>({ resolver: zodResolver(transactionSchema), defaultValues: initial });
  const values = useWatch({ control: form.control }) as TransactionForm;
  const uses = fieldsOf[values.type];
  const transferEdit = stored?.type === 'TransferIn' || stored?.type === 'TransferOut';
  const save = useMutation({
    mutationFn: async (v: TransactionForm) => {
      const path = { householdId };
      if (stored) {
        return [await unwrap(api.PUT('/api/v1/households/{householdId}/transactions/{transactionId}', { params: { path: { ...path, transactionId: stored.id } }, body: toEditRequest(v, stored) }))];
      }
      const requests = toRequests(v);
      if (requests.length === 1) return [await unwrap(api.POST('/api/v1/households/{householdId}/transactions', { params: { path }, body: requests[0]! }))];
      return (await unwrap(api.POST('/api/v1/households/{householdId}/transactions/batch', { params: { path }, body: { transactions: requests } }))).transactions;
    },
    onSuccess: async () => {
      if (!stored) form.reset({ ...initial, type: form.getValues('type'), accountId: form.getValues('accountId'), tradeDate: form.getValues('tradeDate') });
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
      onDone?.();
    },
  });
  const { errors } = form.formState;
  const verb = stored ? 'Save changes' : 'Add transaction';
  return (
    <div>
      <form
        onSubmit={form.handleSubmit((v) => save.mutate(v))}
        className="grid gap-3 sm:grid-cols-3"
        aria-label={stored ? 'Edit the transaction' : 'New transaction'}
        noValidate
      >
        <Field label="Type" error={errors.type?.message}>
          {(p) => (
            <select {...p} {...form.register('type')} className="input" disabled={transferEdit}>
              {entryTypes
                .filter((t) => !stored || transferEdit === (t === 'Transfer'))
                .map((t) => (
                  <option key={t} value={t}>
                    {humanize(t)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {!transferEdit && (
          <Field label={values.type === 'Transfer' ? 'From account' : 'Account'} error={errors.accountId?.message}>
            {(p) => (
              <select {...p} {...form.register('accountId')} className="input">
                <option value="">Choose…</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {uses.includes('toAccountId') && !transferEdit && (
          <Field label="To account" error={errors.toAccountId?.message}>
            {(p) => (
              <select {...p} {...form.register('toAccountId')} className="input">
                <option value="">Choose…</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Date" error={errors.tradeDate?.message}>
          {(p) => <input {...p} type="date" {...form.register('tradeDate')} className="input" />}
        </Field>
        {uses.includes('instrumentId') && (
          <Field label="Instrument" error={errors.instrumentId?.message} {...(values.type === 'Transfer' ? { hint: 'None: a transfer of cash.' } : {})}>
            {(p) => (
              <select {...p} {...form.register('instrumentId')} className="input">
                <option value="">{values.type === 'Transfer' || values.type === 'Dividend' ? 'None' : 'Choose…'}</option>
                {instruments.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.symbol} · {i.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {uses.includes('quantity') && (values.type !== 'Transfer' || values.instrumentId) && (
          <Field label="Quantity" error={errors.quantity?.message}>
            {(p) => <input {...p} {...form.register('quantity')} className="input" inputMode="decimal" />}
          </Field>
        )}
        {uses.includes('price') && (
          <Field label="Price" error={errors.price?.message}>
            {(p) => <input {...p} {...form.register('price')} className="input" inputMode="decimal" />}
          </Field>
        )}
        {uses.includes('fees') && (
          <Field label="Fees" error={errors.fees?.message}>
            {(p) => <input {...p} {...form.register('fees')} className="input" inputMode="decimal" />}
          </Field>
        )}
        {uses.includes('split') && (
          <>
            <Field label="New units" error={errors.splitNumerator?.message} hint="A 2-for-1 split: 2 new units…">
              {(p) => <input {...p} {...form.register('splitNumerator')} className="input" inputMode="decimal" />}
            </Field>
            <Field label="Old units" error={errors.splitDenominator?.message} hint="…for every 1 old unit.">
              {(p) => <input {...p} {...form.register('splitDenominator')} className="input" inputMode="decimal" />}
            </Field>
          </>
        )}
        {uses.includes('amount') && (values.type !== 'Transfer' || !values.instrumentId) && (
          <Field label={values.type === 'Split' ? 'Cash in lieu (optional)' : 'Amount'} error={errors.amount?.message}>
            {(p) => <input {...p} {...form.register('amount')} className="input" inputMode="decimal" />}
          </Field>
        )}
        <Field label="Memo" error={errors.memo?.message}>
          {(p) => <input {...p} {...form.register('memo')} className="input" autoComplete="off" />}
        </Field>
        <div className="flex flex-wrap gap-2 sm:col-span-3">
          <button type="submit" className="btn" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : verb}
          </button>
          {onDone && stored && (
            <button type="button" className="btn-secondary" onClick={onDone}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {values.type === 'Sell' && <SellPreview householdId={householdId} form={values} accounts={accounts} replacing={stored?.id} />}
      {save.isError && (
        <div className="mt-3">
          <ErrorMessage error={save.error} title={stored ? 'The transaction was not changed' : 'The transaction was not added'} />
        </div>
      )}
      {save.isSuccess && !stored && (
        <p role="status" className="mt-2 text-sm text-green-800">
          Added {save.data.length === 2 ? 'the transfer' : humanize(save.data[0]?.type ?? '').toLowerCase()}.
        </p>
      )}
    </div>
  );
}

/** Waits for typing to settle before asking the server, so each keystroke is not a request. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  const json = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(json) as T), ms);
    return () => clearTimeout(timer);
  }, [json, ms]);
  return settled;
}

function SellPreview({ householdId, form, accounts, replacing }: { householdId: string; form: TransactionForm; accounts: Account[]; replacing: string | undefined }) {
  const parsed = transactionSchema.safeParse(form);
  const request: TransactionRequest | null = parsed.success ? (toRequests(parsed.data)[0] ?? null) : null;
  const settled = useSettled(request);
  const preview = useQuery({
    // Not under the household key: booking the sale refreshes the household, and a refetch of the
    // preview just booked would ask to sell the same lots twice.
    queryKey: ['sell-preview', householdId, replacing ?? '', settled],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/transactions/sell-preview', {
          params: { path: { householdId }, query: replacing ? { replacing } : {} },
          body: settled!,
        }),
      ),
    enabled: settled !== null,
    retry: false,
  });
  const currency = accounts.find((a) => a.id === form.accountId)?.baseCurrency ?? 'USD';
  if (!settled) return <p className="mt-3 text-sm text-slate-600">Give the account, instrument, date and quantity to see which lots the sale relieves.</p>;
  if (preview.isError) return <div className="mt-3"><ErrorMessage error={preview.error} title="This sale cannot be booked" /></div>;
  if (!preview.data) return <p role="status" className="mt-3 text-sm text-slate-600">Working out the lots…</p>;
  const p = preview.data;
  return (
    <section className="mt-3 overflow-x-auto" aria-labelledby="sell-preview-heading" data-testid="sell-preview">
      <h3 id="sell-preview-heading" className="text-sm font-semibold">
        Lots this sale relieves ({humanize(p.reliefMethod)})
      </h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Acquired</th>
            <th scope="col" className="num">Quantity</th>
            <th scope="col" className="num">Cost basis</th>
            <th scope="col" className="num">Proceeds</th>
            <th scope="col" className="num">Gain</th>
            <th scope="col">Term</th>
          </tr>
        </thead>
        <tbody>
          {p.lots.map((l) => (
            <tr key={l.lotId}>
              <td>{formatDate(l.acquiredDate)}</td>
              <td className="num">{formatNumber(l.quantity)}</td>
              <td className="num">{formatMoney(l.costBasis, currency)}</td>
              <td className="num">{formatMoney(l.proceeds, currency)}</td>
              <td className="num">{formatMoney(l.gain, currency)}</td>
              <td>{humanize(l.term)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{formatNumber(p.quantity)}</td>
            <td className="num">{formatMoney(p.costBasis, currency)}</td>
            <td className="num">{formatMoney(p.proceeds, currency)}</td>
            <td className="num font-medium">{formatMoney(p.gain, currency)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
