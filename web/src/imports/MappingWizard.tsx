import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { ImportResult } from '../api/types';
import { keys } from '../household/queries';
import { Field } from '../components/Field';
import { ErrorMessage } from '../components/DataState';
import { parseCsv } from '../lib/csv';
import { formatNumber } from '../lib/format';
import {
  actionRows,
  fieldLabels,
  initialForm,
  mappableTypes,
  mappedFields,
  mappingFormSchema,
  toMapping,
  type ColumnMapping,
  type MappingForm,
} from './columnMapping';

export const importMappingKey = (householdId: string, accountId: string) => [...keys.household(householdId), 'import-mapping', accountId] as const;

/** The account's saved mapping, or null when it has none (the server answers 204). */
export function useSavedMapping(householdId: string, accountId: string) {
  return useQuery({
    queryKey: importMappingKey(householdId, accountId),
    enabled: accountId !== '',
    queryFn: async (): Promise<ColumnMapping | null> =>
      (await unwrap(api.GET('/api/v1/accounts/{accountId}/import-mapping', { params: { path: { accountId } } }))) ?? null,
  });
}

/** Sends the file with the mapping (multipart, as the CLI's --mapping does); dryRun previews and writes nothing. */
function sendMapped(householdId: string, accountId: string, file: { name: string; text: string }, mapping: ColumnMapping, query: { dryRun?: boolean; skipUnmapped?: boolean }) {
  const form = new FormData();
  form.append('file', new Blob([file.text], { type: 'text/csv' }), file.name);
  form.append('mapping', JSON.stringify(mapping));
  return unwrap(
    api.POST('/api/v1/households/{householdId}/imports/transactions', {
      params: { path: { householdId }, query: { accountId, ...query } },
      body: form as unknown as string,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

interface Props {
  householdId: string;
  accountId: string;
  file: { name: string; text: string };
  /** The account's saved mapping: reused when its columns are in this file. */
  saved: ColumnMapping | null;
}

/**
 * Reads a CSV no preset knows: the user picks the columns and says what each of the file's action words is,
 * previews the rows as the server would book them (a dry run, with every row error), imports, and saves the
 * mapping for the account so its next file needs none of this.
 */
export function MappingWizard({ householdId, accountId, file, saved }: Props) {
  const queryClient = useQueryClient();
  const table = useMemo(() => {
    const [header = [], ...rows] = parseCsv(file.text);
    return { header, rows };
  }, [file.text]);
  const initial = useMemo(() => initialForm(table.header, table.rows, saved), [table, saved]);
  const reused = saved !== null && initial.action !== '' && initial.action.toLowerCase() === saved.action.trim().toLowerCase();
  const form = useForm<MappingForm>({ resolver: zodResolver(mappingFormSchema), defaultValues: initial });
  const { register, handleSubmit, setValue, watch, formState } = form;
  const actions = watch('actions');
  const [skipUnmapped, setSkipUnmapped] = useState(false);
  const [save, setSave] = useState(true);

  const preview = useMutation({ mutationFn: (m: ColumnMapping) => sendMapped(householdId, accountId, file, m, { dryRun: true, skipUnmapped }) });
  const importFile = useMutation({
    mutationFn: async (m: ColumnMapping): Promise<ImportResult> => {
      const result = await sendMapped(householdId, accountId, file, m, { skipUnmapped });
      if (save) await unwrap(api.PUT('/api/v1/accounts/{accountId}/import-mapping', { params: { path: { accountId } }, body: m }));
      return result;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });

  const forget = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/accounts/{accountId}/import-mapping', { params: { path: { accountId } } })),
    onSuccess: () => queryClient.setQueryData(importMappingKey(householdId, accountId), null),
  });

  function download() {
    const blob = new Blob([JSON.stringify(toMapping(form.getValues()), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'mapping.json';
    a.click();
    URL.revokeObjectURL(a.href);
  }

  const rejected = (error: unknown) => (error instanceof ApiError && error.code === 'import-rejected' ? error.items : null);
  const previewErrors = rejected(preview.error);
  const importErrors = rejected(importFile.error);

  return (
    <form aria-label="Column mapping" className="card space-y-4" noValidate onSubmit={handleSubmit((v) => importFile.mutate(toMapping(v)))}>
      <h2>3. Map the columns</h2>
      {reused && (
        <p role="status" className="text-sm text-green-900" data-testid="mapping-reused">
          Using the mapping saved for this account. Check it, then import.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        {mappedFields.map((f) => (
          <Field key={f} label={`${fieldLabels[f]} column`} error={formState.errors[f]?.message}>
            {(p) => (
              <select
                className="input"
                {...p}
                {...register(f, f === 'action' ? { onChange: (e: { target: { value: string } }) => setValue('actions', actionRows(table.header, table.rows, e.target.value, {})) } : {})}
              >
                <option value="">{f === 'date' || f === 'action' ? 'Choose…' : 'Not in the file'}</option>
                {table.header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <Field label="Date format" hint="e.g. yyyy-MM-dd, dd.MM.yyyy, M/d/yyyy" error={formState.errors.dateFormat?.message}>
          {(p) => <input className="input" {...p} {...register('dateFormat')} />}
        </Field>
        <Field label="Decimal separator">
          {(p) => (
            <select className="input" {...p} {...register('decimalSeparator')}>
              <option value=".">. (1,234.56)</option>
              <option value=",">, (1.234,56)</option>
            </select>
          )}
        </Field>
      </div>

      <fieldset>
        <legend className="label">What each action word of the file is</legend>
        {actions.length === 0 ? (
          <p className="text-sm text-slate-600">Pick the action column to list its words.</p>
        ) : (
          <table className="table" data-testid="mapping-actions">
            <thead>
              <tr>
                <th scope="col">In the file</th>
                <th scope="col">Book as</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a, i) => (
                <tr key={a.word}>
                  <td>{a.word}</td>
                  <td>
                    <select className="input" aria-label={`Book "${a.word}" as`} {...register(`actions.${i}.type`)}>
                      <option value="">Not imported</option>
                      {mappableTypes.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {formState.errors.actions?.message && <p className="field-error">{formState.errors.actions.message}</p>}
      </fieldset>

      <div className="space-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={skipUnmapped} onChange={(e) => setSkipUnmapped(e.target.checked)} />
          Leave out the rows whose action is not imported (otherwise they reject the file)
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
          Save this mapping for the account (used for its next file)
        </label>
      </div>

      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" disabled={preview.isPending} onClick={handleSubmit((v) => preview.mutate(toMapping(v)))}>
          {preview.isPending ? 'Checking…' : 'Preview'}
        </button>
        <button type="submit" className="btn" disabled={importFile.isPending}>
          {importFile.isPending ? 'Importing…' : 'Import with this mapping'}
        </button>
        <button type="button" className="btn-secondary" onClick={download}>
          Download mapping (for the CLI's --mapping)
        </button>
        {saved && (
          <button type="button" className="btn-secondary" disabled={forget.isPending} onClick={() => forget.mutate()}>
            Forget the saved mapping
          </button>
        )}
      </div>

      {preview.isSuccess && <PreviewTable result={preview.data} />}
      {previewErrors && <RowErrors items={previewErrors} title="The preview found errors; nothing would be imported" />}
      {preview.isError && !previewErrors && <ErrorMessage error={preview.error} title="The preview failed" />}
      {importFile.isSuccess && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="import-result">
          Imported {formatNumber(importFile.data.imported)} row(s) ({importFile.data.layout} layout); {formatNumber(importFile.data.duplicatesSkipped)} duplicate(s) skipped
          {importFile.data.unmapped.length > 0 ? `; ${importFile.data.unmapped.length} row(s) not imported` : ''}.{save ? ' Mapping saved for this account.' : ''}
        </div>
      )}
      {importErrors && <RowErrors items={importErrors} title="Nothing was imported" />}
      {importFile.isError && !importErrors && <ErrorMessage error={importFile.error} title="The import failed" />}
    </form>
  );
}

function PreviewTable({ result }: { result: ImportResult }) {
  return (
    <div className="overflow-x-auto">
      <p className="mb-1 text-sm">
        {formatNumber(result.imported)} row(s) would be booked{result.unmapped.length > 0 ? `, ${result.unmapped.length} left out` : ''}; nothing was written.
      </p>
      <table className="table" data-testid="mapping-preview">
        <thead>
          <tr>
            {['Row', 'Type', 'Date', 'Symbol', 'Quantity', 'Price', 'Fees', 'Amount', 'Currency'].map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.preview.map((r, i) => (
            <tr key={i}>
              <td className="num">{r.row}</td>
              <td>{r.type}</td>
              <td>{r.date}</td>
              <td>{r.symbol ?? ''}</td>
              <td className="num">{formatNumber(r.quantity)}</td>
              <td className="num">{formatNumber(r.price)}</td>
              <td className="num">{formatNumber(r.fees)}</td>
              <td className="num">{formatNumber(r.amount)}</td>
              <td>{r.currency}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowErrors({ items, title }: { items: { row?: number | null; column?: string | null; message: string }[]; title: string }) {
  return (
    <div role="alert" className="space-y-1">
      <p className="font-semibold text-red-900">
        {title}: {items.length} row error(s).
      </p>
      <table className="table" data-testid="mapping-errors">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e, i) => (
            <tr key={i}>
              <td className="num">{e.row ?? ''}</td>
              <td>{e.column ?? ''}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
