import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { ImportResult } from '../api/types';
import { keys, useAccounts } from '../household/queries';
import { ErrorMessage } from '../components/DataState';
import { formatDate, formatNumber } from '../lib/format';
import { decisionQuery, undecided, type Decision } from './statementImport';

/**
 * A bank, card or broker statement (OFX, QFX, QIF; docs/statements.md): preview what the server would book (a dry run:
 * nothing written), decide for each row that looks like a stored transaction whether it is the same one (skip) or a new
 * one (keep), then import all or nothing. The file is sent as its bytes (an OFX file may be Windows-1252).
 */
export function StatementImport({ householdId }: { householdId: string }) {
  const accounts = useAccounts(householdId);
  const queryClient = useQueryClient();
  const [accountId, setAccountId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});

  const send = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }): Promise<ImportResult> => {
      if (!file) throw new Error('Choose a statement first.');
      return unwrap(
        api.POST('/api/v1/households/{householdId}/imports/statement', {
          params: { path: { householdId }, query: { accountId, dryRun, ...decisionQuery(decisions) } },
          body: file as unknown as string,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': 'application/x-ofx' },
        }),
      );
    },
    onSuccess: async (result, { dryRun }) => {
      if (dryRun) {
        setPreview(result);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: keys.household(householdId) });
    },
  });

  function reset() {
    send.reset();
    setPreview(null);
    setDecisions({});
  }

  const rejected = send.error instanceof ApiError && send.error.code === 'import-rejected' ? send.error.items : null;
  const waiting = undecided(preview, decisions);
  const imported = send.isSuccess && send.variables?.dryRun === false ? send.data : null;

  return (
    <section className="card space-y-3" aria-labelledby="statement-import">
      <h2 id="statement-import">Import a bank, card or broker statement (OFX, QFX, QIF)</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="text-sm">
          <span className="label">Book the statement into</span>
          <select
            className="input"
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              reset();
            }}
          >
            <option value="">Choose an account…</option>
            {accounts.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="label">Statement file</span>
          <input
            type="file"
            accept=".ofx,.qfx,.qif"
            className="input"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
        </label>
      </div>
      <button type="button" className="btn-secondary" disabled={!file || accountId === '' || send.isPending} onClick={() => send.mutate({ dryRun: true })}>
        Preview statement
      </button>

      {preview && (
        <div className="space-y-3 overflow-x-auto">
          <p className="text-sm" role="status">
            {formatNumber(preview.imported)} new transaction(s) ({preview.layout}); {formatNumber(preview.duplicatesSkipped)} already imported. Nothing is written yet.
          </p>
          <table className="table" data-testid="statement-preview">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">Security</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Payee and memo</th>
                <th scope="col">Category</th>
              </tr>
            </thead>
            <tbody>
              {preview.preview.map((r, i) => (
                <tr key={i}>
                  <td className="num">{r.row}</td>
                  <td>{formatDate(r.date)}</td>
                  <td>{r.type}</td>
                  <td>{r.symbol ?? ''}</td>
                  <td className="num">
                    {formatNumber(r.type === 'Buy' || r.type === 'Sell' ? r.quantity : r.amount)} {r.type === 'Buy' || r.type === 'Sell' ? 'units' : r.currency}
                  </td>
                  <td>{r.memo ?? ''}</td>
                  <td>{r.category ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.possibleDuplicates.length > 0 && (
            <fieldset className="space-y-2" data-testid="possible-duplicates">
              <legend className="font-semibold">These rows look like transactions already stored: is each the same one?</legend>
              {preview.possibleDuplicates.map((d) => (
                <div key={d.row} className="flex flex-wrap items-center gap-3 text-sm">
                  <span>
                    Row {d.row}: {formatDate(d.date)} {d.type} {formatNumber(d.amount)} “{d.memo ?? ''}” looks like {formatDate(d.existingDate)} “{d.existingMemo ?? ''}”.
                  </span>
                  <label className="flex items-center gap-1">
                    <input type="radio" name={`dup-${d.row}`} checked={decisions[d.row] === 'skip'} onChange={() => setDecisions({ ...decisions, [d.row]: 'skip' })} />
                    Same transaction: skip row {d.row}
                  </label>
                  <label className="flex items-center gap-1">
                    <input type="radio" name={`dup-${d.row}`} checked={decisions[d.row] === 'keep'} onChange={() => setDecisions({ ...decisions, [d.row]: 'keep' })} />
                    New transaction: keep row {d.row}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          <button type="button" className="btn" disabled={waiting.length > 0 || send.isPending} onClick={() => send.mutate({ dryRun: false })}>
            {waiting.length > 0 ? `Decide row(s) ${waiting.join(', ')} first` : 'Confirm and import'}
          </button>
        </div>
      )}

      {imported && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="statement-result">
          Imported {formatNumber(imported.imported)} transaction(s) ({imported.layout}); {formatNumber(imported.duplicatesSkipped)} already present or skipped.
        </p>
      )}
      {rejected && (
        <div role="alert" className="space-y-2">
          <p className="font-semibold text-red-900">Nothing was imported: {rejected.length} error(s).</p>
          <ul className="list-disc pl-5 text-sm" data-testid="statement-errors">
            {rejected.map((e, i) => (
              <li key={i}>
                {e.row ? `Row ${e.row}` : 'File'}
                {e.column ? ` (${e.column})` : ''}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {send.isError && !rejected && <ErrorMessage error={send.error} title="The statement could not be read" />}
      <p className="text-xs text-slate-600">Formats, de-duplication and conventions: docs/statements.md. Re-importing a statement adds nothing twice.</p>
    </section>
  );
}
