import { CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatMoney, formatPercent, humanize } from '../lib/format';
import { formatSignedPercent } from '../lib/percent';
import { palette, returnDomain } from '../components/charts';

// The dashboard's charts, in a module of their own that the cards load lazily (LazyChart): the chart
// library is the largest script of the signed-in pages, and the cards' numbers and tables need none of it.

/** Net worth by day (the points already thinned). */
export function NetWorthLine({ points, currency }: { points: { date: string; value: number }[]; currency: string }) {
  return (
    <ResponsiveContainer>
      <LineChart data={points} margin={{ left: 8, right: 8 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d)} minTickGap={40} />
        <YAxis tickFormatter={(v: number) => formatMoney(v, currency, undefined, true)} width={70} />
        <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(v) => formatMoney(Number(v), currency)} />
        <Line type="monotone" dataKey="value" name="Net worth" stroke={palette[0]} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Cumulative time-weighted return by day (the points already thinned). */
export function PerformanceLine({ points }: { points: { date?: string; growth: number }[] }) {
  return (
    <ResponsiveContainer>
      <LineChart data={points} margin={{ left: 8, right: 8 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d)} minTickGap={40} />
        <YAxis
          domain={returnDomain(points.map((p) => p.growth))}
          tickFormatter={(v: number) => formatPercent(v, undefined, Math.abs(v) < 0.1 ? 1 : 0)}
          width={56}
        />
        <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(v) => formatSignedPercent(Number(v))} />
        <Line type="monotone" dataKey="growth" name="Cumulative time-weighted return" stroke={palette[0]} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

type Slice = { key: string; value: number };
type TargetRow = { key: string; target: number | null; share: number; colour: number };

/** Holdings by asset class, with the household-wide class targets as a thin outer ring in the same colours. */
export function AllocationPie({ slices, targeted, currency }: { slices: Slice[]; targeted: TargetRow[]; currency: string }) {
  return (
    <ResponsiveContainer>
      <PieChart>
        <Pie data={slices} dataKey="value" nameKey="key" innerRadius="55%" outerRadius="85%" isAnimationActive={false}>
          {slices.map((s, i) => (
            <Cell key={s.key} fill={palette[i % palette.length]} />
          ))}
        </Pie>
        {targeted.length > 0 && (
          <Pie data={targeted} dataKey="target" nameKey="key" innerRadius="88%" outerRadius="96%" isAnimationActive={false} legendType="none">
            {targeted.map((r) => (
              <Cell key={r.key} fill={palette[r.colour % palette.length]} fillOpacity={r.share > 0 ? 1 : 0.4} />
            ))}
          </Pie>
        )}
        <Tooltip formatter={(v, name) => [formatMoney(Number(v), currency), humanize(String(name))]} />
        <Legend formatter={(name: string) => humanize(name)} />
      </PieChart>
    </ResponsiveContainer>
  );
}
