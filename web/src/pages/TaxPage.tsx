import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts, useHousehold } from '../household/queries';
import { Empty, QueryView } from '../components/DataState';
import { formatDate, formatMoney, formatNumber } from '../lib/format';
import { downloadCsv, toCsv } from '../lib/csvExport';

export function TaxPage() {
  const householdId = useHouseholdId();
  const currency = useHousehold(householdId).data?.reportingCurrency ?? 'USD';
  const accounts = useAccounts(householdId);
  const [year, setYear] = useState(() => new Date().getUTCFullYear());
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const gains = useQuery({
    queryKey: keys.gains(householdId, from, to),
    queryFn: () => unwrap(api.GET('/api/households/{householdId}/realised-gains', { params: { path: { householdId }, query: { from, to } } })),
  });
  const accountName = new Map(accounts.data?.map((a) => [a.id, a.name]));
  const accountCurrency = new Map(accounts.data?.map((a) => [a.id, a.baseCurrency]));

  return (
    <>
      <h1>Tax</h1>
      <section className="card space-y-3 overflow-x-auto" aria-labelledby="gains-heading">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="gains-heading">Realised gains by sale date</h2>
          <label className="text-sm">
            <span className="label">Tax year</span>
            <input type="number" className="input w-28" value={year} min={1900} max={2100} onChange={(e) => Number(e.target.value) > 1900 && setYear(Number(e.target.value))} />
          </label>
        </div>
        <QueryView query={gains}>
          {(g) => (
            <>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                <div>
                  <dt className="text-sm text-slate-600">Short term</dt>
                  <dd className="text-xl font-semibold">{formatMoney(g.shortTermGain, currency)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">Long term</dt>
                  <dd className="text-xl font-semibold">{formatMoney(g.longTermGain, currency)}</dd>
                </div>
              </dl>
              {g.gains.length === 0 ? (
                <Empty>No sales in {year}.</Empty>
              ) : (
                <>
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() =>
                      downloadCsv(
                        `realised-gains-${year}.csv`,
                        toCsv(
                          ['Account', 'Symbol', 'Acquired', 'Sold', 'Quantity', 'Proceeds', 'CostBasis', 'Gain', 'Term'],
                          g.gains.map((x) => [accountName.get(x.accountId) ?? x.accountId, x.symbol, x.acquiredDate, x.soldDate, x.quantity, x.proceeds, x.costBasis, x.gain, x.term]),
                        ),
                      )
                    }
                  >
                    Export CSV
                  </button>
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">Symbol</th>
                        <th scope="col">Account</th>
                        <th scope="col">Acquired</th>
                        <th scope="col">Sold</th>
                        <th scope="col" className="num">Quantity</th>
                        <th scope="col" className="num">Proceeds</th>
                        <th scope="col" className="num">Cost basis</th>
                        <th scope="col" className="num">Gain</th>
                        <th scope="col">Term</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.gains.map((x) => {
                        const cur = accountCurrency.get(x.accountId) ?? currency;
                        return (
                          <tr key={`${x.saleTransactionId}-${x.lotId}`}>
                            <td className="font-medium">{x.symbol}</td>
                            <td>{accountName.get(x.accountId) ?? '…'}</td>
                            <td>{formatDate(x.acquiredDate)}</td>
                            <td>{formatDate(x.soldDate)}</td>
                            <td className="num">{formatNumber(x.quantity)}</td>
                            <td className="num">{formatMoney(x.proceeds, cur)}</td>
                            <td className="num">{formatMoney(x.costBasis, cur)}</td>
                            <td className={`num ${x.gain < 0 ? 'text-red-800' : 'text-green-800'}`}>{formatMoney(x.gain, cur)}</td>
                            <td>{x.term === 'ShortTerm' ? 'Short' : 'Long'}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </>
              )}
            </>
          )}
        </QueryView>
        <p className="text-xs text-slate-600">Wash-sale adjustments and harvesting opportunities appear here once the server reports them.</p>
      </section>
    </>
  );
}
