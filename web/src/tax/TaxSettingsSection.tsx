import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Instrument } from '../api/types';
import { keys } from '../household/queries';
import { fromProfile, taxSettingsSchema, toProfile, type TaxProfile, type TaxSettingsForm } from './taxSettingsSchema';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { LearnMore } from '../learning/LearnMore';

/**
 * The household's tax rates and harvesting thresholds (PUT …/tax-profile) and its table of
 * replacement securities (…/replacement-funds): what the harvesting scan above needs to say what a
 * sale would save and what to buy instead.
 */
export function TaxSettingsSection({ householdId, instruments }: { householdId: string; instruments: Instrument[] }) {
  const profile = useQuery({
    queryKey: [...keys.household(householdId), 'tax-profile'],
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/tax-profile', { params: { path: { householdId } } })),
  });
  return (
    <section className="card space-y-4" aria-labelledby="tax-settings-heading">
      <h2 id="tax-settings-heading">Tax settings</h2>
      <QueryView query={profile}>{(p) => <RatesForm householdId={householdId} profile={p} />}</QueryView>
      <Replacements householdId={householdId} instruments={instruments} />
    </section>
  );
}

function RatesForm({ householdId, profile }: { householdId: string; profile: TaxProfile }) {
  const queryClient = useQueryClient();
  const form = useForm<TaxSettingsForm>({ resolver: zodResolver(taxSettingsSchema), defaultValues: fromProfile(profile) });
  const save = useMutation({
    mutationFn: (v: TaxSettingsForm) => unwrap(api.PUT('/api/v1/households/{householdId}/tax-profile', { params: { path: { householdId } }, body: toProfile(v, profile) })),
    // The form stays mounted (its saved message with it); the next save carries the refetched version.
    onSuccess: async (saved) => {
      form.reset(fromProfile(saved));
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-3 sm:grid-cols-3" aria-label="Tax rates" noValidate>
      <Field label="Short-term rate (%)" error={errors.shortTermRate?.message} hint="Your marginal rate on gains held a year or less.">
        {(p) => <input {...p} {...form.register('shortTermRate')} className="input" inputMode="decimal" />}
      </Field>
      <Field label="Long-term rate (%)" error={errors.longTermRate?.message} hint="Your rate on gains held more than a year.">
        {(p) => <input {...p} {...form.register('longTermRate')} className="input" inputMode="decimal" />}
      </Field>
      <Field label="Cost per trade" error={errors.costPerTrade?.message} hint="Commission and spread, per sale or buy.">
        {(p) => <input {...p} {...form.register('costPerTrade')} className="input" inputMode="decimal" />}
      </Field>
      <Field label="Smallest loss worth harvesting" error={errors.harvestMinLoss?.message}>
        {(p) => <input {...p} {...form.register('harvestMinLoss')} className="input" inputMode="decimal" />}
      </Field>
      <Field label="Smallest loss as a share of the lot (%)" error={errors.harvestMinLossFraction?.message}>
        {(p) => <input {...p} {...form.register('harvestMinLossFraction')} className="input" inputMode="decimal" />}
      </Field>
      <div className="flex items-end">
        <button type="submit" className="btn" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save tax settings'}
        </button>
      </div>
      <div className="sm:col-span-3">
        {save.isError && <ErrorMessage error={save.error} title="The tax settings were not saved" />}
        {save.isSuccess && (
          <p role="status" className="text-sm text-green-800">
            Tax settings saved.
          </p>
        )}
      </div>
    </form>
  );
}

function Replacements({ householdId, instruments }: { householdId: string; instruments: Instrument[] }) {
  const queryClient = useQueryClient();
  const queryKey = [...keys.household(householdId), 'replacement-funds'];
  const list = useQuery({ queryKey, queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/replacement-funds', { params: { path: { householdId } } })) });
  const [instrumentId, setInstrumentId] = useState('');
  const [replacementId, setReplacementId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
  const add = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/replacement-funds', { params: { path: { householdId } }, body: { instrumentId, replacementId, rank: 0 } })),
    onSuccess: async () => {
      setInstrumentId('');
      setReplacementId('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/households/{householdId}/replacement-funds/{replacementId}', { params: { path: { householdId, replacementId: id } } })),
    onSuccess: refresh,
  });
  const symbol = (id: string) => instruments.find((i) => i.id === id)?.symbol ?? '…';
  const options = instruments.map((i) => (
    <option key={i.id} value={i.id}>
      {i.symbol} · {i.name}
    </option>
  ));
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Replacement securities</h3>
      <p className="text-sm text-slate-600">What to buy after harvesting a loss: similar exposure, but not substantially identical (or the loss is a wash sale).</p>
      <QueryView query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>
              No replacements yet.
              <LearnMore slug="wash-sale-rule">What counts as substantially identical</LearnMore>
            </Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="replacements">
              {rows.map((r) => (
                <li key={r.id} className="flex items-center gap-2 py-1.5">
                  <span className="grow">
                    Sell {symbol(r.instrumentId)}, buy {symbol(r.replacementId)}
                  </span>
                  <button type="button" className="btn-secondary" aria-label={`Remove ${symbol(r.replacementId)} as replacement for ${symbol(r.instrumentId)}`} onClick={() => remove.mutate(r.id)}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <form
        className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        aria-label="Add a replacement"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = !instrumentId || !replacementId ? 'Choose both securities' : instrumentId === replacementId ? 'A replacement is a different security' : null;
          setFieldError(problem);
          if (!problem) add.mutate();
        }}
      >
        <Field label="When selling" error={fieldError ?? undefined}>
          {(p) => (
            <select {...p} className="input" value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
              <option value="">Choose…</option>
              {options}
            </select>
          )}
        </Field>
        <Field label="Buy instead">
          {(p) => (
            <select {...p} className="input" value={replacementId} onChange={(e) => setReplacementId(e.target.value)}>
              <option value="">Choose…</option>
              {options}
            </select>
          )}
        </Field>
        <button type="submit" className="btn" disabled={add.isPending}>
          Add replacement
        </button>
      </form>
      {add.isError && <ErrorMessage error={add.error} title="The replacement was not added" />}
      {remove.isError && <ErrorMessage error={remove.error} title="The replacement was not removed" />}
    </div>
  );
}
