import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { useHouseholdId } from '../household/HouseholdLayout';
import { formatDate, formatPercent } from '../lib/format';
import { useModelPortfolios } from '../portfolio/queries';
import { assetClassLabel, describeRule } from './describe';
import { useFollows, usePublish, useStrategies, type RebalancingRule } from './queries';

const RULES: RebalancingRule[] = ['Quarterly', 'Monthly', 'Annually', 'BuyAndHold'];

/**
 * Published strategies (docs/strategies.md): every visible one with its weights and rule, which this household follows,
 * and publishing one of this household's model portfolios (its weights only, never the holdings).
 */
export function StrategiesPage() {
  const householdId = useHouseholdId();
  const strategies = useStrategies();
  const follows = useFollows(householdId);
  const followed = new Set((follows.data ?? []).map((f) => f.strategyId));
  return (
    <>
      <h1>Strategies</h1>
      <p className="text-sm text-slate-700">
        Model portfolios other members and advisors published: target weights and a rebalancing rule, with their performance since publication on shared prices. Nobody sees
        anyone’s holdings or amounts.
      </p>
      <section className="card space-y-3" aria-labelledby="strategies-heading">
        <h2 id="strategies-heading">Published strategies</h2>
        <QueryView query={strategies} loadingLabel="Loading strategies…">
          {(list) =>
            list.length === 0 ? (
              <Empty>
                No strategy is published yet. Publish one of your model portfolios below; first read{' '}
                <Link to="/learn/rebalancing" className="text-brand-700 underline">
                  how rebalancing keeps your risk
                </Link>
                .
              </Empty>
            ) : (
              <ul className="space-y-2" data-testid="strategy-list">
                {list.map((s) => (
                  <li key={s.id} className="rounded border border-slate-200 p-3">
                    <h3>
                      <Link to={s.id} className="text-brand-700 underline">
                        {s.name}
                      </Link>{' '}
                      {s.mine && <span className="text-xs text-slate-600">(yours)</span>} {s.byAdvisor && <span className="text-xs text-slate-600">by an advisor</span>}{' '}
                      {followed.has(s.id) && <span className="text-xs font-semibold text-green-800">following</span>} {s.hidden && <span className="text-xs text-red-800">hidden</span>}
                    </h3>
                    <p className="text-sm">{s.description}</p>
                    <p className="text-xs text-slate-700">
                      {s.allocations
                        .filter((a) => a.weight > 0)
                        .map((a) => `${assetClassLabel(a.assetClass)} ${formatPercent(a.weight, undefined, 0)}`)
                        .join(' · ')}{' '}
                      — {describeRule(s.rebalancing)} · published {formatDate(s.publishedOn)} · {s.followers} following
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <PublishSection householdId={householdId} />
    </>
  );
}

function PublishSection({ householdId }: { householdId: string }) {
  const models = useModelPortfolios(householdId);
  const publish = usePublish(householdId);
  const navigate = useNavigate();
  const [modelId, setModelId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rule, setRule] = useState<RebalancingRule>('Quarterly');
  return (
    <section className="card space-y-3" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish a model portfolio</h2>
      <p className="text-sm text-slate-700">Only the model’s weights by asset class, the rule, the name and the description are published.</p>
      {publish.isError && <ErrorMessage error={publish.error} title="The strategy was not published" />}
      <QueryView query={models} loadingLabel="Loading model portfolios…">
        {(list) =>
          list.length === 0 ? (
            <Empty>
              This household has no model portfolio yet: make one on the <Link to="../portfolio" className="text-brand-700 underline">Portfolio page</Link>.
            </Empty>
          ) : (
            <form
              className="grid gap-3 sm:grid-cols-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (!modelId) return;
                publish.mutate(
                  { modelPortfolioId: modelId, name: name.trim() || undefined, description: description.trim() || undefined, rebalancing: rule },
                  { onSuccess: (s) => void navigate(s.id) },
                );
              }}
            >
              <label className="text-sm">
                <span className="label">Model portfolio</span>
                <select className="input" value={modelId} onChange={(e) => setModelId(e.target.value)} required>
                  <option value="">Choose…</option>
                  {list.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm">
                <span className="label">Rebalancing</span>
                <select className="input" value={rule} onChange={(e) => setRule(e.target.value as RebalancingRule)}>
                  {RULES.map((r) => (
                    <option key={r} value={r}>
                      {r === 'BuyAndHold' ? 'Buy and hold' : r}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm">
                <span className="label">Name (default: the model’s)</span>
                <input className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
              </label>
              <label className="text-sm">
                <span className="label">Description (default: the model’s)</span>
                <input className="input" value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
              </label>
              <div>
                <button type="submit" className="btn" disabled={publish.isPending || !modelId}>
                  Publish
                </button>
              </div>
            </form>
          )
        }
      </QueryView>
    </section>
  );
}
