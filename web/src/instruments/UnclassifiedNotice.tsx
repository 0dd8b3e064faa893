import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { AssetClass, Instrument } from '../api/types';
import { keys, useInstrumentCatalog } from '../household/queries';
import { ErrorMessage } from '../components/DataState';
import { humanize } from '../lib/format';
import { assetClasses, toForm, toRequest } from './instrumentForm';

/** The household's unclassified instruments in use (the notice's query; a page may wait for it, see DashboardPage). */
export function useUnclassified(householdId: string) {
  return useInstrumentCatalog(householdId, { assetClass: 'Unclassified', inUse: true, pageSize: 100 });
}

/**
 * Imports create the symbols they do not know as Unclassified rather than guess a class; this notice
 * lists the household's unclassified instruments and asks for each one's class.
 */
export function UnclassifiedNotice({ householdId }: { householdId: string }) {
  const unclassified = useUnclassified(householdId);
  const items = unclassified.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card border-amber-300 bg-amber-50" aria-labelledby="unclassified-heading">
      <h2 id="unclassified-heading" className="mb-1">
        {items.length === 1 ? 'One instrument needs an asset class' : `${unclassified.data?.totalCount} instruments need an asset class`}
      </h2>
      <p className="mb-2 text-sm text-slate-700">
        An import created these without knowing what they hold. Until you set a class, allocation and rebalancing count them as unclassified.{' '}
        <Link to="../instruments?assetClass=Unclassified" relative="path" className="text-brand-700 underline">
          Edit all details
        </Link>
      </p>
      <ul className="space-y-2">
        {items.map((i) => (
          <ClassifyRow key={i.id} householdId={householdId} instrument={i} />
        ))}
      </ul>
    </section>
  );
}

function ClassifyRow({ householdId, instrument }: { householdId: string; instrument: Instrument }) {
  const queryClient = useQueryClient();
  const [assetClass, setAssetClass] = useState<AssetClass>('UsEquity');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/instruments/{instrumentId}', {
          params: { path: { instrumentId: instrument.id } },
          body: toRequest({ ...toForm(instrument), assetClass }, null),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.household(householdId) }),
  });
  const label = `Asset class of ${instrument.symbol}`;
  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-24 font-medium">{instrument.symbol}</span>
      <span className="min-w-0 flex-1 truncate text-slate-600">{instrument.name}</span>
      {instrument.editable ? (
        <>
          <select aria-label={label} className="input w-auto" value={assetClass} onChange={(e) => setAssetClass(e.target.value as AssetClass)}>
            {assetClasses
              .filter((c) => c !== 'Unclassified')
              .map((c) => (
                <option key={c} value={c}>
                  {humanize(c)}
                </option>
              ))}
          </select>
          <button type="button" className="btn" disabled={save.isPending} onClick={() => save.mutate()}>
            Set class
          </button>
        </>
      ) : (
        <span className="text-slate-600">Shared instrument: the server's operators set its class.</span>
      )}
      {save.isError && <ErrorMessage error={save.error} title={`${instrument.symbol} was not changed`} />}
    </li>
  );
}
