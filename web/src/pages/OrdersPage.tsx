import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { Instrument } from '../api/types';
import { useStepUp } from '../auth/StepUpDialog';
import { StepUpCancelled } from '../auth/stepUp';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { ScrollArea } from '../components/ScrollArea';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts, useInstruments } from '../household/queries';
import { formatDate, formatInstant, formatMoney, formatNumber, humanize } from '../lib/format';
import { emptyOrder, orderSchema, toPlaceOrder, type OrderForm } from '../orders/orderSchema';
import { describeRun, isOpen, waitingNote, type OrderDetails } from '../orders/orderState';
import { useAccountOrders } from '../orders/queries';

/** One account's orders (docs/orders.md): place one (step-up), check for fills now, cancel an open one, fills and history. */
export function OrdersPage() {
  const householdId = useHouseholdId();
  const { accountId } = useParams();
  if (!accountId) throw new Error('No account in the address.');
  const accounts = useAccounts(householdId);
  const account = accounts.data?.find((a) => a.id === accountId);
  const instruments = useInstruments(householdId);
  const orders = useAccountOrders(householdId, accountId);
  const bySymbol = new Map((instruments.data ?? []).map((i) => [i.id, i]));
  const currency = account?.baseCurrency ?? 'USD';
  return (
    <>
      <p className="text-sm">
        <Link to={`/households/${householdId}/accounts`} className="text-brand-700 hover:underline">
          ← Accounts
        </Link>
      </p>
      <h1>Orders{account ? `: ${account.name}` : ''}</h1>
      <PlaceOrder householdId={householdId} accountId={accountId} instruments={instruments.data ?? []} />
      <section className="card space-y-3" aria-labelledby="account-orders-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="account-orders-heading">Orders of this account</h2>
          <CheckForFills householdId={householdId} accountId={accountId} />
        </div>
        <p className="text-sm text-slate-600">
          {account?.broker === 'paper' || !account
            ? 'The paper broker fills a market order at the first stored daily close after the order’s day, and a limit order at the first such close that crosses its limit. Orders are checked every minute while the server’s jobs run, or now with the button.'
            : `The ${account.broker} broker executes these orders; fills appear when the broker reports them.`}
        </p>
        <QueryView query={orders} loadingLabel="Loading orders…">
          {(list) =>
            list.length === 0 ? (
              <Empty>No orders in this account yet.</Empty>
            ) : (
              <ul className="space-y-3">
                {list.map((o) => (
                  <li key={o.id}>
                    <OrderCard householdId={householdId} order={o} instrument={bySymbol.get(o.instrumentId)} currency={currency} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

function PlaceOrder({ householdId, accountId, instruments }: { householdId: string; accountId: string; instruments: Instrument[] }) {
  const queryClient = useQueryClient();
  const stepUp = useStepUp('Placing an order needs a fresh confirmation: enter the six-digit code from your authenticator app (or a recovery code).');
  const form = useForm<OrderForm>({ resolver: zodResolver(orderSchema), defaultValues: emptyOrder });
  const type = useWatch({ control: form.control, name: 'type' });
  const place = useMutation({
    mutationFn: (v: OrderForm) => {
      // One key per submission: the retry after the step-up, or after a lost answer, places nothing twice.
      const key = crypto.randomUUID();
      return stepUp.run(() =>
        unwrap(
          api.POST('/api/v1/accounts/{accountId}/orders', {
            params: { path: { accountId }, header: { 'Idempotency-Key': key } },
            body: toPlaceOrder(v),
          }),
        ),
      );
    },
    onSuccess: async () => {
      form.reset(emptyOrder);
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  const { errors } = form.formState;
  const errorCode = place.error instanceof ApiError ? place.error.code : undefined;
  return (
    <section className="card space-y-2" aria-labelledby="place-order-heading">
      <h2 id="place-order-heading">Place an order</h2>
      <form onSubmit={form.handleSubmit((v) => place.mutate(v))} className="grid gap-3 sm:grid-cols-3" noValidate>
        <Field label="Instrument" error={errors.instrumentId?.message}>
          {(p) => (
            <select {...p} {...form.register('instrumentId')} className="input">
              <option value="">Choose…</option>
              {instruments.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.symbol} – {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Side" error={errors.side?.message}>
          {(p) => (
            <select {...p} {...form.register('side')} className="input">
              <option value="Buy">Buy</option>
              <option value="Sell">Sell</option>
            </select>
          )}
        </Field>
        <Field label="Order type" error={errors.type?.message}>
          {(p) => (
            <select {...p} {...form.register('type')} className="input">
              <option value="Market">Market</option>
              <option value="Limit">Limit</option>
            </select>
          )}
        </Field>
        <Field label="Quantity" error={errors.quantity?.message}>
          {(p) => <input {...p} {...form.register('quantity')} className="input" inputMode="decimal" autoComplete="off" />}
        </Field>
        {type === 'Limit' && (
          <Field label="Limit price" error={errors.limitPrice?.message}>
            {(p) => <input {...p} {...form.register('limitPrice')} className="input" inputMode="decimal" autoComplete="off" />}
          </Field>
        )}
        <div className="flex items-end">
          <button type="submit" className="btn" disabled={place.isPending}>
            Place order
          </button>
        </div>
      </form>
      {stepUp.dialog}
      {place.isSuccess && (
        <p role="status" className="text-sm text-green-900">
          Order placed: {place.data.side} {formatNumber(place.data.quantity)} ({place.data.type}), {humanize(place.data.status)}.
        </p>
      )}
      {errorCode === 'mfa-required' && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          Placing orders needs two-factor sign-in. Turn it on in <Link to={`/households/${householdId}/settings`} className="underline">Settings</Link>, then place the order again.
        </p>
      )}
      {place.isError && !(place.error instanceof StepUpCancelled) && errorCode !== 'mfa-required' && <ErrorMessage error={place.error} title="The order was not placed" />}
    </section>
  );
}

function CheckForFills({ householdId, accountId }: { householdId: string; accountId: string }) {
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/accounts/{accountId}/orders/process', { params: { path: { accountId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  return (
    <div className="space-y-1">
      <button type="button" className="btn-secondary" disabled={check.isPending} onClick={() => check.mutate()}>
        Check for fills now
      </button>
      {check.isSuccess && (
        <p role="status" className="text-sm text-slate-700" data-testid="fills-check">
          {describeRun(check.data)}
        </p>
      )}
      {check.isError && <ErrorMessage error={check.error} title="Could not check for fills" />}
    </div>
  );
}

function OrderCard({ householdId, order, instrument, currency }: { householdId: string; order: OrderDetails; instrument: Instrument | undefined; currency: string }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/accounts/{accountId}/orders/{orderId}/cancel', { params: { path: { accountId: order.accountId, orderId: order.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  const symbol = instrument?.symbol ?? 'instrument';
  const money = (v: number) => formatMoney(v, instrument?.currency ?? currency);
  const note = waitingNote(order);
  const headingId = `order-${order.id}`;
  return (
    <article className="rounded-md border border-slate-200 p-3" aria-labelledby={headingId} data-testid="order">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-medium">
          {order.side} {formatNumber(order.quantity)} {symbol} · {order.type}
          {order.limitPrice != null && ` at ${money(order.limitPrice)}`}
        </h3>
        <p className="text-sm">
          <span className="font-semibold" data-testid="order-status">
            {humanize(order.status)}
          </span>
          <span className="text-slate-600"> · placed {formatInstant(order.createdUtc)} · filled {formatNumber(order.filledQuantity)} of {formatNumber(order.quantity)}</span>
        </p>
      </div>
      {note && <p className="mt-1 text-sm text-slate-700">{note}</p>}
      {isOpen(order) && (
        <div className="mt-2">
          <button type="button" className="btn-secondary" disabled={cancel.isPending} onClick={() => cancel.mutate()} aria-label={`Cancel the order to ${order.side.toLowerCase()} ${formatNumber(order.quantity)} ${symbol}`}>
            Cancel order
          </button>
        </div>
      )}
      {cancel.isError && <ErrorMessage error={cancel.error} title="The order was not cancelled" />}
      {order.fills.length > 0 && (
        <ScrollArea label={`Fills of the order to ${order.side.toLowerCase()} ${symbol}`}>
          <table className="table mt-2">
            <caption className="text-left text-sm font-medium">Fills</caption>
            <thead>
              <tr>
                <th scope="col">Trade date</th>
                <th scope="col" className="num">Quantity</th>
                <th scope="col" className="num">Price</th>
                <th scope="col" className="num">Fees</th>
                <th scope="col">Booked</th>
              </tr>
            </thead>
            <tbody>
              {order.fills.map((f) => (
                <tr key={f.id}>
                  <td>{formatDate(f.tradeDate)}</td>
                  <td className="num">{formatNumber(f.quantity)}</td>
                  <td className="num">{money(f.price)}</td>
                  <td className="num">{money(f.fees)}</td>
                  <td>
                    {formatInstant(f.atUtc)} ·{' '}
                    <Link to={`/households/${householdId}/transactions?accountId=${order.accountId}`} className="text-brand-700 underline">
                      transaction
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {order.transitions.length > 0 && (
        <div className="mt-2">
          <h4 className="text-sm font-medium">History</h4>
          <ol className="list-decimal pl-5 text-sm text-slate-700">
            {order.transitions.map((t, i) => (
              <li key={i}>
                {formatInstant(t.atUtc)}: {humanize(t.from)} → {humanize(t.to)}
                {t.reason && ` (${t.reason})`}
              </li>
            ))}
          </ol>
        </div>
      )}
    </article>
  );
}
