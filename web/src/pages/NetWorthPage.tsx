import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useHousehold, useValuation } from '../household/queries';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatDate, formatMoney, humanize, todayIso } from '../lib/format';
import { categoriesOf, categories, kinds, manualAssetSchema, valueSchema, type ManualAssetForm, type ValueForm } from '../networth/manualAssetSchema';

type ManualAsset = components['schemas']['ManualAssetDto'];

/** Net worth: accounts plus manual assets and liabilities (home, car, mortgage) with their value history. */
export function NetWorthPage() {
  const householdId = useHouseholdId();
  const household = useHousehold(householdId);
  const valuation = useValuation(householdId);
  const items = useQuery({
    queryKey: [...keys.household(householdId), 'manual-assets'],
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/manual-assets', { params: { path: { householdId } } })),
  });
  const currency = household.data?.reportingCurrency ?? 'USD';
  return (
    <>
      <h1>Net worth</h1>
      <section className="card" aria-labelledby="net-worth-heading">
        <h2 id="net-worth-heading" className="mb-2">
          Today
        </h2>
        <QueryView query={valuation}>
          {(v) => (
            <dl className="grid gap-2 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-slate-600">Assets</dt>
                <dd data-testid="nw-assets">{formatMoney(v.assets, v.currency)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Liabilities</dt>
                <dd data-testid="nw-liabilities">{formatMoney(v.liabilities, v.currency)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Net worth</dt>
                <dd data-testid="nw-total" className="text-lg font-semibold">
                  {formatMoney(v.netWorth, v.currency)}
                </dd>
              </div>
            </dl>
          )}
        </QueryView>
        <p className="mt-2 text-xs text-slate-600">Accounts at today&apos;s prices, plus each item below at its latest value on or before today.</p>
      </section>
      <section className="card overflow-x-auto" aria-labelledby="manual-heading">
        <h2 id="manual-heading" className="mb-2">
          Assets and liabilities outside your accounts
        </h2>
        <QueryView query={items}>
          {(list) =>
            list.length === 0 ? (
              <Empty>Nothing yet. Add a home, a car or a mortgage below.</Empty>
            ) : (
              <ul className="divide-y divide-slate-200">
                {list.map((item) => (
                  <ManualAssetRow key={item.id} householdId={householdId} item={item} />
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <section className="card" aria-labelledby="add-manual-heading">
        <h2 id="add-manual-heading" className="mb-2">
          Add an asset or liability
        </h2>
        <AddManualAsset householdId={householdId} currency={currency} />
      </section>
    </>
  );
}

function useInvalidate(householdId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
}

function AddManualAsset({ householdId, currency }: { householdId: string; currency: string }) {
  const invalidate = useInvalidate(householdId);
  const form = useForm<ManualAssetForm>({
    resolver: zodResolver(manualAssetSchema),
    defaultValues: { name: '', kind: 'Asset', category: 'RealEstate', currency, amount: '', date: todayIso() },
  });
  const kind = form.watch('kind');
  const add = useMutation({
    mutationFn: (v: ManualAssetForm) =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/manual-assets', {
          params: { path: { householdId } },
          body: { name: v.name, kind: v.kind, category: v.category, currency: v.currency.toUpperCase(), amount: Number(v.amount), date: v.date },
        }),
      ),
    onSuccess: async () => {
      form.reset({ name: '', kind: 'Asset', category: 'RealEstate', currency, amount: '', date: todayIso() });
      await invalidate();
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((v) => add.mutate(v))} className="grid gap-3 sm:grid-cols-3" noValidate aria-label="Add an asset or liability">
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} className="input" placeholder="Home" />}
      </Field>
      <Field label="Kind" error={errors.kind?.message}>
        {(p) => (
          <select
            {...p}
            {...form.register('kind', { onChange: (e) => form.setValue('category', categoriesOf(e.target.value)[0]!) })}
            className="input"
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Category" error={errors.category?.message}>
        {(p) => (
          <select {...p} {...form.register('category')} className="input">
            {categories
              .filter((c) => categoriesOf(kind).includes(c))
              .map((c) => (
                <option key={c} value={c}>
                  {humanize(c)}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field label={kind === 'Liability' ? 'Balance owed' : 'Value'} error={errors.amount?.message}>
        {(p) => <input {...p} {...form.register('amount')} className="input" inputMode="decimal" />}
      </Field>
      <Field label="As of" error={errors.date?.message}>
        {(p) => <input {...p} {...form.register('date')} type="date" className="input" />}
      </Field>
      <Field label="Currency" error={errors.currency?.message}>
        {(p) => <input {...p} {...form.register('currency')} className="input uppercase" maxLength={3} />}
      </Field>
      <div className="sm:col-span-3">
        <button type="submit" className="btn" disabled={add.isPending}>
          Add
        </button>
        {add.isError && <ErrorMessage error={add.error} title="Not added" />}
      </div>
    </form>
  );
}

function ManualAssetRow({ householdId, item }: { householdId: string; item: ManualAsset }) {
  const invalidate = useInvalidate(householdId);
  const [open, setOpen] = useState(false);
  const path = { householdId, manualAssetId: item.id };
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/households/{householdId}/manual-assets/{manualAssetId}', { params: { path } })),
    onSuccess: invalidate,
  });
  const latest = item.latest;
  const sign = item.kind === 'Liability' ? -1 : 1;
  return (
    <li className="py-2" data-testid="manual-asset">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{item.name}</span>
        <span className="text-sm text-slate-600">
          {humanize(item.category)} · {item.kind}
        </span>
        <span className="ml-auto num" data-testid="manual-asset-latest">
          {latest ? `${formatMoney(sign * latest.amount, item.currency)} (${formatDate(latest.date)})` : 'no value yet'}
        </span>
        <button type="button" className="btn-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide history' : 'History'}
        </button>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            if (window.confirm(`Delete ${item.name} and its history?`)) remove.mutate();
          }}
        >
          Delete
        </button>
      </div>
      {remove.isError && <ErrorMessage error={remove.error} title="Not deleted" />}
      {open && <ValueHistory householdId={householdId} item={item} />}
    </li>
  );
}

function ValueHistory({ householdId, item }: { householdId: string; item: ManualAsset }) {
  const invalidate = useInvalidate(householdId);
  const [editing, setEditing] = useState<string | null>(null);
  const form = useForm<ValueForm>({ resolver: zodResolver(valueSchema), defaultValues: { date: todayIso(), amount: '' } });
  const path = { householdId, manualAssetId: item.id };
  const save = useMutation({
    mutationFn: (v: ValueForm) => {
      const body = { date: v.date, amount: Number(v.amount) };
      return editing
        ? unwrap(api.PUT('/api/v1/households/{householdId}/manual-assets/{manualAssetId}/values/{valueId}', { params: { path: { ...path, valueId: editing } }, body }))
        : unwrap(api.POST('/api/v1/households/{householdId}/manual-assets/{manualAssetId}/values', { params: { path }, body }));
    },
    onSuccess: async () => {
      setEditing(null);
      form.reset({ date: todayIso(), amount: '' });
      await invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (valueId: string) =>
      unwrap(api.DELETE('/api/v1/households/{householdId}/manual-assets/{manualAssetId}/values/{valueId}', { params: { path: { ...path, valueId } } })),
    onSuccess: invalidate,
  });
  const { errors } = form.formState;
  return (
    <div className="mt-2 space-y-2 pl-2">
      <table className="table" aria-label={`${item.name} history`}>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col" className="num">
              {item.kind === 'Liability' ? 'Balance owed' : 'Value'}
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...item.values].reverse().map((v) => (
            <tr key={v.id}>
              <td>{formatDate(v.date)}</td>
              <td className="num">{formatMoney(v.amount, item.currency)}</td>
              <td className="space-x-2 whitespace-nowrap">
                <button
                  type="button"
                  className="btn-secondary"
                  onClick={() => {
                    setEditing(v.id);
                    form.reset({ date: v.date, amount: String(v.amount) });
                  }}
                >
                  Edit
                </button>
                <button type="button" className="btn-secondary" onClick={() => remove.mutate(v.id)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate aria-label={`${item.name} value`}>
        <Field label="Date" error={errors.date?.message}>
          {(p) => <input {...p} {...form.register('date')} type="date" className="input" />}
        </Field>
        <Field label={item.kind === 'Liability' ? 'Balance owed' : 'Value'} error={errors.amount?.message}>
          {(p) => <input {...p} {...form.register('amount')} className="input" inputMode="decimal" />}
        </Field>
        <button type="submit" className="btn" disabled={save.isPending}>
          {editing ? 'Save value' : 'Add value'}
        </button>
      </form>
      {save.isError && <ErrorMessage error={save.error} title="Not saved" />}
      {remove.isError && <ErrorMessage error={remove.error} title="Not removed" />}
    </div>
  );
}
