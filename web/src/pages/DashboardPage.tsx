import { lazy, memo, useState } from 'react';
import { ScrollArea } from '../components/ScrollArea';
import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { instrumentsQuery, keys, positionsQuery, useHousehold, useInstruments, usePositions, useValuation } from '../household/queries';
import { ErrorMessage, Loading, QueryView, Empty } from '../components/DataState';
import { formatDate, formatMoney, formatPercent, humanize, todayIso } from '../lib/format';
import { allocationByAssetClass, compareWithTargets } from '../lib/allocation';
import { targetsQuery, useTargets } from '../portfolio/queries';
import { formatPoints } from '../lib/percent';
import { LazyChart } from '../components/LazyChart';
import { rangeStart, type RangePreset } from '../lib/ranges';
import { PerformanceCard } from '../dashboard/PerformanceCard';
import { UnclassifiedNotice, useUnclassified } from '../instruments/UnclassifiedNotice';
import { AlertsCard } from '../dashboard/AlertsCard';
import { GoalsCard } from '../goals/GoalsCard';
import { RecommendationsCard } from '../recommendations/RecommendationsCard';
import { PricesAsOf } from '../components/PricesAsOf';

// Each card redraws only when its own data or props change, not on every query of the page that
// answers (charts redrawing on each of the page's nine answers was most of its main-thread time).
const NetWorthCard = memo(NetWorthChart);
const AllocationCard = memo(AllocationChart);
const Performance = memo(PerformanceCard);
const Alerts = memo(AlertsCard);
const Recommendations = memo(RecommendationsCard);
const NetWorthLine = lazy(() => import('../dashboard/DashboardCharts').then((m) => ({ default: m.NetWorthLine })));
const AllocationPie = lazy(() => import('../dashboard/DashboardCharts').then((m) => ({ default: m.AllocationPie })));

export function DashboardPage() {
  const householdId = useHouseholdId();
  const household = useHousehold(householdId);
  const valuation = useValuation(householdId);
  const unclassified = useUnclassified(householdId);
  // The allocation card's data, started here with the page's other reads: the card itself waits for the
  // household's currency, and its three requests would otherwise start only after that answer (a waterfall).
  // Prefetched, not read: the page does not render again when they answer.
  usePrefetchQuery(positionsQuery(householdId));
  usePrefetchQuery(instrumentsQuery(householdId));
  usePrefetchQuery(targetsQuery(householdId));
  const v = valuation.data;
  return (
    <>
      <h1>Dashboard</h1>
      {/* The notice of unclassified instruments sits above the cards, so the cards wait (hidden, their
          queries already running) until its list is in: a notice appearing later would push the whole
          page down (layout shift). The cards then hold their own space until their data arrives. */}
      {unclassified.isPending && <Loading />}
      <div hidden={unclassified.isPending} className="space-y-4">
        <UnclassifiedNotice householdId={householdId} />
        <section className="card" aria-labelledby="value-heading">
          <h2 id="value-heading">Today</h2>
          {valuation.isError ? (
            <ErrorMessage error={valuation.error} title="Could not load this" />
          ) : (
            // The same rows with a placeholder while loading: the card keeps its height.
            <>
              {!v && <Loading className="sr-only" />}
              <dl className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-3">
                <Stat label="Net worth" value={v ? formatMoney(v.netWorth, v.currency) : '…'} testId={v ? 'net-worth' : undefined} />
                <Stat label="Assets" value={v ? formatMoney(v.assets, v.currency) : '…'} />
                <Stat label="Liabilities" value={v ? formatMoney(v.liabilities, v.currency) : '…'} />
              </dl>
              <div className="mt-2 min-h-5">{v && <PricesAsOf date={v.pricesAsOf} stale={v.stale} />}</div>
            </>
          )}
        </section>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <NetWorthCard householdId={householdId} />
          {household.isSuccess ? <AllocationCard householdId={householdId} currency={household.data.reportingCurrency} /> : <Loading className="h-56" />}
        </div>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Performance householdId={householdId} />
          <Alerts householdId={householdId} />
        </div>
        <GoalsCard householdId={householdId} />
        {/* Last: its answer runs the plan's solves, and a card that grows below the others moves none of them. */}
        <Recommendations householdId={householdId} />
      </div>
    </>
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

const presets: RangePreset[] = ['1Y', '5Y', '10Y', '30Y'];

function NetWorthChart({ householdId }: { householdId: string }) {
  const [preset, setPreset] = useState<RangePreset>('1Y');
  const [to, setTo] = useState(todayIso);
  const from = rangeStart(to, preset);
  const series = useQuery({
    queryKey: keys.netWorth(householdId, from, to),
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/net-worth', { params: { path: { householdId }, query: { from, to } } })),
  });
  return (
    <section className="card" aria-labelledby="networth-heading">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="networth-heading">Net worth over time</h2>
        <div className="flex flex-wrap items-end gap-2">
          <fieldset className="flex gap-1" aria-label="Range">
            {presets.map((p) => (
              <button key={p} type="button" aria-pressed={preset === p} onClick={() => setPreset(p)} className={preset === p ? 'btn' : 'btn-secondary'}>
                {p}
              </button>
            ))}
          </fieldset>
          <label className="text-sm">
            <span className="label">Up to</span>
            <input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} className="input" />
          </label>
        </div>
      </div>
      {/* Loading holds the chart's height and its two-line caption. */}
      <QueryView query={series} loadingClassName="mt-3 h-[18.5rem]">
        {(s) =>
          s.points.length === 0 ? (
            <Empty>No history in this range.</Empty>
          ) : (
            <figure className="mt-3">
              <div className="h-64 w-full" data-testid="net-worth-chart">
                <LazyChart whenVisible>
                  <NetWorthLine points={thin(s.points, 400)} currency={s.currency} />
                </LazyChart>
              </div>
              <figcaption className="text-sm text-slate-600">
                {formatDate(s.from)} to {formatDate(s.to)}: {formatMoney(s.points[0]!.value, s.currency)} → {formatMoney(s.points.at(-1)!.value, s.currency)}
              </figcaption>
            </figure>
          )
        }
      </QueryView>
    </section>
  );
}

/** Keeps at most `max` points (always the last one) so a decade of days draws quickly. */
function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const step = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % step === 0);
  if (kept.at(-1) !== points.at(-1)) kept.push(points.at(-1)!);
  return kept;
}

function AllocationChart({ householdId, currency }: { householdId: string; currency: string }) {
  const positions = usePositions(householdId);
  const instruments = useInstruments(householdId);
  const targets = useTargets(householdId);
  return (
    <section className="card" aria-labelledby="allocation-heading">
      <h2 id="allocation-heading">Allocation by asset class</h2>
      {positions.isPending || instruments.isPending || targets.isPending ? (
        <Loading className="h-56" />
      ) : positions.isError || instruments.isError || targets.isError ? (
        <ErrorMessage error={positions.error ?? instruments.error ?? targets.error} />
      ) : (
        (() => {
          const a = allocationByAssetClass(positions.data, instruments.data, currency);
          if (a.slices.length === 0) return <Empty>Nothing held yet.</Empty>;
          const rows = compareWithTargets(a.slices, targets.data);
          const targeted = rows.filter((r) => r.target !== null);
          return (
            <figure>
              <div className="h-56 w-full" data-testid="allocation-chart">
                <LazyChart whenVisible>
                  <AllocationPie slices={a.slices} targeted={targeted.map((r) => ({ ...r, colour: rows.indexOf(r) }))} currency={currency} />
                </LazyChart>
              </div>
              <figcaption>
                <ScrollArea label="Allocation table">
                  <table className="table mt-2">
                    <caption className="sr-only">Allocation by asset class</caption>
                    <thead>
                      <tr>
                        <th scope="col">Class</th>
                        <th scope="col" className="num">Value</th>
                        <th scope="col" className="num">Share</th>
                        <th scope="col" className="num">Target</th>
                        <th scope="col" className="num">Difference</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.key}>
                          <td>{humanize(r.key)}</td>
                          <td className="num">{formatMoney(r.value, currency)}</td>
                          <td className="num">{formatPercent(r.share)}</td>
                          <td className="num">{r.target === null ? '—' : formatPercent(r.target)}</td>
                          <td className="num">{r.difference === null ? '—' : formatPoints(r.difference)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollArea>
                <p className="mt-2 text-xs text-slate-600">
                  {targeted.length > 0
                    ? 'Outer ring and Target: the household-wide class targets (Portfolio page); shares are of everything held, cash included.'
                    : 'No household-wide class targets yet: set them from a model on the Portfolio page.'}
                </p>
                {a.excluded.length > 0 && (
                  <p className="mt-2 text-xs text-slate-600">
                    Not included: {a.excluded.map((e) => `${e.symbol} (${e.reason === 'no-price' ? 'no price' : 'other currency'})`).join(', ')}.
                  </p>
                )}
              </figcaption>
            </figure>
          );
        })()
      )}
    </section>
  );
}
