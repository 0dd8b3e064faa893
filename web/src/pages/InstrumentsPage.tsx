import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { AssetClass, Instrument } from '../api/types';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useInstrumentCatalog } from '../household/queries';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { humanize } from '../lib/format';
import { assetClasses, emptyInstrument, instrumentSchema, instrumentTypes, toForm, toRequest, type InstrumentForm } from '../instruments/instrumentSchema';

const pageSize = 50;

/**
 * The instruments the household may use: the shared list (kept by the server's operators) and its
 * own private ones (custom assets, symbols an import created), searchable and paged; the household's
 * own can be created and edited here.
 */
export function InstrumentsPage() {
  const householdId = useHouseholdId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const assetClass = (params.get('assetClass') || undefined) as AssetClass | undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const catalog = useInstrumentCatalog(householdId, { q, assetClass, page, pageSize });
  const [editing, setEditing] = useState<string | null>(null);
  const set = (name: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(name, value);
        else p.delete(name);
        if (name !== 'page') p.delete('page');
        return p;
      },
      { replace: true },
    );
  const pages = catalog.data ? Math.max(1, Math.ceil(catalog.data.totalCount / pageSize)) : 1;
  return (
    <>
      <h1>Instruments</h1>
      <section className="card space-y-3" aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">Shared and your own</h2>
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="label">Search</span>
            <input type="search" className="input" value={q} placeholder="Symbol, name or ISIN" onChange={(e) => set('q', e.target.value)} />
          </label>
          <label className="text-sm">
            <span className="label">Asset class</span>
            <select className="input" value={assetClass ?? ''} onChange={(e) => set('assetClass', e.target.value)}>
              <option value="">Any</option>
              {assetClasses.map((c) => (
                <option key={c} value={c}>
                  {humanize(c)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <QueryView query={catalog}>
          {(result) =>
            result.items.length === 0 ? (
              <Empty>No instrument matches. Add one of your own below.</Empty>
            ) : (
              <div className="overflow-x-auto">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Symbol</th>
                      <th scope="col">Name</th>
                      <th scope="col">Type</th>
                      <th scope="col">Asset class</th>
                      <th scope="col">Currency</th>
                      <th scope="col">Exchange</th>
                      <th scope="col">ISIN</th>
                      <th scope="col">Kept by</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((i) =>
                      editing === i.id ? (
                        <tr key={i.id}>
                          <td colSpan={9}>
                            <InstrumentEditor householdId={householdId} instrument={i} onDone={() => setEditing(null)} />
                          </td>
                        </tr>
                      ) : (
                        <tr key={i.id}>
                          <td className="font-medium">{i.symbol}</td>
                          <td>{i.name}</td>
                          <td>{humanize(i.type)}</td>
                          <td className={i.assetClass === 'Unclassified' ? 'font-medium text-amber-800' : undefined}>{humanize(i.assetClass)}</td>
                          <td>{i.currency}</td>
                          <td>{i.exchange}</td>
                          <td>{i.isin ?? ''}</td>
                          <td>{i.householdId ? 'This household' : 'Shared'}</td>
                          <td>
                            {i.editable && (
                              <button type="button" className="btn-secondary" onClick={() => setEditing(i.id)} aria-label={`Edit ${i.symbol}`}>
                                Edit
                              </button>
                            )}
                          </td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
        {catalog.data && (
          <nav aria-label="Instrument pages" className="flex items-center gap-2 text-sm">
            <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
              Previous
            </button>
            <span>
              Page {page} of {pages} ({catalog.data.totalCount} instruments)
            </span>
            <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => set('page', String(page + 1))}>
              Next
            </button>
          </nav>
        )}
      </section>
      <section className="card" aria-labelledby="new-instrument-heading">
        <h2 id="new-instrument-heading" className="mb-1">
          Add an instrument of your own
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          For what the shared list lacks (a custom asset, a local fund): only this household sees it, and you enter its prices.
        </p>
        <InstrumentEditor householdId={householdId} />
      </section>
    </>
  );
}

/** Creates a private instrument (no <c>instrument</c>) or edits one. */
function InstrumentEditor({ householdId, instrument, onDone }: { householdId: string; instrument?: Instrument; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<InstrumentForm>({
    resolver: zodResolver(instrumentSchema),
    defaultValues: instrument ? toForm(instrument) : emptyInstrument,
  });
  const save = useMutation({
    mutationFn: (v: InstrumentForm) =>
      instrument
        ? unwrap(api.PUT('/api/v1/instruments/{instrumentId}', { params: { path: { instrumentId: instrument.id } }, body: toRequest(v, null) }))
        : unwrap(api.POST('/api/v1/instruments', { body: toRequest(v, householdId) })),
    onSuccess: async () => {
      if (!instrument) form.reset(emptyInstrument);
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
      onDone?.();
    },
  });
  const { errors } = form.formState;
  const verb = instrument ? 'Save' : 'Add instrument';
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-3 sm:grid-cols-4" noValidate aria-label={instrument ? `Edit ${instrument.symbol}` : 'New instrument'}>
      <Field label="Symbol" error={errors.symbol?.message}>
        {(p) => <input {...p} {...form.register('symbol')} className="input uppercase" autoComplete="off" />}
      </Field>
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} className="input" autoComplete="off" />}
      </Field>
      <Field label="Type" error={errors.type?.message}>
        {(p) => (
          <select {...p} {...form.register('type')} className="input">
            {instrumentTypes.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Asset class" error={errors.assetClass?.message}>
        {(p) => (
          <select {...p} {...form.register('assetClass')} className="input">
            {assetClasses.map((c) => (
              <option key={c} value={c}>
                {humanize(c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Currency" error={errors.currency?.message}>
        {(p) => <input {...p} {...form.register('currency')} className="input uppercase" maxLength={3} />}
      </Field>
      <Field label="Exchange" error={errors.exchange?.message}>
        {(p) => <input {...p} {...form.register('exchange')} className="input uppercase" autoComplete="off" />}
      </Field>
      <Field label="ISIN (optional)" error={errors.isin?.message}>
        {(p) => <input {...p} {...form.register('isin')} className="input uppercase" maxLength={12} autoComplete="off" />}
      </Field>
      <div className="flex items-end gap-2">
        <button type="submit" className="btn" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : verb}
        </button>
        {onDone && (
          <button type="button" className="btn-secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {save.isError && (
        <div className="sm:col-span-4">
          <ErrorMessage error={save.error} title={instrument ? `${instrument.symbol} was not saved` : 'The instrument was not added'} />
        </div>
      )}
      {save.isSuccess && !instrument && (
        <p role="status" className="text-sm text-green-800 sm:col-span-4">
          Added {save.data.symbol}.
        </p>
      )}
    </form>
  );
}
