import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../lib/format';
import { palette } from '../components/charts';
import type { CashFlow } from './queries';

/** Income against expense by month (Recharts; loaded on its own after the tables, see CashFlowPage). */
export default function CashFlowChart({ report }: { report: CashFlow }) {
  const fmt = (v: number) => formatMoney(v, report.currency, undefined, true);
  return (
    <div className="h-64 w-full" data-testid="cash-flow-chart">
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
    </div>
  );
}
