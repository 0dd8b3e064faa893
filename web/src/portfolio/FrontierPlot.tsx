import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../lib/format';
import { palette } from '../components/charts';

export interface FrontierPoint {
  name: string;
  volatility: number;
  expectedReturn: number;
}

/** The frontier's scatter with the marked portfolios, loaded lazily (LazyChart) with the chart library. */
export function FrontierPlot({ frontier, current, target }: { frontier: FrontierPoint[]; current: FrontierPoint[]; target: FrontierPoint[] }) {
  const pct = (v: number) => formatPercent(v, undefined, 0);
  return (
    <ResponsiveContainer>
      <ScatterChart margin={{ left: 8, right: 16, bottom: 16 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis type="number" dataKey="volatility" name="Volatility" tickFormatter={pct} domain={[0, 'auto']} label={{ value: 'Volatility (annual)', position: 'insideBottom', offset: -10 }} />
        <YAxis type="number" dataKey="expectedReturn" name="Expected return" tickFormatter={pct} width={56} domain={['auto', 'auto']} />
        <Tooltip
          formatter={(v, name) => [formatPercent(Number(v)), String(name)]}
          labelFormatter={() => ''}
        />
        <Legend verticalAlign="top" />
        <Scatter name="Efficient frontier" data={frontier} fill={palette[0]} line={{ stroke: palette[0], strokeWidth: 2 }} isAnimationActive={false} />
        {current.length > 0 && <Scatter name="Current" data={current} fill={palette[1]} shape="diamond" isAnimationActive={false} />}
        {target.length > 0 && <Scatter name="Target" data={target} fill={palette[2]} shape="star" isAnimationActive={false} />}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
