import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { ImportResult } from '../api/types';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts } from '../household/queries';
import { ErrorMessage } from '../components/DataState';
import { countCsvRecords, previewCsv, type CsvPreview } from '../lib/csv';
import { formatNumber } from '../lib/format';
import { MappingWizard, useSavedMapping } from '../imports/MappingWizard';
import { CorporateActions } from '../imports/CorporateActions';
import { StatementImport } from '../imports/StatementImport';

type Kind = 'transactions' | 'prices';

interface Loaded {
  name: string;
  text: string;
  preview: CsvPreview;
  records: number;
  /** Counts the files picked, so a new pick of the same name starts a fresh wizard. */
  pick: number;
}

/** How a transactions file is read: a preset detected from the file, or the user's column mapping. */
type Reading = 'detect' | 'map';

/**
 * Import in three steps: pick a file and see its first rows; import strictly (the server
 * checks every row and, if any is bad, stores nothing and names each bad row); then, only
 * if the user confirms, import the good rows and skip the named ones.
 */
export function ImportPage() {
  const householdId = useHouseholdId();
  const accounts = useAccounts(householdId);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('transactions');
  const [accountId, setAccountId] = useState('');
  const [symbol, setSymbol] = useState('');
  const [file, setFile] = useState<Loaded | null>(null);
  const [confirmSkip, setConfirmSkip] = useState(false);
  const [readingChoice, setReadingChoice] = useState<Reading | null>(null);
  const saved = useSavedMapping(householdId, accountId);
  // An account with a saved mapping reads its files with it unless the user says otherwise.
  const reading: Reading = readingChoice ?? (saved.data ? 'map' : 'detect');
  const mapping = kind === 'transactions' && accountId !== '' && reading === 'map';

  const importFile = useMutation({
    mutationFn: async ({ skipInvalid }: { skipInvalid: boolean }): Promise<ImportResult> => {
      if (!file) throw new Error('Choose a file first.');
      const csv = { bodySerializer: (b: string) => b, headers: { 'Content-Type': 'text/csv' } };
      if (kind === 'transactions') {
        return unwrap(
          api.POST('/api/v1/households/{householdId}/imports/transactions', {
            params: { path: { householdId }, query: { accountId, skipInvalid } },
            body: file.text,
            ...csv,
          }),
        );
      }
      return unwrap(
        api.POST('/api/v1/households/{householdId}/imports/prices', {
          params: { path: { householdId }, query: { skipInvalid, ...(symbol ? { symbol } : {}) } },
          body: file.text,
          ...csv,
        }),
      );
    },
    onSuccess: async () => {
      setConfirmSkip(false);
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });

  async function onFile(f: File | undefined) {
    importFile.reset();
    setConfirmSkip(false);
    if (!f) return setFile(null);
    const text = await f.text();
    setFile((old) => ({ name: f.name, text, preview: previewCsv(text, 20), records: countCsvRecords(text), pick: (old?.pick ?? 0) + 1 }));
  }

  const rejected = importFile.error instanceof ApiError && importFile.error.code === 'import-rejected' ? importFile.error.items : null;
  const badRows = new Map((rejected ?? []).filter((e) => e.row != null).map((e) => [e.row!, e]));
  const ready = file !== null && (kind === 'prices' || accountId !== '');

  return (
    <>
      <h1>Import a CSV file</h1>
      <section className="card space-y-3" aria-labelledby="import-step1">
        <h2 id="import-step1">1. Choose what and where</h2>
        <fieldset>
          <legend className="label">The file holds</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" value="transactions" checked={kind === 'transactions'} onChange={() => setKind('transactions')} />
              Transactions of one account (a broker's export, or any CSV with a column mapping)
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" value="prices" checked={kind === 'prices'} onChange={() => setKind('prices')} />
              Daily prices (one symbol, or wide closes)
            </label>
          </div>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          {kind === 'transactions' ? (
            <label className="text-sm">
              <span className="label">Account</span>
              <select
                className="input"
                value={accountId}
                onChange={(e) => {
                  setAccountId(e.target.value);
                  setReadingChoice(null);
                }}
                required
              >
                <option value="">Choose an account…</option>
                {accounts.data?.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label className="text-sm">
              <span className="label">Symbol (for a one-symbol OHLCV file)</span>
              <input className="input uppercase" value={symbol} onChange={(e) => setSymbol(e.target.value.toUpperCase())} />
            </label>
          )}
          <label className="text-sm">
            <span className="label">CSV file</span>
            <input type="file" accept=".csv,text/csv" className="input" onChange={(e) => void onFile(e.target.files?.[0])} />
          </label>
        </div>
        {kind === 'transactions' && accountId !== '' && (
          <fieldset>
            <legend className="label">Read the file</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-1">
                <input type="radio" name="reading" value="detect" checked={reading === 'detect'} onChange={() => setReadingChoice('detect')} />
                Detect the broker's layout
              </label>
              <label className="flex items-center gap-1">
                <input type="radio" name="reading" value="map" checked={reading === 'map'} onChange={() => setReadingChoice('map')} />
                Map the columns myself (any CSV){saved.data ? ': this account has a saved mapping' : ''}
              </label>
            </div>
          </fieldset>
        )}
        <p className="text-xs text-slate-600">Layouts and rules: docs/import.md. Re-importing a file adds nothing twice.</p>
      </section>

      {file && (
        <section className="card overflow-x-auto" aria-labelledby="import-step2">
          <h2 id="import-step2" className="mb-2">
            2. Check the preview
          </h2>
          <p className="mb-2 text-sm">
            {file.name}: {formatNumber(file.records)} rows{file.records > file.preview.rows.length ? `, the first ${file.preview.rows.length} shown` : ''}.
          </p>
          <table className="table" data-testid="import-preview">
            <thead>
              <tr>
                <th scope="col">Row</th>
                {file.preview.header.map((h, i) => (
                  <th scope="col" key={i}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {file.preview.rows.map((r, i) => {
                // Rows are numbered as the server's errors number them: the header is row 1 (docs/import.md).
                const row = i + 2;
                const err = badRows.get(row);
                return (
                  <tr key={i} className={err ? 'bg-red-50' : ''} {...(err ? { 'aria-invalid': true } : {})}>
                    <td className="num">{row}</td>
                    {r.map((c, j) => (
                      <td key={j} className={err && err.column === file.preview.header[j] ? 'font-semibold text-red-900' : ''}>
                        {c}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {mapping && file && !saved.isPending && (
        <MappingWizard key={`${file.pick}|${accountId}`} householdId={householdId} accountId={accountId} file={file} saved={saved.data ?? null} />
      )}
      {mapping && saved.isError && <ErrorMessage error={saved.error} title="The saved mapping could not be read" />}

      <section className="card space-y-3" aria-labelledby="import-step3" hidden={mapping}>
        <h2 id="import-step3">3. Import</h2>
        <button type="button" className="btn" disabled={!ready || importFile.isPending} onClick={() => importFile.mutate({ skipInvalid: false })}>
          {importFile.isPending ? 'Importing…' : 'Import'}
        </button>
        {importFile.isSuccess && <ImportSummary result={importFile.data} />}
        {rejected && (
          <div role="alert" className="space-y-2">
            <p className="font-semibold text-red-900">Nothing was imported: {rejected.length} row error(s).</p>
            <table className="table" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {rejected.map((e, i) => (
                  <tr key={i}>
                    <td className="num">{e.row ?? ''}</td>
                    <td>{e.column ?? ''}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={confirmSkip} onChange={(e) => setConfirmSkip(e.target.checked)} />
              Import the other rows and leave these out
            </label>
            <button type="button" className="btn-secondary" disabled={!confirmSkip || importFile.isPending} onClick={() => importFile.mutate({ skipInvalid: true })}>
              Import valid rows only
            </button>
          </div>
        )}
        {importFile.isError && !rejected && <ErrorMessage error={importFile.error} title="The import failed" />}
      </section>
      <StatementImport householdId={householdId} />
      <CorporateActions householdId={householdId} />
    </>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="import-result">
      <p className="font-semibold">
        Imported {formatNumber(result.imported)} row(s) ({result.layout} layout); {formatNumber(result.duplicatesSkipped)} duplicate(s) skipped.
      </p>
      {result.createdInstruments.length > 0 && <p>New instruments created: {result.createdInstruments.join(', ')}. Check their type and asset class.</p>}
      {result.skipped.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {result.skipped.map((e, i) => (
            <li key={i}>
              Row {e.row}
              {e.column ? ` (${e.column})` : ''} left out: {e.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
