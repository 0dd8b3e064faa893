import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { fanPoints } from './results';
import { palette } from '../components/charts';

// The plan page's charts, loaded lazily (LazyChart): the chart library is the page's largest script,
// and the numbers and tables around the charts need none of it.

/** The 5–95 and 25–75 percentile bands and the median by age or year. */
export function FanPlot({ data, byAge, fmt }: { data: ReturnType<typeof fanPoints>; byAge: boolean; fmt: (v: number) => string }) {
  return (
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
  );
}

/** The mean tax of each year. */
export function TaxBars({ rows, byAge, fmt, label }: { rows: { x: number; tax: number }[]; byAge: boolean; fmt: (v: number) => string; label: (x: number) => string }) {
  return (
    <ResponsiveContainer>
      <BarChart data={rows} margin={{ left: 8, right: 8 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="x" tickFormatter={(v: number) => (byAge ? String(Math.round(v)) : `Y${v}`)} />
        <YAxis tickFormatter={fmt} width={72} />
        <Tooltip labelFormatter={(v) => label(Number(v))} formatter={(v) => fmt(Number(v))} />
        <Bar dataKey="tax" name="Mean tax" fill={palette[2]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
