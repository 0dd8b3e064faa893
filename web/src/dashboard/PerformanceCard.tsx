import { lazy, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useInstrumentCatalog } from '../household/queries';
import { portfolioKeys } from '../portfolio/queries';
import { QueryView, Empty } from '../components/DataState';
import { formatDate, formatMoney, formatNumber, formatPercent, todayIso } from '../lib/format';
import { describeXirr, formatSignedPercent } from '../lib/percent';
import { rangeStart, type RangePreset } from '../lib/ranges';
import { LazyChart } from '../components/LazyChart';

const PerformanceLine = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.PerformanceLine })));

const presets: RangePreset[] = ['1Y', '5Y', '10Y', '30Y'];

/** TWR and MWR (XIRR) of the household over a range, against an optional benchmark instrument (GET …/performance). */
export function PerformanceCard({ householdId }: { householdId: string }) {
  const [to, setTo] = useState(todayIso);
  const [from, setFrom] = useState(() => rangeStart(todayIso(), '1Y'));
  const [benchmark, setBenchmark] = useState('');
  const preset = presets.find((p) => rangeStart(to, p) === from);
  const instruments = useInstrumentCatalog(householdId, { pageSize: 200 });
  const performance = useQuery({
    queryKey: portfolioKeys.performance(householdId, from, to, benchmark),
    queryFn: () =>
      unwrap(api.GET('/api/v1/households/{householdId}/performance', { params: { path: { householdId }, query: { from, to, ...(benchmark ? { benchmark } : {}) } } })),
  });
  return (
    <section className="card space-y-3" aria-labelledby="performance-heading">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="performance-heading">Performance</h2>
        <div className="flex flex-wrap items-end gap-2">
          <fieldset className="flex gap-1" aria-label="Performance range">
            {presets.map((p) => (
              <button key={p} type="button" aria-pressed={preset === p} onClick={() => setFrom(rangeStart(to, p))} className={preset === p ? 'btn' : 'btn-secondary'}>
                {p}
              </button>
            ))}
          </fieldset>
          <label className="text-sm">
            <span className="label">From</span>
            <input type="date" className="input" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
          </label>
          <label className="text-sm">
            <span className="label">To</span>
            <input type="date" className="input" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} />
          </label>
          <label className="text-sm">
            <span className="label">Benchmark</span>
            <select className="input" value={benchmark} onChange={(e) => setBenchmark(e.target.value)}>
              <option value="">None</option>
              {(instruments.data?.items ?? []).map((i) => (
                <option key={i.id} value={i.symbol}>
                  {i.symbol}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <QueryView query={performance} loadingLabel="Computing performance…">
        {(p) => {
          const mwrNote = describeXirr(p.moneyWeightedReturn.status);
          const bench = p.risk.benchmark;
          const points = p.series.map((d) => ({ date: d.date, growth: d.cumulativeReturn ?? 0 }));
          return (
            <>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="performance-stats">
                <Stat label="Time-weighted return" value={formatSignedPercent(p.timeWeightedReturn)} testId="twr" />
                <Stat label="Annualised TWR" value={formatSignedPercent(p.annualisedTimeWeightedReturn)} />
                <Stat label="Money-weighted return (XIRR, a year)" value={p.moneyWeightedReturn.rate === null ? '—' : formatSignedPercent(p.moneyWeightedReturn.rate)} testId="mwr" />
                {bench ? <Stat label="Benchmark return" value={formatSignedPercent(bench.cumulativeReturn)} testId="benchmark-return" /> : <Stat label="Net deposits" value={formatMoney(p.netExternalFlow, p.currency)} />}
              </dl>
              {mwrNote && <p className="text-xs text-slate-600">{mwrNote}</p>}
              <p className="text-sm text-slate-600">
                {formatDate(p.from)} to {formatDate(p.to)}: {formatMoney(p.startValue, p.currency)} → {formatMoney(p.endValue, p.currency)}, net deposits {formatMoney(p.netExternalFlow, p.currency)}.
                {bench && (
                  <>
                    {' '}
                    Against {benchmark}: beta {formatNumber(bench.beta, undefined, 2)}, alpha {formatPercent(bench.alpha)}, tracking error {formatPercent(bench.trackingError)}.
                  </>
                )}
              </p>
              {points.length === 0 ? (
                <Empty>No history in this range.</Empty>
              ) : (
                <figure>
                  <div className="h-56 w-full" data-testid="performance-chart">
                    <LazyChart whenVisible>
                      <PerformanceLine points={thin(points, 400)} />
                    </LazyChart>
                  </div>
                  <figcaption className="text-sm text-slate-600">Cumulative time-weighted return by day{bench ? '; the benchmark is compared over the whole range above' : ''}.</figcaption>
                </figure>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Keeps at most `max` points (always the last one) so decades of days draw quickly. */
function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % step === 0);
  if (kept.at(-1) !== points.at(-1)) kept.push(points.at(-1)!);
  return kept;
}
