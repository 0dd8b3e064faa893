import { useState } from 'react';
import { ErrorMessage } from '../components/DataState';
import { assetClassLabel, describeRule } from './describe';
import { draftOf, TARGET_CLASSES, toUpdate, type AssetClass, type StrategyDraft } from './editStrategy';
import { useSharedProxies, useUpdateStrategy, type RebalancingRule, type Strategy } from './queries';

const RULES: RebalancingRule[] = ['Quarterly', 'Monthly', 'Annually', 'BuyAndHold'];

/**
 * The publisher's edit form (docs/strategies.md, "Changing a strategy"): name, description, rule, target weights and, per
 * asset class, the shared instrument whose closes price it. Saving new weights or a new rule makes a new revision from
 * today on, and followers are told.
 */
export function EditStrategySection({ strategy }: { strategy: Strategy }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="card space-y-3" aria-labelledby="strategy-edit-heading">
      <h2 id="strategy-edit-heading">Edit this strategy</h2>
      {open ? (
        <EditForm strategy={strategy} onDone={() => setOpen(false)} />
      ) : (
        <>
          <p className="text-sm text-slate-700">
            You published it. New weights or a new rule make revision {strategy.revision + 1} from today on; its performance keeps the earlier revisions for the days they
            were in force, and followers are told.
          </p>
          <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
            Edit
          </button>
        </>
      )}
    </section>
  );
}

function EditForm({ strategy, onDone }: { strategy: Strategy; onDone: () => void }) {
  const [draft, setDraft] = useState<StrategyDraft>(() => draftOf(strategy));
  const [invalid, setInvalid] = useState<string | null>(null);
  const instruments = useSharedProxies();
  const update = useUpdateStrategy(strategy.id);
  const setRow = (index: number, change: Partial<StrategyDraft['rows'][number]>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r, i) => (i === index ? { ...r, ...change } : r)) }));
  const unused = TARGET_CLASSES.filter((c) => !draft.rows.some((r) => r.assetClass === c));
  const optionsFor = (assetClass: AssetClass) => (instruments.data ?? []).filter((i) => i.assetClass === assetClass);
  return (
    <form
      className="space-y-3"
      aria-label="Edit this strategy"
      onSubmit={(e) => {
        e.preventDefault();
        const result = toUpdate(draft);
        if ('error' in result) {
          setInvalid(result.error);
          return;
        }
        setInvalid(null);
        update.mutate(result.body, { onSuccess: onDone });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="text-sm">
          <span className="label">Name</span>
          <input className="input" value={draft.name} maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="text-sm">
          <span className="label">Rebalancing rule</span>
          <select className="input" value={draft.rebalancing} onChange={(e) => setDraft({ ...draft, rebalancing: e.target.value as RebalancingRule })}>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {r === 'BuyAndHold' ? 'Buy and hold' : r} — {describeRule(r)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block text-sm">
        <span className="label">Description</span>
        <textarea className="input w-full" rows={3} value={draft.description} maxLength={2000} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Targets</legend>
        {instruments.isError && <ErrorMessage error={instruments.error} title="The shared instruments did not load" />}
        <table className="text-sm" data-testid="strategy-edit-targets">
          <thead>
            <tr>
              <th className="pr-4 text-left">Asset class</th>
              <th className="pr-4 text-left">Weight (%)</th>
              <th className="pr-4 text-left">Priced by</th>
              <th>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.rows.map((row, index) => {
              const label = assetClassLabel(row.assetClass);
              return (
                <tr key={row.assetClass}>
                  <td className="pr-4">{label}</td>
                  <td className="pr-4">
                    <input
                      className="input w-24"
                      inputMode="decimal"
                      aria-label={`${label} weight (%)`}
                      value={row.percent}
                      onChange={(e) => setRow(index, { percent: e.target.value })}
                    />
                  </td>
                  <td className="pr-4">
                    {row.assetClass === 'Cash' ? (
                      <span className="text-slate-700">cash (0 %)</span>
                    ) : (
                      <select className="input" aria-label={`${label} priced by`} value={row.proxyId} onChange={(e) => setRow(index, { proxyId: e.target.value })}>
                        <option value="">Choose a shared instrument</option>
                        {optionsFor(row.assetClass).map((i) => (
                          <option key={i.id} value={i.id}>
                            {i.symbol} — {i.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn-secondary"
                      aria-label={`Remove ${label}`}
                      onClick={() => setDraft((d) => ({ ...d, rows: d.rows.filter((_, i) => i !== index) }))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {unused.length > 0 && (
          <label className="text-sm">
            <span className="label">Add an asset class</span>
            <select
              className="input"
              value=""
              onChange={(e) => {
                const assetClass = e.target.value as AssetClass;
                if (assetClass) setDraft((d) => ({ ...d, rows: [...d.rows, { assetClass, percent: '', proxyId: '' }] }));
              }}
            >
              <option value="">Choose…</option>
              {unused.map((c) => (
                <option key={c} value={c}>
                  {assetClassLabel(c)}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      {invalid && (
        <p role="alert" className="text-sm text-red-800">
          {invalid}
        </p>
      )}
      {update.isError && <ErrorMessage error={update.error} title="The strategy was not changed" />}
      <div className="flex gap-3">
        <button type="submit" className="btn" disabled={update.isPending}>
          Save changes
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
