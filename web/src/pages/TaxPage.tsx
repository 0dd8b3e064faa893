import { useId, useState } from 'react';
import { ScrollArea } from '../components/ScrollArea';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, rawJson, unwrap } from '../api/client';
import type { HarvestScan, RealizedGainsYear } from '../api/types';
import { useHouseholdId } from '../household/HouseholdLayout';
import { keys, useAccounts, useHousehold, useInstruments } from '../household/queries';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { formatDate, formatMoney, formatNumber } from '../lib/format';
import { downloadCsv } from '../lib/csvExport';
import { parseTaxYear } from '../tax/taxYear';
import { gainsCsv, reportableGain } from '../tax/gainsCsv';
import { TaxSettingsSection } from '../tax/TaxSettingsSection';

export function TaxPage() {
  const householdId = useHouseholdId();
  const currency = useHousehold(householdId).data?.reportingCurrency ?? 'USD';
  const accounts = useAccounts(householdId);
  const instruments = useInstruments(householdId);
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? '…';
  const symbol = (id: string | null | undefined) => (id ? (instruments.data?.find((i) => i.id === id)?.symbol ?? '…') : null);
  return (
    <>
      <h1>Tax</h1>
      <HarvestSection householdId={householdId} currency={currency} accountName={accountName} symbol={symbol} />
      <TaxSettingsSection householdId={householdId} instruments={instruments.data ?? []} />
      <GainsSection householdId={householdId} currency={currency} accountName={accountName} accountCurrency={(id) => accounts.data?.find((a) => a.id === id)?.baseCurrency ?? currency} />
    </>
  );
}

interface Names {
  householdId: string;
  currency: string;
  accountName: (id: string) => string;
}

function HarvestSection({ householdId, currency, accountName, symbol }: Names & { symbol: (id: string | null | undefined) => string | null }) {
  const scan = useQuery({
    queryKey: [...keys.household(householdId), 'tax-loss-opportunities'],
    queryFn: () => unwrap(api.GET('/api/v1/households/{householdId}/tax-loss-opportunities', { params: { path: { householdId } } })),
  });
  return (
    <section className="card space-y-3" aria-labelledby="harvest-heading">
      <h2 id="harvest-heading">Tax-loss harvesting</h2>
      <p className="text-sm text-slate-600">
        Losing lots in taxable accounts worth selling today, at the latest close, with the tax they would save at your household&apos;s rates after trading costs. Nothing is traded from
        here.
      </p>
      <QueryView query={scan} loadingLabel="Looking for losses to harvest…">
        {(s: HarvestScan) => (
          <>
            {s.opportunities.length === 0 ? (
              <Empty>No losses worth harvesting today.</Empty>
            ) : (
              <ScrollArea label="Harvesting opportunities">
                <table className="table" data-testid="harvest-table">
                  <caption className="sr-only">Harvesting opportunities</caption>
                  <thead>
                    <tr>
                      <th scope="col">Sell</th>
                      <th scope="col">Account</th>
                      <th scope="col" className="num">Quantity</th>
                      <th scope="col" className="num">Loss</th>
                      <th scope="col" className="num">Estimated saving</th>
                      <th scope="col">Replacement</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.opportunities.map((o) => (
                      <tr key={`${o.accountId}-${o.instrumentId}`} title={o.reason}>
                        <td className="font-medium">{symbol(o.instrumentId)}</td>
                        <td>{accountName(o.accountId)}</td>
                        <td className="num">{formatNumber(o.quantity)}</td>
                        <td className="num text-red-800">{formatMoney(o.loss, currency)}</td>
                        <td className="num font-semibold text-green-800">{formatMoney(o.estimatedSaving, currency)}</td>
                        <td>{symbol(o.replacementId) ?? <span className="text-slate-600">none set: out of the market for 31 days</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollArea>
            )}
            {s.blocked.length > 0 && (
              <div className="space-y-1">
                <h3 className="font-semibold">Blocked by the wash-sale rule</h3>
                <ul className="divide-y divide-slate-100 text-sm" data-testid="harvest-blocked">
                  {s.blocked.map((b) => (
                    <li key={`${b.accountId}-${b.instrumentId}`} className="py-1.5">
                      <span className="font-medium">{symbol(b.instrumentId)}</span> in {accountName(b.accountId)}: a {formatMoney(b.loss, currency)} loss. {b.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {s.swapBacks.length > 0 && (
              <div className="space-y-1">
                <h3 className="font-semibold">Ready to swap back</h3>
                <ul className="divide-y divide-slate-100 text-sm">
                  {s.swapBacks.map((w) => (
                    <li key={`${w.accountId}-${w.replacementId}`} className="py-1.5">
                      {symbol(w.replacementId)} → {symbol(w.originalId)} in {accountName(w.accountId)}: {w.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function GainsSection({ householdId, currency, accountName, accountCurrency }: Names & { accountCurrency: (id: string) => string }) {
  const id = useId();
  // The last complete, valid year typed, kept in the address (?year=) so a reload or a link shows the
  // same year; the query waits for four digits instead of firing per keystroke.
  const [params, setParams] = useSearchParams();
  const year = parseTaxYear(params.get('year') ?? '') ?? new Date().getUTCFullYear();
  const [yearText, setYearText] = useState(() => String(year));
  const invalid = parseTaxYear(yearText) === null && yearText.trim().length >= 4;
  const gains = useQuery({
    queryKey: [...keys.household(householdId), 'realized-gains', year],
    queryFn: async (): Promise<RealizedGainsYear> => {
      const g = await unwrap(api.GET('/api/v1/households/{householdId}/realized-gains', { params: { path: { householdId }, query: { year } } }));
      // The endpoint answers CSV only for Accept: text/csv, which this call does not send.
      if (typeof g === 'string') throw new Error('The server answered CSV where JSON was asked for.');
      return g;
    },
  });
  const [form8949Error, setForm8949Error] = useState<unknown>(null);

  async function downloadForm8949() {
    setForm8949Error(null);
    try {
      const csv = await rawJson<string>(`/api/v1/households/${householdId}/realized-gains?year=${year}`, { headers: { Accept: 'text/csv' } });
      downloadCsv(`form-8949-${year}.csv`, csv);
    } catch (e) {
      setForm8949Error(e);
    }
  }

  return (
    <section className="card space-y-3" aria-labelledby="gains-heading">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="gains-heading">Realised gains by sale date</h2>
        <div className="text-sm">
          <label htmlFor={`${id}-year`} className="label">
            Tax year
          </label>
          <input
            id={`${id}-year`}
            className="input w-28"
            inputMode="numeric"
            maxLength={4}
            value={yearText}
            aria-invalid={invalid}
            aria-describedby={`${id}-year-hint`}
            pattern="[0-9]*"
            onChange={(e) => {
              // Digits only: a year has no letters, and a pasted "FY2024" keeps its year.
              const text = e.target.value.replace(/\D/g, '').slice(0, 4);
              setYearText(text);
              const y = parseTaxYear(text);
              if (y !== null && y !== year) setParams({ year: String(y) }, { replace: true });
            }}
          />
          <p id={`${id}-year-hint`} className={`mt-1 text-xs ${invalid ? 'text-red-800' : 'text-slate-600'}`}>
            {invalid ? 'A year from 1900 to 9998' : 'Four digits'}
          </p>
        </div>
      </div>
      <QueryView query={gains}>
        {(g) => (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="gains-summary">
              <div>
                <dt className="text-sm text-slate-600">Short term</dt>
                <dd className="text-xl font-semibold">{formatMoney(g.shortTermGain, currency)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Long term</dt>
                <dd className="text-xl font-semibold">{formatMoney(g.longTermGain, currency)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Wash-sale loss disallowed</dt>
                <dd className="text-xl font-semibold">{formatMoney(g.disallowedLoss, currency)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Reportable gain</dt>
                <dd className="text-xl font-semibold">{formatMoney(g.reportableGain, currency)}</dd>
              </div>
            </dl>
            {g.gains.some((x) => !x.taxable) && (
              <p className="text-sm text-slate-700" data-testid="gains-tax-advantaged">
                Sales in tax-advantaged accounts (IRA, Roth, 401(k), HSA, 529), not reportable and not in the totals above:{' '}
                {formatMoney(g.taxAdvantaged.shortTermGain + g.taxAdvantaged.longTermGain, currency)}.
              </p>
            )}
            {g.gains.length === 0 ? (
              <Empty>No sales in {g.year}.</Empty>
            ) : (
              <>
                <div className="flex flex-wrap gap-2">
                  <button type="button" className="btn-secondary" onClick={() => downloadCsv(`realised-gains-${g.year}.csv`, gainsCsv(g.gains, accountName))}>
                    Export CSV
                  </button>
                  <button type="button" className="btn-secondary" onClick={() => void downloadForm8949()}>
                    Form 8949 CSV (taxable accounts)
                  </button>
                </div>
                {form8949Error != null && <ErrorMessage error={form8949Error} title="Could not make the Form 8949 file" />}
                <ScrollArea label="Realised gains">
                  <table className="table" data-testid="gains-table">
                    <caption className="sr-only">Realised gains in {g.year}</caption>
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
                        <th scope="col" className="num">
                          <abbr title="Loss disallowed by the wash-sale rule (Form 8949 code W)">Wash sale</abbr>
                        </th>
                        <th scope="col" className="num">Reportable</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.gains.map((x) => {
                        const cur = accountCurrency(x.accountId);
                        return (
                          <tr key={`${x.saleTransactionId}-${x.lotId}`}>
                            <td className="font-medium">{x.symbol}</td>
                            <td>
                              {accountName(x.accountId)}
                              {!x.taxable && <span className="ml-1 text-xs text-slate-600">(tax-advantaged)</span>}
                            </td>
                            <td>{formatDate(x.acquiredDate)}</td>
                            <td>{formatDate(x.soldDate)}</td>
                            <td className="num">{formatNumber(x.quantity)}</td>
                            <td className="num">{formatMoney(x.proceeds, cur)}</td>
                            <td className="num">{formatMoney(x.costBasis, cur)}</td>
                            <td className={`num ${x.gain < 0 ? 'text-red-800' : 'text-green-800'}`}>{formatMoney(x.gain, cur)}</td>
                            <td>{x.term === 'ShortTerm' ? 'Short' : 'Long'}</td>
                            <td className="num">{x.code ? `${x.code} ${formatMoney(x.disallowedLoss, cur)}` : ''}</td>
                            <td className="num">{formatMoney(reportableGain(x), cur)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </ScrollArea>
              </>
            )}
          </>
        )}
      </QueryView>
      <p className="text-xs text-slate-600">
        Totals are the taxable accounts&apos; sums of the rows as shown (each rounded to cents). A loss is disallowed (code W) when the same or a substantially identical security is bought within 30 days either side of the sale; it is added to the replacement lot&apos;s cost
        basis. Form 8949 CSV is the server&apos;s export of the taxable accounts only.
      </p>
    </section>
  );
}
