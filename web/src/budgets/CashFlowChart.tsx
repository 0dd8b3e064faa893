import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../lib/format';
import { palette } from '../components/charts';
import { byTopLevel, type CashFlow } from './queries';

// The cash-flow page's charts, loaded lazily (LazyChart) in the box the page gives them.

/** Income against expense by month. */
export function CashFlowChart({ report }: { report: CashFlow }) {
  const fmt = (v: number) => formatMoney(v, report.currency, undefined, true);
  return (
    <ResponsiveContainer>
        <BarChart data={report.months} margin={{ left: 8, right: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="month" />
          <YAxis tickFormatter={fmt} width={72} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend />
          <Bar dataKey="income" name="Income" fill={palette[2]} isAnimationActive={false} />
          <Bar dataKey="expense" name="Expense" fill={palette[1]} isAnimationActive={false} />
        </BarChart>
    </ResponsiveContainer>
  );
}

/** Spending by top-level category, largest first, as horizontal bars (the table below lists each category as categorised). */
export function SpendingChart({ report }: { report: CashFlow }) {
  const rows = byTopLevel(report.spendingByCategory);
  const fmt = (v: number) => formatMoney(v, report.currency, undefined, true);
  return (
    <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={fmt} />
          <YAxis type="category" dataKey="name" width={120} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Bar dataKey="amount" name="Spent" fill={palette[0]} isAnimationActive={false} />
        </BarChart>
    </ResponsiveContainer>
  );
}
