import { Link, useSearchParams } from 'react-router';
import { ScrollArea } from '../components/ScrollArea';
import { PricesAsOf, StaleBadge } from '../components/PricesAsOf';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts, usePositions } from '../household/queries';
import { Empty, QueryView } from '../components/DataState';
import { UnclassifiedNotice } from '../instruments/UnclassifiedNotice';
import { formatDate, formatMoney, formatNumber } from '../lib/format';
import { LotGroups } from '../holdings/LotGroups';
import { gainClass } from '../holdings/groupLots';

export function HoldingsPage() {
  const householdId = useHouseholdId();
  const [params, setParams] = useSearchParams();
  const accountId = params.get('account') ?? '';
  const accounts = useAccounts(householdId);
  const positions = usePositions(householdId);
  const lots = useQuery({
    queryKey: keys.lots(householdId, accountId || undefined),
    queryFn: () =>
      unwrap(api.GET('/api/v1/households/{householdId}/lots', { params: { path: { householdId }, query: accountId ? { accountId } : {} } })),
  });

  return (
    <>
      <h1>Holdings</h1>
      <UnclassifiedNotice householdId={householdId} />
      <div className="card flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="label">Account</span>
          <select
            className="input"
            value={accountId}
            onChange={(e) => setParams(e.target.value ? { account: e.target.value } : {})}
          >
            <option value="">All accounts</option>
            {accounts.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {accountId && (
          <Link to={`/households/${householdId}/accounts/${accountId}/orders`} className="btn-secondary">
            Orders of this account
          </Link>
        )}
      </div>
      <section className="card" aria-labelledby="positions-heading">
        <h2 id="positions-heading" className="mb-2">
          Positions
        </h2>
        <QueryView query={positions}>
          {(p) => {
            const rows = p.positions.filter((x) => !accountId || x.accountId === accountId);
            const cash = p.cash.filter((x) => !accountId || x.accountId === accountId);
            return (
              <>
                <p className="mb-2 text-sm text-slate-600">Valued at the last close on or before {formatDate(p.asOf)}.</p>
                <PricesAsOf date={p.pricesAsOf} stale={p.stale} />
                {rows.length === 0 ? (
                  <Empty>No positions.</Empty>
                ) : (
                  <ScrollArea label="Positions">
                    <table className="table" data-testid="positions-table">
                      <thead>
                        <tr>
                          <th scope="col">Symbol</th>
                          <th scope="col">Account</th>
                          <th scope="col" className="num">Quantity</th>
                          <th scope="col" className="num">Price</th>
                          <th scope="col" className="num">Market value</th>
                          <th scope="col" className="num">Cost basis</th>
                          <th scope="col" className="num">Unrealised gain</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((x) => (
                          <tr key={`${x.accountId}-${x.instrumentId}`}>
                            <td className="font-medium">{x.symbol}</td>
                            <td>{x.accountName}</td>
                            <td className="num">{formatNumber(x.quantity)}</td>
                            <td className="num" title={x.priceDate ? `Close of ${formatDate(x.priceDate)}` : undefined}>
                              {formatMoney(x.price, x.currency)}
                              {x.stale && <> <StaleBadge /></>}
                            </td>
                            <td className="num">{formatMoney(x.marketValue, x.currency)}</td>
                            <td className="num">{formatMoney(x.costBasis, x.currency)}</td>
                            <td className={`num ${gainClass(x.unrealisedGain)}`}>{formatMoney(x.unrealisedGain, x.currency)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollArea>
                )}
                {cash.length > 0 && (
                  <ScrollArea label="Cash">
                    <table className="table mt-4">
                      <caption className="text-left text-sm font-semibold">Cash</caption>
                      <thead>
                        <tr>
                          <th scope="col">Account</th>
                          <th scope="col" className="num">Amount</th>
                        </tr>
                      </thead>
                      <tbody>
                        {cash.map((c) => (
                          <tr key={`${c.accountId}-${c.currency}`}>
                            <td>{c.accountName}</td>
                            <td className="num">{formatMoney(c.amount, c.currency)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollArea>
                )}
              </>
            );
          }}
        </QueryView>
      </section>
      <section className="card" aria-labelledby="lots-heading">
        <h2 id="lots-heading" className="mb-2">
          Open tax lots
        </h2>
        <QueryView query={lots}>
          {(list) =>
            list.length === 0 ? (
              <Empty>No open lots.</Empty>
            ) : (
              <LotGroups lots={list} positions={positions.data?.positions ?? []} accountNames={new Map(accounts.data?.map((a) => [a.id, a.name]) ?? [])} />
            )
          }
        </QueryView>
      </section>
    </>
  );
}

