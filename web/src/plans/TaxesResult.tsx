import { lazy } from 'react';
import type { SimulationOutput } from './results';
import { formatMoney } from '../lib/format';
import { LazyChart } from '../components/LazyChart';

const TaxBars = lazy(() => import('./PlanCharts').then((m) => ({ default: m.TaxBars })));

type Taxes = NonNullable<SimulationOutput['taxes']>;

/** Lifetime taxes over the paths and the mean tax of each year (docs/monte-carlo.md, "Taxes"). */
export function TaxesResult({ taxes, money, currency }: { taxes: Taxes; money: 'nominal' | 'real'; currency: string }) {
  const byAge = taxes.years.some((y) => y.age !== undefined);
  const rows = taxes.years.map((y) => ({ x: y.age ?? y.year, tax: money === 'real' ? y.meanReal : y.meanNominal }));
  const fmt = (v: number) => formatMoney(v, currency, undefined, true);
  const label = (x: number) => (byAge ? `Age ${Math.round(x)}` : `Year ${x}`);
  return (
    <section aria-labelledby="taxes-heading" className="space-y-2">
      <h3 id="taxes-heading" className="font-semibold">
        Taxes
      </h3>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">Lifetime taxes, median path</dt>
          <dd className="text-xl font-semibold" data-testid="lifetime-taxes">
            {formatMoney(taxes.lifetimeReal.p50, currency)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">10th–90th percentile</dt>
          <dd className="text-xl font-semibold">
            {fmt(taxes.lifetimeReal.p10)} – {fmt(taxes.lifetimeReal.p90)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Mean over paths</dt>
          <dd className="text-xl font-semibold">{formatMoney(taxes.meanLifetimeReal, currency)}</dd>
        </div>
      </dl>
      <p className="text-xs text-slate-600">Lifetime figures are in today's money: each year's tax deflated to today at the month it is paid.</p>
      <figure>
        <div className="h-56 w-full" data-testid="taxes-chart">
          <LazyChart>
            <TaxBars rows={rows} byAge={byAge} fmt={fmt} label={label} />
          </LazyChart>
        </div>
        <figcaption className="text-sm text-slate-600">
          Mean tax paid for each year over all paths (a path that ran out pays none), {money === 'real' ? "in today's money" : 'in future (nominal) money'}.
        </figcaption>
      </figure>
      <details>
        <summary className="cursor-pointer text-sm">Taxes by year as a table</summary>
        <div className="max-h-72 overflow-auto" tabIndex={0} role="region" aria-label="Taxes by year">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{byAge ? 'Age' : 'Year'}</th>
                <th scope="col" className="num">
                  Mean tax
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.x}>
                  <td>{byAge ? Math.round(r.x) : r.x}</td>
                  <td className="num">{formatMoney(r.tax, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
