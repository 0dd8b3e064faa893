using Glidepath.Application.Errors;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.MarketData;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.CorporateActions;

/// <summary>
/// A dividend or split the provider published and the ledger lacks. <paramref name="Id"/> is stable and becomes the booked
/// transaction's external id. For a dividend, <paramref name="Amount"/> is gross and <paramref name="Withholding"/> the
/// account's withholding rate of it, to the cent; the cash it brings is <paramref name="Net"/>.
/// </summary>
public sealed record CorporateActionProposal(
    string Id, string Kind, Guid AccountId, Guid InstrumentId, string Symbol, DateOnly Date,
    decimal PerShare, decimal Quantity, decimal Amount, decimal Withholding, decimal SplitNumerator, decimal SplitDenominator, string Currency, string Source)
{
    public decimal Net => Amount - Withholding;
}

/// <summary>The proposals, and the instruments whose events could not be compared (with why).</summary>
public sealed record CorporateActionScan(IReadOnlyList<CorporateActionProposal> Proposals, IReadOnlyList<string> NotChecked);

/// <summary><paramref name="Ids"/> to book, or <paramref name="All"/> of the current proposals.</summary>
public sealed record ConfirmCorporateActionsRequest(IReadOnlyList<string>? Ids, bool All = false);

public sealed record ConfirmCorporateActionsResult(int Booked, int AlreadyBooked, IReadOnlyList<CorporateActionProposal> Confirmed);

/// <summary>
/// Dividends and splits from data (docs/import.md): for each instrument an account of the household holds, the
/// provider's events since its first transaction are compared with the ledger, and the missing ones proposed.
/// Nothing is booked until confirmed; a confirmed proposal books with its id as external id, so confirming it
/// again books nothing.
/// </summary>
public sealed class CorporateActionProposals(GlidepathDbContext db, MarketDataProviders providers, LedgerStore ledger)
{
    /// <summary>A ledger dividend within this many days before, or <see cref="PaidWithinDays"/> after, an ex-date is that dividend (brokers book the pay date).</summary>
    private const int EarlyDays = 7;

    private const int PaidWithinDays = 60;

    /// <summary>A ledger split within this many days of the provider's date is that split.</summary>
    private const int SplitWithinDays = 7;

    public async Task<CorporateActionScan> ProposeAsync(Guid householdId, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToDictionaryAsync(a => a.Id, ct);
        var accountIds = accounts.Keys.ToList();
        var history = await db.Transactions.AsNoTracking()
            .Where(t => accountIds.Contains(t.AccountId) && t.InstrumentId != null)
            .ToListAsync(ct);
        var instrumentIds = history.Select(t => t.InstrumentId!.Value).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        var source = providers.CorporateActions();
        var proposals = new List<CorporateActionProposal>();
        var notChecked = new List<string>();
        foreach (var byInstrument in history.GroupBy(t => t.InstrumentId!.Value).OrderBy(g => instruments[g.Key].Symbol, StringComparer.Ordinal))
        {
            var instrument = instruments[byInstrument.Key];
            CorporateActionHistory events;
            try
            {
                events = await source.ActionsAsync(SymbolAt(source.Name, instrument), byInstrument.Min(t => t.TradeDate), ct);
            }
            catch (Exception e) when (PriceRefresh.Reason(e) is { } reason)
            {
                // A provider's failure (unreachable, open circuit, timeout, bad answer) leaves this one unchecked; a bug still throws.
                notChecked.Add($"{instrument.Symbol}: {reason}");
                continue;
            }

            foreach (var byAccount in byInstrument.GroupBy(t => t.AccountId))
            {
                var account = accounts[byAccount.Key];
                if (account.BaseCurrency != instrument.Currency && events.Dividends.Count > 0)
                {
                    notChecked.Add($"{instrument.Symbol} in {account.Name}: its dividends are in {instrument.Currency}, the account keeps {account.BaseCurrency}; enter them with their rate.");
                }

                proposals.AddRange(Compare(
                    account.Id, instrument, [.. byAccount.OrderBy(t => t.TradeDate)], events, source.Name,
                    dividends: account.BaseCurrency == instrument.Currency, account.DividendWithholdingRate));
            }
        }

        return new CorporateActionScan(proposals, notChecked);
    }

    /// <summary>Books the chosen proposals (or all); ids already booked count as such, an id neither proposed nor booked is 404.</summary>
    public async Task<Result<ConfirmCorporateActionsResult>> ConfirmAsync(Guid householdId, ConfirmCorporateActionsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.All && request.Ids is not { Count: > 0 })
        {
            return Problem.Invalid("ids", "Name the proposals to confirm, or confirm all.");
        }

        var scan = await ProposeAsync(householdId, ct);
        var wanted = request.All ? [.. scan.Proposals.Select(p => p.Id)] : request.Ids!.Distinct(StringComparer.Ordinal).ToList();
        var accountIds = await db.Accounts.Where(a => a.HouseholdId == householdId).Select(a => a.Id).ToListAsync(ct);
        var booked = await db.Transactions.AsNoTracking()
            .Where(t => accountIds.Contains(t.AccountId) && t.ExternalId != null && wanted.Contains(t.ExternalId))
            .Select(t => t.ExternalId!).ToListAsync(ct);
        var chosen = scan.Proposals.Where(p => wanted.Contains(p.Id) && !booked.Contains(p.Id)).ToList();
        if (wanted.FirstOrDefault(id => !booked.Contains(id) && chosen.All(p => p.Id != id)) is { } unknown)
        {
            return Problem.NotFound(ErrorCodes.CorporateActionNotFound, $"'{unknown}' is not a current dividend or split proposal of this household.");
        }

        var result = await ledger.AddTransactionsAsync([.. chosen.SelectMany(ToTransactions)], ct);
        if (result.Problem is { } refused)
        {
            return Problem.Refused(ErrorCodes.LedgerRejected, $"The ledger refused the proposals: {refused.Message}");
        }

        return new ConfirmCorporateActionsResult(chosen.Count, booked.Distinct().Count(), chosen);
    }

    /// <summary>
    /// The provider's events the account's history lacks. The quantity for a dividend is what the account held
    /// before its ex-date, counting the provider's splits the ledger lacks too (they are proposed alongside).
    /// </summary>
    internal static IEnumerable<CorporateActionProposal> Compare(
        Guid accountId, Instrument instrument, IReadOnlyList<Transaction> history, CorporateActionHistory events, string source, bool dividends, decimal withholdingRate)
    {
        var missingSplits = events.Splits
            .Where(s => !history.Any(t => t.Type == TransactionType.Split && Math.Abs(t.TradeDate.DayNumber - s.Date.DayNumber) <= SplitWithinDays))
            .Where(s => HeldBefore(history, [], s.Date) > 0m)
            .ToList();
        foreach (var split in missingSplits)
        {
            yield return new CorporateActionProposal(
                Key("split", accountId, instrument.Id, split.Date), "split", accountId, instrument.Id, instrument.Symbol, split.Date,
                0m, HeldBefore(history, missingSplits, split.Date), 0m, 0m, split.Numerator, split.Denominator, instrument.Currency.ToString(), source);
        }

        if (!dividends)
        {
            yield break;
        }

        foreach (var dividend in events.Dividends)
        {
            var held = HeldBefore(history, missingSplits, dividend.ExDate);
            var inLedger = history.Any(t => t.Type is TransactionType.Dividend or TransactionType.DividendReinvested
                && t.TradeDate.DayNumber >= dividend.ExDate.DayNumber - EarlyDays && t.TradeDate.DayNumber <= dividend.ExDate.DayNumber + PaidWithinDays);
            if (held > 0m && !inLedger)
            {
                var gross = dividend.PerShare * held;
                yield return new CorporateActionProposal(
                    Key("dividend", accountId, instrument.Id, dividend.ExDate), "dividend", accountId, instrument.Id, instrument.Symbol, dividend.ExDate,
                    dividend.PerShare, held, gross, Withheld(gross, withholdingRate, instrument.Currency), 0m, 0m, instrument.Currency.ToString(), source);
            }
        }
    }

    /// <summary>Units held at the close of the day before <paramref name="day"/>: trades before it, with the ledger's and the missing splits before or on it.</summary>
    private static decimal HeldBefore(IReadOnlyList<Transaction> history, IReadOnlyList<SplitEvent> missingSplits, DateOnly day)
    {
        var steps = history.Where(t => t.TradeDate < day).Select(t => (t.TradeDate, Order: 0, (Transaction?)t, (SplitEvent?)null))
            .Concat(missingSplits.Where(s => s.Date < day).Select(s => (TradeDate: s.Date, Order: 1, (Transaction?)null, (SplitEvent?)s)))
            .OrderBy(x => x.TradeDate).ThenBy(x => x.Order);
        var units = 0m;
        foreach (var (_, _, t, s) in steps)
        {
            units = (t?.Type, s) switch
            {
                (_, { } split) => units * split.Numerator / split.Denominator,
                (TransactionType.Buy or TransactionType.DividendReinvested or TransactionType.TransferIn, _) => units + t!.Quantity,
                (TransactionType.Sell or TransactionType.TransferOut, _) => units - t!.Quantity,
                (TransactionType.Split, _) when t!.SplitDenominator > 0m => units * t.SplitNumerator / t.SplitDenominator,
                _ => units,
            };
        }

        return units;
    }

    /// <summary>The tax withheld at <paramref name="rate"/>, to the currency's minor unit with the ledger's booking rounding (half away from zero).</summary>
    internal static decimal Withheld(decimal gross, decimal rate, Domain.Currencies.Currency currency) =>
        new Domain.Currencies.Money(gross * rate, currency).RoundToMinorUnits().Amount;

    /// <summary>
    /// A split, or a gross dividend and (when the account withholds) its withholding as a <c>Fee</c> beside it, as the
    /// broker presets book withholding (docs/import.md, "Conventions").
    /// </summary>
    private static IEnumerable<Transaction> ToTransactions(CorporateActionProposal p)
    {
        var currency = Domain.Currencies.Currency.Of(p.Currency);
        if (p.Kind == "split")
        {
            yield return new Transaction
            {
                AccountId = p.AccountId,
                InstrumentId = p.InstrumentId,
                Type = TransactionType.Split,
                TradeDate = p.Date,
                SettlementDate = p.Date,
                Currency = currency,
                SplitNumerator = p.SplitNumerator,
                SplitDenominator = p.SplitDenominator,
                ExternalId = p.Id,
                Memo = FormattableString.Invariant($"{p.SplitNumerator:0.####}-for-{p.SplitDenominator:0.####} split (from {p.Source}, confirmed)"),
            };
            yield break;
        }

        yield return new Transaction
        {
            AccountId = p.AccountId,
            InstrumentId = p.InstrumentId,
            Type = TransactionType.Dividend,
            TradeDate = p.Date,
            SettlementDate = p.Date,
            Amount = p.Amount,
            Currency = currency,
            ExternalId = p.Id,
            Memo = FormattableString.Invariant($"Dividend {p.PerShare:0.######} per share on {p.Quantity:0.####} held at the ex-date (from {p.Source}, confirmed)"),
        };
        if (p.Withholding > 0m)
        {
            yield return new Transaction
            {
                AccountId = p.AccountId,
                Type = TransactionType.Fee,
                TradeDate = p.Date,
                SettlementDate = p.Date,
                Amount = p.Withholding,
                Currency = currency,
                ExternalId = p.Id + ":withholding",
                Memo = FormattableString.Invariant($"Withholding tax on the {p.Symbol} dividend of {p.Date:yyyy-MM-dd} (the account's rate, confirmed)"),
            };
        }
    }

    private static string SymbolAt(string provider, Instrument instrument) =>
        string.Equals(instrument.PriceProvider, provider, StringComparison.OrdinalIgnoreCase) && instrument.ProviderSymbol is { } own ? own : instrument.Symbol;

    private static string Key(string kind, Guid accountId, Guid instrumentId, DateOnly date) =>
        FormattableString.Invariant($"ca:{kind}:{accountId:N}:{instrumentId:N}:{date:yyyyMMdd}");
}
