import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { api, unwrap } from '../api/client';
import type { AssetClass, Instrument, ModelPortfolio, RebalanceTarget } from '../api/types';
import { useHouseholdId } from '../household/HouseholdLayout';
import { useAccounts, useHousehold, useInstruments, useInstrumentChoices, usePositions } from '../household/queries';
import { Empty, ErrorMessage, Loading, QueryView } from '../components/DataState';
import { Field } from '../components/Field';
import { ScrollArea } from '../components/ScrollArea';
import { formatDate, formatInstant, formatMoney, formatNumber, formatPercent, humanize } from '../lib/format';
import { allocationByAssetClass } from '../lib/allocation';
import { sharesFromAllocation, sharesFromModel, toFrontierInput, type FrontierInput } from '../portfolio/frontier';
import { FrontierChart } from '../portfolio/FrontierChart';
import { RebalancePreview } from '../portfolio/RebalancePreview';
import { currentAssumptionsQuery, portfolioKeys, useCurrentAssumptions, useModelPortfolios, useOrders, useTargets } from '../portfolio/queries';
import { bandsSchema, defaultBands, modelTargetsRequest, type BandsForm } from '../portfolio/targetsSchema';
import { LearnMore } from '../learning/LearnMore';

export function PortfolioPage() {
  const householdId = useHouseholdId();
  const household = useHousehold(householdId);
  const models = useModelPortfolios(householdId);
  const instruments = useInstrumentChoices(householdId);
  const accounts = useAccounts(householdId);
  // The frontier's assumptions, started with the page's other reads: the frontier card mounts only once the
  // household is in, and its request for them would otherwise wait for that answer (a waterfall). Prefetched,
  // not read: the page does not render again when they answer.
  usePrefetchQuery(currentAssumptionsQuery);
  const [params, setParams] = useSearchParams();
  const list = models.data ?? [];
  const chosen = list.find((m) => m.id === params.get('model')) ?? list.find((m) => m.riskLevel === 5) ?? list[0];
  const choose = (id: string) => setParams((p) => {
    p.set('model', id);
    return p;
  }, { replace: true });
  const names = useMemo(
    () => ({ accounts: new Map((accounts.data ?? []).map((a) => [a.id, a])), instruments: new Map((instruments.data ?? []).map((i) => [i.id, i])) }),
    [accounts.data, instruments.data],
  );
  return (
    <>
      <h1>Portfolio</h1>
      {/* The first card's height depends on the models (a button to generate them, or the chooser), so
          the cards wait hidden, their queries already running, until the models are in: the first card
          growing later would push the page down (layout shift). The frontier then holds its space. */}
      {models.isPending && <Loading />}
      <div hidden={models.isPending} className="space-y-4">
        <section className="card space-y-3" aria-labelledby="model-heading">
          <h2 id="model-heading">Risk level and model portfolio</h2>
          <QueryView query={models}>
            {(ms) => (
              <>
                <GenerateModels householdId={householdId} hasLevels={ms.some((m) => m.riskLevel !== null)} />
                {ms.length === 0 ? (
                  <Empty>No model portfolio yet. Generate the ten risk levels to choose one.
                    <LearnMore slug="risk-tolerance-vs-capacity">How a risk level is chosen</LearnMore>
                  </Empty>
                ) : (
                  <ModelChooser models={ms} chosen={chosen} onChoose={choose} />
                )}
              </>
            )}
          </QueryView>
        </section>
        <section className="card space-y-2" aria-labelledby="frontier-heading">
          <h2 id="frontier-heading">Efficient frontier</h2>
          {household.isSuccess ? <Frontier householdId={householdId} currency={household.data.reportingCurrency} model={chosen} /> : <Loading className={frontierSpace} />}
        </section>
        <Targets householdId={householdId} model={chosen} instruments={instruments.data} />
        {household.isSuccess && <RebalancePreview householdId={householdId} currency={household.data.reportingCurrency} names={names} />}
        <Orders householdId={householdId} names={names} />
      </div>
    </>
  );
}

/** What the frontier's explanation and chart take, held while they load. */
const frontierSpace = 'h-96';
/** What the chart and its table take, held below the explanation while the frontier is computed. */
const chartSpace = 'h-80';

function GenerateModels({ householdId, hasLevels }: { householdId: string; hasLevels: boolean }) {
  const queryClient = useQueryClient();
  const generate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/households/{householdId}/model-portfolios/generate', { params: { path: { householdId } }, body: { namePrefix: null } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portfolioKeys.models(householdId) }),
  });
  if (hasLevels) return null;
  return (
    <div className="space-y-2">
      <button type="button" className="btn" disabled={generate.isPending} onClick={() => generate.mutate()}>
        {generate.isPending ? 'Generating…' : 'Generate ten risk levels'}
      </button>
      <p className="text-xs text-slate-600">Points on the efficient frontier over one proxy per asset class (level 1 has the least risk, level 10 the highest expected return).</p>
      {generate.isError && <ErrorMessage error={generate.error} title="Could not generate the models" />}
    </div>
  );
}

function ModelChooser({ models, chosen, onChoose }: { models: ModelPortfolio[]; chosen: ModelPortfolio | undefined; onChoose: (id: string) => void }) {
  const levels = models.filter((m) => m.riskLevel !== null).sort((a, b) => a.riskLevel! - b.riskLevel!);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {levels.length > 0 && (
          <Field label="Risk level" hint="1: least volatile; 10: highest expected return.">
            {(a) => (
              <input
                {...a}
                type="range"
                min={levels[0]!.riskLevel!}
                max={levels.at(-1)!.riskLevel!}
                step={1}
                value={chosen?.riskLevel ?? levels[0]!.riskLevel!}
                aria-valuetext={chosen?.riskLevel ? `Risk level ${chosen.riskLevel}` : undefined}
                onChange={(e) => {
                  const level = levels.find((m) => m.riskLevel === Number(e.target.value));
                  if (level) onChoose(level.id);
                }}
                className="w-full accent-brand-600"
              />
            )}
          </Field>
        )}
        <Field label="Model portfolio">
          {(a) => (
            <select {...a} className="input" value={chosen?.id ?? ''} onChange={(e) => onChoose(e.target.value)}>
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {chosen && (
        <div data-testid="model-weights">
          <p className="text-sm">
            <strong>{chosen.name}</strong>
            {chosen.expectedReturn !== null && chosen.volatility !== null && (
              <>
                {' '}
                — expected return {formatPercent(chosen.expectedReturn)}, volatility {formatPercent(chosen.volatility)} a year
              </>
            )}
          </p>
          {chosen.description && <p className="text-xs text-slate-600">{chosen.description}</p>}
          <table className="table mt-2">
            <caption className="sr-only">Weights of {chosen.name}</caption>
            <thead>
              <tr>
                <th scope="col">Asset class</th>
                <th scope="col" className="num">Weight</th>
              </tr>
            </thead>
            <tbody>
              {chosen.allocations.map((a) => (
                <tr key={a.assetClass}>
                  <td>{humanize(a.assetClass)}</td>
                  <td className="num">{formatPercent(a.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The frontier of the ten risk levels under the current capital-market assumptions, with the household's holdings and the chosen model evaluated by the server on the same figures. */
function Frontier({ householdId, currency, model }: { householdId: string; currency: string; model: ModelPortfolio | undefined }) {
  const assumptions = useCurrentAssumptions();
  const positions = usePositions(householdId);
  const instruments = useInstruments(householdId);
  // One "proxy" per class of the set: the server evaluates weights by asset class.
  const proxies = (assumptions.data?.classes ?? []).filter((c) => c.assetClass !== 'Cash').map((c) => ({ asset: c.assetClass, assetClass: c.assetClass }));
  const allocation = positions.data && instruments.data ? allocationByAssetClass(positions.data, instruments.data, currency) : null;
  const current: FrontierInput | null = allocation && proxies.length > 0 ? toFrontierInput('Current holdings', sharesFromAllocation(allocation), proxies) : null;
  const target: FrontierInput | null = model && proxies.length > 0 ? toFrontierInput(`Target: ${model.name}`, sharesFromModel(model.allocations), proxies) : null;
  const evaluate = [current, target].filter((x): x is FrontierInput => x !== null).map((x) => x.portfolio);
  const ready = assumptions.isSuccess && positions.isSuccess && instruments.isSuccess;
  const frontier = useQuery({
    queryKey: portfolioKeys.frontier(assumptions.data?.version ?? 0, evaluate),
    enabled: ready,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.POST('/api/v1/assumptions/frontier', { body: { evaluate } })),
  });
  const failed = assumptions.error ?? positions.error ?? instruments.error ?? frontier.error;
  if (failed) return <ErrorMessage error={failed} title="Could not draw the frontier" />;
  if (!assumptions.isSuccess) return <Loading label="Computing the efficient frontier…" className={frontierSpace} />;
  // The explanation needs only the assumptions (the frontier is computed under the current set), so it shows
  // while the frontier is computed: it is the page's largest text, and waiting for the frontier delayed its paint.
  const explanation = (
    <p className="text-sm text-slate-600">
      The ten risk levels under capital-market assumptions version {assumptions.data.version} of {formatDate(assumptions.data.asOf)} ({assumptions.data.name}): the
      same figures as the generated model portfolios and the planner. Cash earns the assumptions&apos; cash rate and does not move.
    </p>
  );
  if (!ready || !frontier.isSuccess) {
    return (
      <>
        {explanation}
        <Loading label="Computing the efficient frontier…" className={chartSpace} />
      </>
    );
  }
  return (
    <>
      {explanation}
      <FrontierChart result={{ objective: 'frontier', portfolios: frontier.data.portfolios, evaluated: frontier.data.evaluated }} labels={{ current: current?.portfolio.name, target: target?.portfolio.name }} />
      {!current && <p className="text-sm text-slate-600">Your holdings are not marked: nothing held yet, or only classes these assumptions do not cover.</p>}
      {current && current.uncovered.length > 0 && (
        <p className="text-sm text-slate-600">
          Left out of your point (no figures in the assumptions): {current.uncovered.map((u) => `${humanize(u.key)} ${formatPercent(u.share)}`).join(', ')}; the rest is scaled up to fill.
        </p>
      )}
      {allocation && allocation.excluded.length > 0 && <p className="text-sm text-slate-600">Not valued: {allocation.excluded.map((e) => e.symbol).join(', ')}.</p>}
    </>
  );
}

function Targets({ householdId, model, instruments }: { householdId: string; model: ModelPortfolio | undefined; instruments: Instrument[] | undefined }) {
  const targets = useTargets(householdId);
  const positions = usePositions(householdId);
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: portfolioKeys.targets(householdId) }), queryClient.invalidateQueries({ queryKey: portfolioKeys.alerts(householdId) })]);
  const remove = useMutation({
    mutationFn: (targetId: string) => unwrap(api.DELETE('/api/v1/households/{householdId}/rebalance-targets/{targetId}', { params: { path: { householdId, targetId } } })),
    onSettled: refresh,
  });
  const bySymbol = new Map((instruments ?? []).map((i) => [i.id, i.symbol]));
  return (
    <section className="card space-y-3" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Rebalance targets</h2>
      <QueryView query={targets}>
        {(ts) =>
          ts.length === 0 ? (
            <Empty>No targets yet: the rebalancer has nothing to aim for. Set them from the chosen model below.
              <LearnMore slug="rebalancing">Why rebalance</LearnMore>
            </Empty>
          ) : (
            <ScrollArea label="Rebalance targets table">
              <table className="table" data-testid="targets-table">
                <caption className="sr-only">The household's rebalance targets</caption>
                <thead>
                  <tr>
                    <th scope="col">Target</th>
                    <th scope="col" className="num">Weight</th>
                    <th scope="col" className="num">Band</th>
                    <th scope="col">Buys</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ts.map((t) => (
                    <tr key={t.id}>
                      <td>{targetLabel(t, bySymbol)}</td>
                      <td className="num">{formatPercent(t.weight)}</td>
                      <td className="num">±{formatPercent(Math.min(t.absoluteBand, t.relativeBand * t.weight))}</td>
                      <td>{t.buyInstrumentId ? (bySymbol.get(t.buyInstrumentId) ?? '?') : '—'}</td>
                      <td className="text-right">
                        <button type="button" className="btn-secondary" disabled={remove.isPending} onClick={() => remove.mutate(t.id)} aria-label={`Remove target ${targetLabel(t, bySymbol)}`}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )
        }
      </QueryView>
      {remove.isError && <ErrorMessage error={remove.error} title="Could not remove the target" />}
      {model && instruments && targets.isSuccess && positions.isSuccess && (
        <SetTargetsFromModel
          key={model.id}
          householdId={householdId}
          model={model}
          existing={targets.data}
          instruments={instruments}
          held={new Set(positions.data.positions.map((p) => p.instrumentId))}
          onDone={refresh}
        />
      )}
    </section>
  );
}

function targetLabel(t: RebalanceTarget, bySymbol: Map<string, string>): string {
  const what = t.instrumentId ? (bySymbol.get(t.instrumentId) ?? 'an instrument') : humanize(t.assetClass ?? '');
  return t.accountId ? `${what} (one account)` : what;
}

/** Replaces the household's targets with one per class of the model; each class target buys the instrument chosen for it. */
function SetTargetsFromModel({
  householdId, model, existing, instruments, held, onDone,
}: { householdId: string; model: ModelPortfolio; existing: RebalanceTarget[]; instruments: Instrument[]; held: Set<string>; onDone: () => Promise<unknown> }) {
  const form = useForm<BandsForm>({ resolver: zodResolver(bandsSchema), defaultValues: defaultBands });
  const candidates = (c: AssetClass) => instruments.filter((i) => i.assetClass === c).sort((a, b) => Number(held.has(b.id)) - Number(held.has(a.id)) || a.symbol.localeCompare(b.symbol));
  const [buys, setBuys] = useState<Partial<Record<AssetClass, string>>>(() =>
    Object.fromEntries(model.allocations.map((a) => [a.assetClass, candidates(a.assetClass)[0]?.id]).filter(([, id]) => id)),
  );
  const save = useMutation({
    mutationFn: (bands: BandsForm) =>
      unwrap(api.PUT('/api/v1/households/{householdId}/rebalance-targets', { params: { path: { householdId } }, body: modelTargetsRequest(model.id, bands, buys) })),
    onSettled: onDone,
  });
  const errors = form.formState.errors;
  return (
    <form className="space-y-3 border-t border-slate-200 pt-3" onSubmit={form.handleSubmit((b) => save.mutate(b))} aria-labelledby="set-targets-heading" noValidate>
      <h3 id="set-targets-heading" className="font-semibold">
        Set targets from {model.name}
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Band, percentage points" error={errors.absoluteBand?.message} hint="A class may drift this far from its weight…">
          {(a) => <input {...a} className="input" type="number" step="0.1" {...form.register('absoluteBand', { valueAsNumber: true })} />}
        </Field>
        <Field label="Band, % of the weight" error={errors.relativeBand?.message} hint="…or this share of its weight, whichever is tighter.">
          {(a) => <input {...a} className="input" type="number" step="1" {...form.register('relativeBand', { valueAsNumber: true })} />}
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="label">What each class buys</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {model.allocations.map((a) => {
            const options = candidates(a.assetClass);
            return (
              <Field key={a.assetClass} label={`${humanize(a.assetClass)} (${formatPercent(a.weight)})`}>
                {(f) => (
                  <select {...f} className="input" value={buys[a.assetClass] ?? ''} onChange={(e) => setBuys((b) => ({ ...b, [a.assetClass]: e.target.value || undefined }))}>
                    <option value="">{options.length > 0 ? "Keep the current choice or the largest holding" : "No instrument of this class yet"}</option>
                    {options.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.symbol}
                        {held.has(i.id) ? ' (held)' : ''}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          })}
        </div>
      </fieldset>
      <button type="submit" className="btn" disabled={save.isPending}>
        {existing.length > 0 ? 'Replace the targets' : 'Set the targets'}
      </button>
      {save.isError && <ErrorMessage error={save.error} title="The targets were not saved" />}
      {save.isSuccess && (
        <p role="status" className="text-sm text-green-900">
          {save.data.length} target(s) set from {model.name}.
        </p>
      )}
    </form>
  );
}

function Orders({ householdId, names }: { householdId: string; names: { accounts: Map<string, { name: string }>; instruments: Map<string, Instrument> } }) {
  const orders = useOrders(householdId);
  return (
    <section className="card space-y-2" aria-labelledby="orders-heading">
      <h2 id="orders-heading">Orders</h2>
      <QueryView query={orders}>
        {(os) =>
          os.length === 0 ? (
            <Empty>No orders. Accepting a rebalance proposal creates pending orders here.</Empty>
          ) : (
            <ScrollArea label="Orders table">
              <table className="table" data-testid="orders-table">
                <caption className="sr-only">Orders</caption>
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Account</th>
                    <th scope="col">Instrument</th>
                    <th scope="col">Side</th>
                    <th scope="col" className="num">Quantity</th>
                    <th scope="col" className="num">Price</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {os.map((o) => {
                    const instrument = names.instruments.get(o.instrumentId);
                    return (
                      <tr key={o.id}>
                        <td>{formatInstant(o.createdUtc)}</td>
                        <td>{names.accounts.get(o.accountId)?.name ?? '—'}</td>
                        <td className="font-medium">{instrument?.symbol ?? '—'}</td>
                        <td>{o.side}</td>
                        <td className="num">{formatNumber(o.quantity)}</td>
                        <td className="num">{instrument ? formatMoney(o.price, instrument.currency) : formatNumber(o.price)}</td>
                        <td>{o.status}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollArea>
          )
        }
      </QueryView>
    </section>
  );
}
