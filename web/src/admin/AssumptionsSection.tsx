import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { formatDate, formatPercent, humanize, todayIso } from '../lib/format';
import { draftFrom, toRequest, withCorrelation, type AssumptionsDraft } from './assumptionsDraft';

const keys = { versions: ['admin', 'assumptions'] as const };

/**
 * The capital-market assumptions (docs/assumptions.md): every version with its date and sources, the
 * current one's figures, and a form that stores a new version starting from the current one. Versions
 * are never edited in place; the highest is current for the model portfolios, the frontier and plans.
 */
export function AssumptionsSection() {
  const versions = useQuery({ queryKey: keys.versions, queryFn: () => unwrap(api.GET('/api/v1/assumptions')) });
  const [draft, setDraft] = useState<AssumptionsDraft | null>(null);
  return (
    <section className="card space-y-3 overflow-x-auto" aria-labelledby="assumptions-heading">
      <h2 id="assumptions-heading">Capital-market assumptions</h2>
      <QueryView query={versions} loadingLabel="Loading assumptions…">
        {(list) => {
          const current = list[0];
          if (!current) return <Empty>No assumptions.</Empty>;
          return (
            <>
              <p className="text-sm text-slate-700" data-testid="assumptions-current">
                Current: version {current.version}, {current.name} (as of {formatDate(current.asOf)}){current.builtIn ? ', built in' : ''}. {current.sources}
              </p>
              <table className="table">
                <caption className="sr-only">Expected return and volatility of each asset class, current version</caption>
                <thead>
                  <tr>
                    <th scope="col">Asset class</th>
                    <th scope="col" className="num">Expected return (a year)</th>
                    <th scope="col" className="num">Volatility (a year)</th>
                  </tr>
                </thead>
                <tbody>
                  {current.classes.map((c) => (
                    <tr key={c.assetClass}>
                      <th scope="row" className="font-normal">
                        {humanize(c.assetClass)}
                      </th>
                      <td className="num">{formatPercent(c.expectedReturn)}</td>
                      <td className="num">{formatPercent(c.volatility)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <details>
                <summary className="cursor-pointer text-sm">All versions ({list.length})</summary>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {list.map((s) => (
                    <li key={s.version}>
                      Version {s.version}: {s.name}, as of {formatDate(s.asOf)}
                      {s.builtIn ? ' (built in)' : ''}
                    </li>
                  ))}
                </ul>
              </details>
              {draft === null ? (
                <button type="button" className="btn" onClick={() => setDraft(draftFrom(current, todayIso()))}>
                  Write a new version
                </button>
              ) : (
                <NewVersionForm draft={draft} onChange={setDraft} onDone={() => setDraft(null)} />
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function NewVersionForm({ draft, onChange, onDone }: { draft: AssumptionsDraft; onChange: (d: AssumptionsDraft) => void; onDone: () => void }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const store = useMutation({
    mutationFn: (body: components['schemas']['AssumptionSetRequest']) => unwrap(api.POST('/api/v1/assumptions', { body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.versions });
      onDone();
    },
  });
  const setClass = (i: number, field: 'expectedReturn' | 'volatility', value: string) =>
    onChange({ ...draft, classes: draft.classes.map((c, k) => (k === i ? { ...c, [field]: value } : c)) });
  return (
    <form
      className="space-y-3"
      aria-label="New assumptions version"
      onSubmit={(e) => {
        e.preventDefault();
        const result = toRequest(draft);
        if ('problem' in result) {
          setProblem(result.problem);
          return;
        }
        setProblem(null);
        store.mutate(result.request);
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className="text-sm">
          <span className="label">Name</span>
          <input className="input w-full" value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
        </label>
        <label className="text-sm">
          <span className="label">As of (the sources' date)</span>
          <input className="input w-full" type="date" value={draft.asOf} onChange={(e) => onChange({ ...draft, asOf: e.target.value })} />
        </label>
      </div>
      <label className="block text-sm">
        <span className="label">Sources</span>
        <textarea className="input w-full" rows={3} value={draft.sources} onChange={(e) => onChange({ ...draft, sources: e.target.value })} />
      </label>
      <table className="table">
        <caption className="sr-only">Expected return and volatility of each asset class, in percent a year</caption>
        <thead>
          <tr>
            <th scope="col">Asset class</th>
            <th scope="col">Expected return, % a year</th>
            <th scope="col">Volatility, % a year</th>
          </tr>
        </thead>
        <tbody>
          {draft.classes.map((c, i) => (
            <tr key={c.assetClass}>
              <th scope="row" className="font-normal">
                {humanize(c.assetClass)}
              </th>
              <td>
                <input className="input w-24" inputMode="decimal" aria-label={`Expected return of ${humanize(c.assetClass)}`} value={c.expectedReturn} onChange={(e) => setClass(i, 'expectedReturn', e.target.value)} />
              </td>
              <td>
                <input className="input w-24" inputMode="decimal" aria-label={`Volatility of ${humanize(c.assetClass)}`} value={c.volatility} onChange={(e) => setClass(i, 'volatility', e.target.value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Correlations">
        <table className="table">
          <caption className="text-left text-sm">Correlations (the lower half mirrors the upper)</caption>
          <thead>
            <tr>
              <td />
              {draft.classes.map((c) => (
                <th key={c.assetClass} scope="col" className="text-xs">
                  {humanize(c.assetClass)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {draft.classes.map((row, i) => (
              <tr key={row.assetClass}>
                <th scope="row" className="text-xs font-normal">
                  {humanize(row.assetClass)}
                </th>
                {draft.classes.map((col, j) => (
                  <td key={col.assetClass}>
                    {j <= i ? (
                      <span className="text-xs text-slate-600">{draft.correlations[i]![j]}</span>
                    ) : (
                      <input
                        className="input w-16"
                        inputMode="decimal"
                        aria-label={`Correlation of ${humanize(row.assetClass)} and ${humanize(col.assetClass)}`}
                        value={draft.correlations[i]![j]}
                        onChange={(e) => onChange(withCorrelation(draft, i, j, e.target.value))}
                      />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      {store.isError && <ErrorMessage error={store.error} title="The version was not stored" />}
      <div className="flex gap-2">
        <button type="submit" className="btn" disabled={store.isPending}>
          Store as the new current version
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
