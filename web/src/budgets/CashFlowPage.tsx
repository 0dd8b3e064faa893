import { lazy, useState } from 'react';
import { useHouseholdId } from '../household/HouseholdLayout';
import { Empty, QueryView } from '../components/DataState';
import { formatMoney, formatPercent, todayIso } from '../lib/format';
import { LazyChart } from '../components/LazyChart';
import { byTopLevel, lastTwelveMonths, useCashFlow, type CashFlow } from './queries';

// The chart library comes in its own chunk, after the tables have their data.
const CashFlowChart = lazy(() => import('./CashFlowChart').then((m) => ({ default: m.CashFlowChart })));
const SpendingChart = lazy(() => import('./CashFlowChart').then((m) => ({ default: m.SpendingChart })));

/** Cash flow and spending (docs/budgets.md, "Cash flow"): income against expense by month, spending by category, top payees. */
export function CashFlowPage() {
  const householdId = useHouseholdId();
  const [range, setRange] = useState(() => lastTwelveMonths(todayIso()));
  const report = useCashFlow(householdId, range.from, range.to);
  return (
    <>
      <h1>Cash flow</h1>
      <div className="card flex flex-wrap items-end gap-3">
        <label className="text-sm">
          From{' '}
          <input type="date" className="input" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} aria-label="From" />
        </label>
        <label className="text-sm">
          To{' '}
          <input type="date" className="input" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} aria-label="To" />
        </label>
      </div>
      <QueryView query={report}>{(r) => <Report report={r} />}</QueryView>
    </>
  );
}

function Report({ report }: { report: CashFlow }) {
  const money = (v: number) => formatMoney(v, report.currency);
  return (
    <>
      <section className="card space-y-3" aria-labelledby="by-month-heading">
        <h2 id="by-month-heading">Income and expense by month</h2>
        <dl className="grid grid-cols-3 gap-2 text-sm" data-testid="cash-flow-totals">
          <div>
            <dt className="text-slate-600">Income</dt>
            <dd className="font-semibold">{money(report.totalIncome)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Expense</dt>
            <dd className="font-semibold">{money(report.totalExpense)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Net</dt>
            <dd className="font-semibold">{money(report.totalNet)}</dd>
          </div>
        </dl>
        <div className="h-64 w-full" data-testid="cash-flow-chart">
          <LazyChart>
            <CashFlowChart report={report} />
          </LazyChart>
        </div>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Cash flow by month">
          <table className="table w-full text-sm">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="text-right">Income</th>
                <th scope="col" className="text-right">Expense</th>
                <th scope="col" className="text-right">Net</th>
                <th scope="col" className="text-right">Expense vs month before</th>
                <th scope="col" className="text-right">Uncategorised</th>
              </tr>
            </thead>
            <tbody>
              {report.months.map((m) => (
                <tr key={m.month} data-testid="cash-flow-month">
                  <th scope="row">{m.month}</th>
                  <td className="text-right">{money(m.income)}</td>
                  <td className="text-right">{money(m.expense)}</td>
                  <td className="text-right">{money(m.net)}</td>
                  <td className="text-right">
                    {m.expenseChange === null ? '—' : `${m.expenseChange > 0 ? '+' : ''}${money(m.expenseChange)}`}
                    {m.expenseChangePercent === null ? '' : ` (${m.expenseChangePercent > 0 ? '+' : ''}${formatPercent(m.expenseChangePercent / 100)})`}
                  </td>
                  <td className="text-right">{money(m.uncategorised)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="by-category-heading">
        <h2 id="by-category-heading" className="mb-2">
          Spending by category
        </h2>
        {report.spendingByCategory.length === 0 ? (
          <Empty>No spending in categorised expenses in this range. Categorise transactions on the Categories page.</Empty>
        ) : (
          <>
            <div className="w-full" style={{ height: 40 + byTopLevel(report.spendingByCategory).length * 32 }} data-testid="spending-chart">
              <LazyChart>
                <SpendingChart report={report} />
              </LazyChart>
            </div>
            <table className="table w-full text-sm">
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col" className="text-right">Spent</th>
                  <th scope="col" className="text-right">Share</th>
                </tr>
              </thead>
              <tbody>
                {report.spendingByCategory.map((c) => (
                  <tr key={c.categoryId} data-testid="spending-row">
                    <th scope="row">{c.categoryPath}</th>
                    <td className="text-right">{money(c.amount)}</td>
                    <td className="text-right">{formatPercent(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="payees-heading">
        <h2 id="payees-heading" className="mb-2">
          Top payees
        </h2>
        {report.topPayees.length === 0 ? (
          <Empty>No payees of spending in this range.</Empty>
        ) : (
          <ol className="space-y-1 text-sm">
            {report.topPayees.map((p) => (
              <li key={p.payee} data-testid="payee-row" className="flex justify-between gap-3">
                <span>
                  {p.payee || '(no payee)'} <span className="text-slate-600">× {p.entries}</span>
                </span>
                <span>{money(p.amount)}</span>
              </li>
            ))}
          </ol>
        )}
        {report.unconverted.length > 0 ? (
          <p role="alert" className="mt-2 text-sm text-amber-800">
            Left out for want of an FX rate: {report.unconverted.map((u) => `${formatMoney(u.amount, u.currency)} in ${u.month}`).join(', ')}.
          </p>
        ) : null}
      </section>
    </>
  );
}
