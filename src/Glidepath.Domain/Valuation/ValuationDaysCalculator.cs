using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Valuation;

/// <summary>A household's accounts on one day, in one currency before conversion: positions priced in their instrument's currency plus cash in the account's.</summary>
public readonly record struct CurrencySubtotal(DateOnly Date, Currency Currency, decimal Amount);

/// <summary>A day on which a held instrument has no close on or before it: the household cannot be valued then.</summary>
public readonly record struct ValuationGap(DateOnly Date, Guid InstrumentId);

/// <summary>One account on one day, in one currency before conversion: its positions priced in their instrument's currency plus its cash.</summary>
public readonly record struct AccountSubtotal(DateOnly Date, Guid AccountId, Currency Currency, decimal Amount);

/// <summary>A day on which an instrument the account holds has no close on or before it: the account cannot be valued then.</summary>
public readonly record struct AccountGap(DateOnly Date, Guid AccountId, Guid InstrumentId);

/// <summary>
/// What the read model stores for days <c>from</c>..<c>to</c>: non-zero subtotals per day and currency, and
/// the days that cannot be valued. Converting each day's subtotals at that day's rate and adding them gives
/// the net-worth series (<see cref="NetWorthSeriesCalculator"/> does the same in one step, which is why the
/// arithmetic here is the same, in the same order). The same per account: <see cref="AccountSubtotals"/> and
/// <see cref="AccountGaps"/> give each account's own series.
/// </summary>
public sealed record ValuationDays(
    IReadOnlyList<CurrencySubtotal> Subtotals, IReadOnlyList<ValuationGap> Gaps, IReadOnlyList<AccountSubtotal> AccountSubtotals, IReadOnlyList<AccountGap> AccountGaps);

/// <summary>
/// Computes <see cref="ValuationDays"/> from a household's whole (stored, hence valid) history: the replay runs
/// from the first transaction, days are valued only from <c>from</c>, so a backdated write recomputes the later
/// part of the series and nothing before it. Quantities and cash only: the wash-sale rule changes neither.
/// </summary>
public static class ValuationDaysCalculator
{
    /// <param name="prices">Closes of the history's instruments from the last one before <paramref name="from"/> on (no FX needed).</param>
    public static ValuationDays Compute(
        IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> transactions, IEnumerable<Instrument> instruments, PriceBook prices, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(prices);
        var history = LedgerBuilder.Prepare(accounts, transactions);
        if (history.Errors.Count > 0)
        {
            throw new InvalidOperationException("A stored history does not prepare: " + history.Errors[0].Message);
        }

        var currencies = new List<Currency>();
        int CurrencyIndex(Currency currency)
        {
            var i = currencies.IndexOf(currency);
            if (i < 0)
            {
                currencies.Add(currency);
                i = currencies.Count - 1;
            }

            return i;
        }

        var ids = history.Transactions.Where(t => t.InstrumentId is not null).Select(t => t.InstrumentId!.Value).Distinct().ToArray();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var instrumentCurrency = instruments.ToDictionary(i => i.Id, i => i.Currency);
        var currencyOf = ids.Select(id => CurrencyIndex(instrumentCurrency[id])).ToArray();
        var accountCurrency = accounts.Select(a => CurrencyIndex(a.BaseCurrency)).ToArray();
        var series = ids.Select(prices.CloseSeries).ToArray();
        var cursor = Enumerable.Repeat(-1, ids.Length).ToArray();
        var quantity = new decimal[ids.Length];
        var active = new List<int>();
        // Per account: its units of each instrument it holds, its cash, and its subtotal per currency.
        var held = accounts.Select(_ => new List<(int Instrument, decimal Quantity)>()).ToArray();
        var accountCash = new decimal[accounts.Count];
        var accountSubtotal = new decimal[currencies.Count];
        var cash = new decimal[currencies.Count];
        var subtotal = new decimal[currencies.Count];
        var touched = new HashSet<int>();
        var replay = new LedgerReplay(accounts);
        var ordered = history.Transactions;
        var next = 0;
        var subtotals = new List<CurrencySubtotal>();
        var gaps = new List<ValuationGap>();
        var accountSubtotals = new List<AccountSubtotal>();
        var accountGaps = new List<AccountGap>();
        var priced = new bool[ids.Length];

        for (var dayNumber = from.DayNumber; dayNumber <= to.DayNumber; dayNumber++)
        {
            var day = DateOnly.FromDayNumber(dayNumber);
            touched.Clear();
            var applied = false;
            for (; next < ordered.Count && ordered[next].TradeDate <= day; next++)
            {
                replay.Apply(ordered[next]);
                applied = true;
                if (ordered[next].InstrumentId is { } id)
                {
                    touched.Add(index[id]);
                }
            }

            if (replay.Errors.Count > 0)
            {
                throw new InvalidOperationException("A stored history does not replay: " + replay.Errors[0].Message);
            }

            if (applied)
            {
                foreach (var i in touched)
                {
                    quantity[i] = accounts.Sum(a => replay.Quantity(a.Id, ids[i]));
                }

                active.Clear();
                for (var i = 0; i < quantity.Length; i++)
                {
                    if (quantity[i] != 0m)
                    {
                        active.Add(i);
                    }
                }

                Array.Clear(cash);
                for (var a = 0; a < accounts.Count; a++)
                {
                    accountCash[a] = replay.Cash(accounts[a].Id);
                    cash[accountCurrency[a]] += accountCash[a];
                    held[a].Clear();
                    foreach (var i in active)
                    {
                        if (replay.Quantity(accounts[a].Id, ids[i]) is var units && units != 0m)
                        {
                            held[a].Add((i, units));
                        }
                    }
                }
            }

            Array.Copy(cash, subtotal, cash.Length);
            Guid? missing = null;
            foreach (var i in active)
            {
                var closes = series[i];
                if (closes is not null)
                {
                    while (cursor[i] + 1 < closes.Dates.Length && closes.Dates[cursor[i] + 1] <= day)
                    {
                        cursor[i]++;
                    }
                }

                priced[i] = closes is not null && cursor[i] >= 0;
                if (!priced[i])
                {
                    missing ??= ids[i];
                }
                else if (missing is null)
                {
                    subtotal[currencyOf[i]] += quantity[i] * closes!.Values[cursor[i]];
                }
            }

            for (var a = 0; a < accounts.Count; a++)
            {
                AddAccountDay(a, day);
            }

            if (missing is { } gap)
            {
                gaps.Add(new ValuationGap(day, gap));
                continue;
            }

            for (var c = 0; c < subtotal.Length; c++)
            {
                if (subtotal[c] != 0m)
                {
                    subtotals.Add(new CurrencySubtotal(day, currencies[c], subtotal[c]));
                }
            }
        }

        return new ValuationDays(subtotals, gaps, accountSubtotals, accountGaps);

        void AddAccountDay(int a, DateOnly day)
        {
            Array.Clear(accountSubtotal);
            accountSubtotal[accountCurrency[a]] = accountCash[a];
            foreach (var (i, units) in held[a])
            {
                if (!priced[i])
                {
                    accountGaps.Add(new AccountGap(day, accounts[a].Id, ids[i]));
                    return;
                }

                accountSubtotal[currencyOf[i]] += units * series[i]!.Values[cursor[i]];
            }

            for (var c = 0; c < accountSubtotal.Length; c++)
            {
                if (accountSubtotal[c] != 0m)
                {
                    accountSubtotals.Add(new AccountSubtotal(day, accounts[a].Id, currencies[c], accountSubtotal[c]));
                }
            }
        }
    }
}
