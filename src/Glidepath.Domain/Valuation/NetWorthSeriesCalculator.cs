using Glidepath.Domain.Results;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Valuation;

/// <summary>
/// One pass along the dates: the ledger replay advances day by day, holdings are kept as
/// household quantities in arrays indexed by instrument, each instrument's closes are read with
/// a cursor that only moves forward, and each currency's subtotal is converted once a day.
/// </summary>
internal sealed class NetWorthSeriesCalculator(
    PriceBook prices, IReadOnlyDictionary<Guid, Instrument> instruments, IReadOnlyList<Account> accounts, Currency reporting)
{
    private readonly List<Currency> currencies = [];

    public Result<NetWorthSeries> Compute(IReadOnlyList<Transaction> transactions, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return Fail(ValuationErrorCodes.InvalidRange, $"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        var history = LedgerBuilder.Prepare(accounts, transactions);
        if (history.Errors.Count > 0)
        {
            return ValuationProblems.From(history.Errors.Select(e => new ValuationError(e.Code, e.Message)).ToList());
        }

        var ids = history.Transactions.Where(t => t.InstrumentId is not null).Select(t => t.InstrumentId!.Value).Distinct().ToArray();
        var unknown = ids.Where(id => !instruments.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            return ValuationProblems.From(unknown.Select(id => new ValuationError(ValuationErrorCodes.UnknownInstrument, $"Instrument {id} is unknown.")).ToList());
        }

        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var currencyOf = ids.Select(id => CurrencyIndex(instruments[id].Currency)).ToArray();
        var accountCurrency = accounts.Select(a => CurrencyIndex(a.BaseCurrency)).ToArray();
        var series = ids.Select(prices.CloseSeries).ToArray();
        var cursor = Enumerable.Repeat(-1, ids.Length).ToArray();
        var quantity = new decimal[ids.Length];
        var active = new List<int>();
        var cash = new decimal[currencies.Count];
        var subtotal = new decimal[currencies.Count];
        var touched = new HashSet<int>();

        var replay = new LedgerReplay(accounts);
        var ordered = history.Transactions;
        var next = 0;
        var points = new List<NetWorthPoint>(to.DayNumber - from.DayNumber + 1);

        for (var dayNumber = from.DayNumber; dayNumber <= to.DayNumber; dayNumber++)
        {
            var day = DateOnly.FromDayNumber(dayNumber);

            // Transactions before the range are replayed on its first day, in one go.
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
                return ValuationProblems.From(replay.Errors.Select(e => new ValuationError(e.Code, e.Message)).ToList());
            }

            if (applied)
            {
                Refresh(replay, ids, touched, quantity, active, cash, accountCurrency);
            }

            Array.Copy(cash, subtotal, cash.Length);
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

                if (closes is null || cursor[i] < 0)
                {
                    return Fail(ValuationErrorCodes.MissingPrice, $"No close for {instruments[ids[i]].Symbol} ({ids[i]}) on or before {day:yyyy-MM-dd}.");
                }

                subtotal[currencyOf[i]] += quantity[i] * closes.Values[cursor[i]];
            }

            var total = 0m;
            for (var c = 0; c < subtotal.Length; c++)
            {
                if (subtotal[c] == 0m)
                {
                    continue;
                }

                var rate = prices.Rate(currencies[c], reporting, day);
                if (rate.Error is not null)
                {
                    return ValuationProblems.From([rate.Error]);
                }

                total += subtotal[c] * rate.Value;
            }

            points.Add(new NetWorthPoint(day, total));
        }

        return Result.Ok(new NetWorthSeries(reporting, points));
    }

    /// <summary>Re-reads household quantities of the instruments a day touched, and all cash (20 accounts is cheap).</summary>
    private void Refresh(
        LedgerReplay replay, Guid[] ids, HashSet<int> touched, decimal[] quantity, List<int> active, decimal[] cash, int[] accountCurrency)
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
            cash[accountCurrency[a]] += replay.Cash(accounts[a].Id);
        }
    }

    private int CurrencyIndex(Currency currency)
    {
        var i = currencies.IndexOf(currency);
        if (i < 0)
        {
            currencies.Add(currency);
            i = currencies.Count - 1;
        }

        return i;
    }

    private static Result<NetWorthSeries> Fail(string code, string message) => ValuationProblems.From([new ValuationError(code, message)]);
}
