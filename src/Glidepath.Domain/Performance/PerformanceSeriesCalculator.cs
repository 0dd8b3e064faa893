using Glidepath.Domain.Results;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Domain.Valuation;

namespace Glidepath.Domain.Performance;

/// <summary>
/// Replays the whole household's ledger day by day (transfers need both sides) and values the
/// scope's holdings at each close from the day before the range to its last day. Every
/// transaction in a scope account is a set of flows into the scope's holdings (a buy moves its
/// cost from cash into the instrument; a dividend moves its amount from the instrument to cash;
/// a deposit moves money into cash from outside). The scope's external flow is the sum of the
/// flows into its holdings, so flows between two of its holdings cancel and only money crossing
/// the scope's boundary remains.
/// </summary>
internal sealed class PerformanceSeriesCalculator(
    PriceBook prices, IReadOnlyDictionary<Guid, Instrument> instruments, IReadOnlyList<Account> accounts, Currency reporting)
{
    public Result<PerformanceSeries> Compute(IReadOnlyList<Transaction> transactions, PerformanceScope scope, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return Fail(ValuationErrorCodes.InvalidRange, $"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        if (from == DateOnly.MinValue)
        {
            return Fail(ValuationErrorCodes.InvalidRange, "The range must start after 0001-01-01 (the day before it is its start value).");
        }

        var scopeAccounts = ScopeAccounts(scope);
        if (scopeAccounts is null)
        {
            return Fail(PerformanceErrorCodes.UnknownAccount, $"Account {scope.AccountId} is not one of the household's accounts.");
        }

        if (scope.InstrumentId is { } scoped && !instruments.ContainsKey(scoped))
        {
            return Fail(ValuationErrorCodes.UnknownInstrument, $"Instrument {scoped} is unknown.");
        }

        var history = LedgerBuilder.Prepare(accounts, transactions);
        if (history.Errors.Count > 0)
        {
            return ValuationProblems.From(history.Errors.Select(e => new ValuationError(e.Code, e.Message)).ToList());
        }

        var unknown = history.Transactions.Where(t => t.InstrumentId is { } id && !instruments.ContainsKey(id)).Select(t => t.InstrumentId!.Value).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return ValuationProblems.From(unknown.Select(id => new ValuationError(ValuationErrorCodes.UnknownInstrument, $"Instrument {id} is unknown.")).ToList());
        }

        var holdings = Holdings(history.Transactions, scope, scopeAccounts);
        var index = new Dictionary<Guid, int>();
        for (var h = 0; h < holdings.Count; h++)
        {
            if (holdings[h].InstrumentId is { } id)
            {
                index[id] = h;
            }
        }

        var cashIndex = holdings.FindIndex(h => h.InstrumentId is null);
        var days = to.DayNumber - from.DayNumber + 1;
        var dates = new DateOnly[days];
        var values = new decimal[days];
        var external = new decimal[days];
        var gains = new decimal[days, holdings.Count];
        var previous = new decimal[holdings.Count];
        var flows = new decimal[holdings.Count];
        var current = new decimal[holdings.Count];
        var startValue = 0m;

        var replay = new LedgerReplay(accounts);
        var ordered = history.Transactions;
        var next = 0;
        for (var d = -1; d < days; d++)
        {
            var day = from.AddDays(d);
            Array.Clear(flows);
            for (; next < ordered.Count && ordered[next].TradeDate <= day; next++)
            {
                var t = ordered[next];
                replay.Apply(t);
                if (replay.Errors.Count > 0)
                {
                    return ValuationProblems.From(replay.Errors.Select(e => new ValuationError(e.Code, e.Message)).ToList());
                }

                if (d >= 0 && scopeAccounts.Contains(t.AccountId))
                {
                    var error = AddFlows(t, day, index, cashIndex, flows);
                    if (error is not null)
                    {
                        return ValuationProblems.From([error]);
                    }
                }
            }

            var valueError = Value(replay, day, holdings, scopeAccounts, current);
            if (valueError is not null)
            {
                return ValuationProblems.From([valueError]);
            }

            if (d < 0)
            {
                startValue = current.Sum();
            }
            else
            {
                dates[d] = day;
                values[d] = current.Sum();
                for (var h = 0; h < holdings.Count; h++)
                {
                    gains[d, h] = current[h] - previous[h] - flows[h];
                    external[d] += flows[h];
                }
            }

            Array.Copy(current, previous, current.Length);
        }

        return Result.Ok(new PerformanceSeries(dates, startValue, values, external, [.. holdings], gains));
    }

    /// <summary>The account named, or every non-liability account: a loan's balance is debt, not an investment.</summary>
    private HashSet<Guid>? ScopeAccounts(PerformanceScope scope)
    {
        if (scope.AccountId is { } id)
        {
            return accounts.Any(a => a.Id == id) ? [id] : null;
        }

        return accounts.Where(a => !a.Type.IsLiability()).Select(a => a.Id).ToHashSet();
    }

    /// <summary>Instruments the scope accounts ever trade (or the one instrument asked for), then cash unless a position is measured.</summary>
    private static List<ScopeHolding> Holdings(IReadOnlyList<Transaction> ordered, PerformanceScope scope, HashSet<Guid> scopeAccounts)
    {
        var holdings = ordered
            .Where(t => scopeAccounts.Contains(t.AccountId) && t.InstrumentId is not null)
            .Select(t => t.InstrumentId!.Value)
            .Where(id => scope.InstrumentId is null || id == scope.InstrumentId)
            .Distinct()
            .Select(id => new ScopeHolding(id))
            .ToList();
        if (scope.InstrumentId is null)
        {
            holdings.Add(new ScopeHolding(null));
        }
        else if (holdings.Count == 0)
        {
            holdings.Add(new ScopeHolding(scope.InstrumentId));
        }

        return holdings;
    }

    /// <summary>Flows into the scope's holdings (reporting currency), by the rules in docs/analytics.md.</summary>
    private ValuationError? AddFlows(Transaction t, DateOnly day, Dictionary<Guid, int> index, int cashIndex, decimal[] flows)
    {
        var account = accounts.First(a => a.Id == t.AccountId);
        var rate = prices.Rate(account.BaseCurrency, reporting, day);
        if (rate.Error is not null)
        {
            return rate.Error;
        }

        var holding = t.InstrumentId is { } id && index.TryGetValue(id, out var h) ? h : -1;
        void Move(int target, decimal amountInBase)
        {
            if (target >= 0)
            {
                flows[target] += amountInBase * rate.Value;
            }
        }

        switch (t.Type)
        {
            case TransactionType.Deposit:
                Move(cashIndex, t.Amount * t.FxRate);
                break;
            case TransactionType.Withdrawal:
                Move(cashIndex, -t.Amount * t.FxRate);
                break;
            case TransactionType.Buy or TransactionType.DividendReinvested:
                // The dividend of a reinvestment is the position's income: it stays in the position.
                var basis = (t.Quantity * t.Price + t.Fees) * t.FxRate;
                var income = t.Type == TransactionType.DividendReinvested ? t.Amount * t.FxRate : 0m;
                Move(holding, basis - income);
                Move(cashIndex, income - basis);
                break;
            case TransactionType.Sell:
                var proceeds = (t.Quantity * t.Price - t.Fees) * t.FxRate;
                Move(holding, -proceeds);
                Move(cashIndex, proceeds);
                break;
            case TransactionType.Dividend or TransactionType.Split when t.InstrumentId is not null:
                // A cash dividend and cash in lieu leave the position for cash.
                Move(holding, -t.Amount * t.FxRate);
                Move(cashIndex, t.Amount * t.FxRate);
                break;
            case TransactionType.TransferOut or TransactionType.TransferIn:
                var sign = t.Type == TransactionType.TransferIn ? 1m : -1m;
                if (t.InstrumentId is not { } instrumentId)
                {
                    Move(cashIndex, sign * t.Amount * t.FxRate);
                    break;
                }

                if (holding < 0)
                {
                    break;
                }

                // Units cross at the day's market value, in the instrument's currency.
                var close = prices.Close(instrumentId, day);
                var fx = prices.Rate(instruments[instrumentId].Currency, reporting, day);
                if ((close.Error ?? fx.Error) is { } missing)
                {
                    return missing;
                }

                flows[holding] += sign * t.Quantity * close.Value * fx.Value;
                break;
            default:
                // Interest, fees and a dividend without an instrument are gains or losses of cash.
                break;
        }

        return null;
    }

    private ValuationError? Value(LedgerReplay replay, DateOnly day, List<ScopeHolding> holdings, HashSet<Guid> scopeAccounts, decimal[] current)
    {
        for (var h = 0; h < holdings.Count; h++)
        {
            if (holdings[h].InstrumentId is not { } id)
            {
                var cash = 0m;
                foreach (var account in accounts.Where(a => scopeAccounts.Contains(a.Id)))
                {
                    var balance = replay.Cash(account.Id);
                    if (balance == 0m)
                    {
                        continue;
                    }

                    var rate = prices.Rate(account.BaseCurrency, reporting, day);
                    if (rate.Error is not null)
                    {
                        return rate.Error;
                    }

                    cash += balance * rate.Value;
                }

                current[h] = cash;
                continue;
            }

            var quantity = scopeAccounts.Sum(a => replay.Quantity(a, id));
            if (quantity == 0m)
            {
                current[h] = 0m;
                continue;
            }

            var close = prices.Close(id, day);
            var fx = prices.Rate(instruments[id].Currency, reporting, day);
            if ((close.Error ?? fx.Error) is { } missing)
            {
                return missing;
            }

            current[h] = quantity * close.Value * fx.Value;
        }

        return null;
    }

    private static Result<PerformanceSeries> Fail(string code, string message) => ValuationProblems.From([new ValuationError(code, message)]);
}
