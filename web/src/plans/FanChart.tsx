import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fanPoints, type SimulationOutput } from './results';
import { formatMoney } from '../lib/format';
import { palette } from '../components/charts';

/** Balance percentiles by age: the 5–95 and 25–75 bands and the median. */
export function FanChart({ output, money, currency }: { output: SimulationOutput; money: 'nominal' | 'real'; currency: string }) {
  const data = fanPoints(output, money);
  const byAge = output.years.some((y) => y.age !== undefined);
  const fmt = (v: number) => formatMoney(v, currency, undefined, true);
  return (
    <figure>
      <div className="h-72 w-full" data-testid="fan-chart">
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ left: 8, right: 8 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => (byAge ? String(Math.round(v)) : `Y${v}`)} label={{ value: byAge ? 'Age' : 'Year', position: 'insideBottom', offset: -2 }} />
            <YAxis tickFormatter={fmt} width={72} />
            <Tooltip
              labelFormatter={(v) => (byAge ? `Age ${Math.round(Number(v))}` : `Year ${String(v)}`)}
              formatter={(v) => (Array.isArray(v) ? `${fmt(Number(v[0]))} – ${fmt(Number(v[1]))}` : fmt(Number(v)))}
            />
            <Legend />
            <Area dataKey="band90" name="5th–95th percentile" stroke="none" fill={palette[0]} fillOpacity={0.15} isAnimationActive={false} />
            <Area dataKey="band50" name="25th–75th percentile" stroke="none" fill={palette[0]} fillOpacity={0.35} isAnimationActive={false} />
            <Line dataKey="median" name="Median" stroke={palette[1]} dot={false} strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-600">
        Portfolio balance at each year end, {money === 'real' ? "in today's money" : 'in future (nominal) money'}, over {output.paths.toLocaleString()} simulated paths (seed {output.seed}).
      </figcaption>
    </figure>
  );
}
