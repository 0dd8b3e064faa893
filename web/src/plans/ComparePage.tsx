import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useHousehold } from '../household/queries';
import { Empty, Loading, QueryView } from '../components/DataState';
import { palette } from '../components/charts';
import { formatInstant, formatMoney, formatPercent } from '../lib/format';
import { latestSimulation, medianRows, type Compared } from './compare';
import { usePlans } from './queries';
import { simulationOutput } from './results';

/** At most this many plans side by side: more lines than this are unreadable on one chart. */
const maxCompared = 4;

/** Plans side by side: each one's newest simulation (success, median wealth at the end, lifetime taxes) and their medians on one chart. */
export function ComparePage() {
  const householdId = useHouseholdId();
  const plans = usePlans(householdId);
  const household = useHousehold(householdId);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [money, setMoney] = useState<'real' | 'nominal'>('real');
  const list = plans.data ?? [];
  const selected = chosen ?? list.slice(0, maxCompared).map((p) => p.id);
  const newest = useQueries({
    queries: selected.map((planId) => ({
      queryKey: [...keys.runs(householdId, planId), 'newest-result'],
      queryFn: async () => {
        const runs = await unwrap(api.GET('/api/v1/households/{householdId}/plans/{planId}/simulations', { params: { path: { householdId, planId } } }));
        const run = latestSimulation(runs);
        if (!run) return null;
        const full = await unwrap(api.GET('/api/v1/households/{householdId}/plans/{planId}/simulations/{runId}', { params: { path: { householdId, planId, runId: run.id } } }));
        const parsed = simulationOutput.safeParse(full.result);
        return parsed.success ? { run: full, output: parsed.data } : null;
      },
    })),
  });
  const currency = household.data?.reportingCurrency ?? 'USD';
  const rows = selected.map((planId, i) => ({ plan: list.find((p) => p.id === planId), result: newest[i] }));
  const compared: Compared[] = rows.flatMap((r) => (r.plan && r.result?.data ? [{ name: r.plan.name, output: r.result.data.output }] : []));
  const fmt = (v: number) => formatMoney(v, currency, undefined, true);
  return (
    <>
      <h1>Compare plans</h1>
      <section className="card space-y-3" aria-labelledby="compare-choose-heading">
        <h2 id="compare-choose-heading">Plans</h2>
        <QueryView query={plans}>
          {(all) =>
            all.length < 2 ? (
              <Empty>Save at least two plans to compare them.</Empty>
            ) : (
              <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
                <legend className="sr-only">Plans to compare (at most {maxCompared})</legend>
                {all.map((p) => (
                  <label key={p.id} className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      checked={selected.includes(p.id)}
                      disabled={!selected.includes(p.id) && selected.length >= maxCompared}
                      onChange={(e) => setChosen(e.target.checked ? [...selected, p.id] : selected.filter((id) => id !== p.id))}
                    />
                    {p.name}
                  </label>
                ))}
              </fieldset>
            )
          }
        </QueryView>
      </section>
      {selected.length > 0 && (
        <section className="card space-y-3" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Side by side</h2>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Plans compared">
            <table className="table" data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col" className="num">
                    Success
                  </th>
                  <th scope="col" className="num">
                    Median at the end (today&apos;s money)
                  </th>
                  <th scope="col" className="num">
                    Lifetime taxes (median)
                  </th>
                  <th scope="col">Newest run</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ plan, result }, i) => (
                  <tr key={selected[i]}>
                    <td>{plan?.name ?? '…'}</td>
                    {result?.isPending ? (
                      <td colSpan={4}>
                        <Loading label="Reading its newest run…" />
                      </td>
                    ) : !result?.data ? (
                      <td colSpan={4}>{result?.isError ? 'Could not read its runs.' : 'No simulation yet: run it on its page.'}</td>
                    ) : (
                      <>
                        <td className="num">{formatPercent(result.data.output.successProbability)}</td>
                        <td className="num">{formatMoney(result.data.output.terminalWealthReal.p50, currency)}</td>
                        <td className="num">{result.data.output.taxes ? formatMoney(result.data.output.taxes.lifetimeReal.p50, currency) : 'not modelled'}</td>
                        <td>
                          {formatInstant(result.data.run.createdUtc)}, {result.data.output.paths.toLocaleString()} paths
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {compared.length > 0 && (
            <>
              <fieldset className="flex gap-1">
                <legend className="sr-only">Money</legend>
                <button type="button" aria-pressed={money === 'real'} className={money === 'real' ? 'btn' : 'btn-secondary'} onClick={() => setMoney('real')}>
                  Today&apos;s money
                </button>
                <button type="button" aria-pressed={money === 'nominal'} className={money === 'nominal' ? 'btn' : 'btn-secondary'} onClick={() => setMoney('nominal')}>
                  Nominal
                </button>
              </fieldset>
              <figure>
                <div className="h-72 w-full" data-testid="compare-chart">
                  <ResponsiveContainer>
                    <LineChart data={medianRows(compared, money)} margin={{ left: 8, right: 8 }}>
                      <CartesianGrid stroke="#e2e8f0" />
                      <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} />
                      <YAxis tickFormatter={fmt} width={72} />
                      <Tooltip formatter={(v) => fmt(Number(v))} />
                      <Legend />
                      {compared.map((c, i) => (
                        <Line key={c.name + i} dataKey={`p${i}`} name={c.name} stroke={palette[i % palette.length]} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
                      ))}
                    </LineChart>
                  </ResponsiveContainer>
                </div>
                <figcaption className="text-sm text-slate-600">
                  Median balance at each year end by the first person&apos;s age (or year), {money === 'real' ? "in today's money" : 'in future (nominal) money'}, from each plan&apos;s newest simulation. Plans run with different seeds and path counts differ by sampling noise too.
                </figcaption>
              </figure>
            </>
          )}
        </section>
      )}
    </>
  );
}
