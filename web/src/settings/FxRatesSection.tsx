import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { keys } from '../household/queries';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { formatDate, formatNumber, todayIso } from '../lib/format';

const code = z.string().trim().regex(/^[A-Za-z]{3}$/, 'A three-letter currency code, e.g. EUR.');
export const fxRateSchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date (yyyy-mm-dd).'),
    base: code,
    quote: code,
    rate: z.string().trim().regex(/^\d+(\.\d+)?$/, 'A positive number: units of the quote currency per one unit of the base.'),
  })
  .refine((v) => v.base.toUpperCase() !== v.quote.toUpperCase(), { path: ['quote'], message: 'The two currencies must differ.' })
  .refine((v) => Number(v.rate) > 0, { path: ['rate'], message: 'The rate must be above zero.' });

type FxRateForm = z.infer<typeof fxRateSchema>;

export const fxKey = (householdId: string) => [...keys.household(householdId), 'fx-rates'] as const;

/**
 * The household's own exchange rates: used for this household only, and winning over the shared
 * rates (which an administrator maintains) on the same pair and day. Enter one, or import a CSV
 * with the header Date,Base,Quote,Rate.
 */
export function FxRatesSection({ householdId }: { householdId: string }) {
  const queryClient = useQueryClient();
  const rates = useQuery({
    queryKey: fxKey(householdId),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/fx-rates', { params: { path: { householdId } } })),
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
  const form = useForm<FxRateForm>({ resolver: zodResolver(fxRateSchema), defaultValues: { date: todayIso(), base: '', quote: '', rate: '' } });
  const add = useMutation({
    mutationFn: (v: FxRateForm) =>
      unwrap(
        api.PUT('/api/v1/households/{householdId}/fx-rates', {
          params: { path: { householdId } },
          body: { date: v.date, base: v.base.toUpperCase(), quote: v.quote.toUpperCase(), rate: Number(v.rate) },
        }),
      ),
    onSuccess: async () => {
      form.reset({ date: todayIso(), base: '', quote: '', rate: '' });
      await invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (r: { base: string; quote: string; date: string }) =>
      unwrap(api.DELETE('/api/v1/households/{householdId}/fx-rates/{base}/{quote}/{date}', { params: { path: { householdId, ...r } } })),
    onSuccess: invalidate,
  });
  const [imported, setImported] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) =>
      unwrap(
        api.POST('/api/v1/households/{householdId}/fx-rates/import', {
          params: { path: { householdId }, query: {} },
          body: await file.text(),
          bodySerializer: (b: string) => b,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: async (result, file) => {
      setImported(`${file.name}: ${result.imported} rates imported, ${result.duplicatesSkipped} already present, ${result.skipped.length} skipped.`);
      await invalidate();
    },
  });
  const { errors } = form.formState;
  return (
    <div className="space-y-3">
      <QueryView query={rates}>
        {(list) =>
          list.length === 0 ? (
            <Empty>No rates of your own. Valuations use the shared rates; add one here when a currency has none.</Empty>
          ) : (
            <div className="max-h-80 overflow-auto">
              <table className="table" aria-label="Your exchange rates">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Pair</th>
                    <th scope="col" className="num">
                      Rate
                    </th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={`${r.base}${r.quote}${r.date}`}>
                      <td>{formatDate(r.date)}</td>
                      <td>
                        {r.base}/{r.quote}
                      </td>
                      <td className="num">{formatNumber(r.rate, undefined, 8)}</td>
                      <td>
                        <button type="button" className="btn-secondary" onClick={() => remove.mutate({ base: r.base, quote: r.quote, date: r.date })}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      {remove.isError && <ErrorMessage error={remove.error} title="Not removed" />}
      <form onSubmit={form.handleSubmit((v) => add.mutate(v))} className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_1fr_auto] sm:items-end" noValidate aria-label="Add an exchange rate">
        <Field label="Date" error={errors.date?.message}>
          {(p) => <input {...p} {...form.register('date')} type="date" className="input" />}
        </Field>
        <Field label="Base" error={errors.base?.message}>
          {(p) => <input {...p} {...form.register('base')} className="input uppercase" maxLength={3} placeholder="EUR" />}
        </Field>
        <Field label="Quote" error={errors.quote?.message}>
          {(p) => <input {...p} {...form.register('quote')} className="input uppercase" maxLength={3} placeholder="USD" />}
        </Field>
        <Field label="Rate" error={errors.rate?.message} hint="Quote units per 1 base">
          {(p) => <input {...p} {...form.register('rate')} className="input" inputMode="decimal" />}
        </Field>
        <button type="submit" className="btn" disabled={add.isPending}>
          Add rate
        </button>
      </form>
      {add.isError && <ErrorMessage error={add.error} title="Not saved" />}
      <label className="block text-sm">
        Import a CSV (Date,Base,Quote,Rate)
        <input
          type="file"
          accept=".csv,text/csv"
          className="input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
      </label>
      {upload.isError && <ErrorMessage error={upload.error} title="Rates not imported" />}
      {imported && (
        <p role="status" className="text-sm text-green-800">
          {imported}
        </p>
      )}
    </div>
  );
}
