import { lazy } from 'react';
import { fanPoints, type SimulationOutput } from './results';
import { formatMoney } from '../lib/format';
import { LazyChart } from '../components/LazyChart';

const FanPlot = lazy(() => import('./PlanCharts').then((m) => ({ default: m.FanPlot })));

/** Balance percentiles by age: the 5–95 and 25–75 bands and the median. */
export function FanChart({ output, money, currency }: { output: SimulationOutput; money: 'nominal' | 'real'; currency: string }) {
  const data = fanPoints(output, money);
  const byAge = output.years.some((y) => y.age !== undefined);
  const fmt = (v: number) => formatMoney(v, currency, undefined, true);
  return (
    <figure>
      <div className="h-72 w-full" data-testid="fan-chart">
        <LazyChart>
          <FanPlot data={data} byAge={byAge} fmt={fmt} />
        </LazyChart>
      </div>
      <figcaption className="text-sm text-slate-600">
        Portfolio balance at each year end, {money === 'real' ? "in today's money" : 'in future (nominal) money'}, over {output.paths.toLocaleString()} simulated paths (seed {output.seed}).
      </figcaption>
    </figure>
  );
}
