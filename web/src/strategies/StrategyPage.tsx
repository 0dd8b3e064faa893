import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { palette, returnDomain } from '../components/charts';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { useHouseholdId } from '../household/HouseholdLayout';
import { formatDate, formatPercent } from '../lib/format';
import { formatSignedPercent } from '../lib/percent';
import { assetClassLabel, chartRows, describeRule } from './describe';
import { EditStrategySection } from './EditStrategySection';
import { useCopy, useFollow, useFollows, useReport, useStrategy, useStrategyPerformance, type Strategy } from './queries';

/** One strategy: weights, rule, proxies, performance since publication with a chart, follow, copy and report. */
export function StrategyPage() {
  const householdId = useHouseholdId();
  const { strategyId = '' } = useParams();
  const strategy = useStrategy(strategyId);
  return (
    <QueryView query={strategy} loadingLabel="Loading the strategy…">
      {(s) => (
        <>
          <p className="text-sm">
            <Link to=".." relative="path" className="text-brand-700 underline">
              All strategies
            </Link>
          </p>
          <h1>{s.name}</h1>
          {s.hidden && (
            <p role="status" className="rounded bg-red-50 p-2 text-sm text-red-900">
              Hidden by a moderator{s.hiddenReason ? `: ${s.hiddenReason}` : ''}. Only you and the administrators see it.
            </p>
          )}
          <p>{s.description}</p>
          <section className="card space-y-2" aria-labelledby="targets-heading">
            <h2 id="targets-heading">Targets</h2>
            <table className="text-sm" data-testid="strategy-targets">
              <thead>
                <tr>
                  <th className="pr-4 text-left">Asset class</th>
                  <th className="pr-4 text-right">Weight</th>
                  <th className="text-left">Priced by</th>
                </tr>
              </thead>
              <tbody>
                {s.allocations
                  .filter((a) => a.weight > 0)
                  .map((a) => (
                    <tr key={a.assetClass}>
                      <td className="pr-4">{assetClassLabel(a.assetClass)}</td>
                      <td className="pr-4 text-right">{formatPercent(a.weight, undefined, 1)}</td>
                      <td>{s.proxies.find((p) => p.assetClass === a.assetClass)?.symbol ?? (a.assetClass === 'Cash' ? 'cash (0 %)' : '—')}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p className="text-sm text-slate-700">
              Rebalancing: {describeRule(s.rebalancing)}. Published {formatDate(s.publishedOn)}
              {s.byAdvisor ? ' by an advisor' : ''}, revision {s.revision}, {s.followers} following.
            </p>
          </section>
          {s.mine && <EditStrategySection strategy={s} />}
          <PerformanceSection strategyId={s.id} />
          <ActionsSection householdId={householdId} strategy={s} />
        </>
      )}
    </QueryView>
  );
}

function PerformanceSection({ strategyId }: { strategyId: string }) {
  const performance = useStrategyPerformance(strategyId);
  return (
    <section className="card space-y-3" aria-labelledby="strategy-performance-heading">
      <h2 id="strategy-performance-heading">Performance since publication</h2>
      <QueryView query={performance} loadingLabel="Computing performance…">
        {(p) => {
          if (p.points.length === 0) return <Empty>No close since publication yet: performance starts at the first close on or after {formatDate(p.publishedOn)}.</Empty>;
          const rows = chartRows(p.points);
          return (
            <>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="strategy-stats">
                <Stat label="Return (TTWROR)" value={formatSignedPercent(p.ttwror)} testId="strategy-ttwror" />
                <Stat label="Annualised" value={p.annualisedTtwror == null ? 'under a year' : formatSignedPercent(p.annualisedTtwror)} />
                <Stat label="Maximum drawdown" value={formatPercent(p.maxDrawdown)} testId="strategy-drawdown" />
                <Stat label="Rebalances" value={String(p.rebalances)} />
              </dl>
              <p className="text-sm text-slate-700">
                1 invested at the targets at the close of {formatDate(p.baseDate)}, valued to {formatDate(p.endDate)} on the proxies’ closes.
                {p.peakDate && p.troughDate ? ` The deepest fall ran from ${formatDate(p.peakDate)} to ${formatDate(p.troughDate)}.` : ''} No costs or taxes.
              </p>
              <div className="h-64" role="img" aria-label={`Growth since publication: ${formatSignedPercent(p.ttwror)}`}>
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="date" minTickGap={40} />
                    <YAxis domain={returnDomain(rows.map((r) => r.growth))} tickFormatter={(v: number) => formatPercent(v, undefined, 0)} width={56} />
                    <Tooltip formatter={(v) => formatSignedPercent(Number(v))} />
                    <Line type="monotone" dataKey="growth" name="Return" stroke={palette[0]} dot={false} isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              </div>
              <div className="h-32" role="img" aria-label={`Drawdown from the running peak; deepest ${formatPercent(p.maxDrawdown)}`}>
                <ResponsiveContainer width="100%" height="100%">
                  <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                    <XAxis dataKey="date" minTickGap={40} />
                    <YAxis tickFormatter={(v: number) => formatPercent(v, undefined, 0)} width={56} />
                    <Tooltip formatter={(v) => formatPercent(Number(v))} />
                    <Area type="monotone" dataKey="drawdown" name="Drawdown" stroke={palette[4]} fill={palette[4]} fillOpacity={0.2} isAnimationActive={false} />
                  </AreaChart>
                </ResponsiveContainer>
              </div>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function ActionsSection({ householdId, strategy }: { householdId: string; strategy: Strategy }) {
  const follows = useFollows(householdId);
  const follow = useFollow(householdId);
  const copy = useCopy(householdId);
  const report = useReport();
  const [copyName, setCopyName] = useState('');
  const [setTargets, setSetTargets] = useState(true);
  const [reason, setReason] = useState('');
  const following = (follows.data ?? []).some((f) => f.strategyId === strategy.id);
  return (
    <section className="card space-y-4" aria-labelledby="strategy-actions-heading">
      <h2 id="strategy-actions-heading">Follow or copy</h2>
      {follow.isError && <ErrorMessage error={follow.error} title="That did not work" />}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={following ? 'btn-secondary' : 'btn'} disabled={follow.isPending || follows.isLoading} onClick={() => follow.mutate({ strategyId: strategy.id, follow: !following })}>
          {following ? 'Unfollow' : 'Follow'}
        </button>
        <span className="text-sm text-slate-700">{following ? 'This household is told when the strategy changes.' : 'Follow to be told when its targets or rule change.'}</span>
      </div>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          copy.mutate({ strategyId: strategy.id, name: copyName.trim(), setTargets });
        }}
      >
        <label className="text-sm">
          <span className="label">Copy as model portfolio named</span>
          <input className="input" value={copyName} placeholder={strategy.name} maxLength={200} onChange={(e) => setCopyName(e.target.value)} />
        </label>
        <label className="text-sm">
          <input type="checkbox" checked={setTargets} onChange={(e) => setSetTargets(e.target.checked)} /> and make it this household’s rebalance targets
        </label>
        <button type="submit" className="btn" disabled={copy.isPending}>
          Copy
        </button>
      </form>
      {copy.isError && <ErrorMessage error={copy.error} title="The strategy was not copied" />}
      {copy.isSuccess && (
        <p role="status" className="text-sm">
          Copied as “{copy.data.name}”{copy.data.targetsSet ? ', now this household’s targets' : ''}. See the{' '}
          <Link to="../../portfolio" relative="path" className="text-brand-700 underline">
            Portfolio page
          </Link>
          .
        </p>
      )}
      {!strategy.mine && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) report.mutate({ strategyId: strategy.id, reason: reason.trim() });
          }}
        >
          <label className="text-sm">
            <span className="label">Report to the moderators</span>
            <input className="input" value={reason} maxLength={2000} placeholder="What is wrong with it?" onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn-secondary" disabled={report.isPending || !reason.trim()}>
            Report
          </button>
          {report.isError && <ErrorMessage error={report.error} title="The report was not sent" />}
          {report.isSuccess && <p role="status" className="text-sm">Thank you: the moderators have your report.</p>}
        </form>
      )}
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
