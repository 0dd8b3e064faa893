using Glidepath.Domain.Households;
using Glidepath.Domain.Results;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.TaxLots;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Rebalancing;

/// <summary>
/// Builds the <see cref="PortfolioSnapshot"/> of a household from the database, so the rebalancer and
/// the harvester run on stored data exactly as they do on a snapshot file (docs/rebalancing.md,
/// "Snapshot from the database"): the ledger replayed to the close of the date, latest closes on or
/// before it, the household's targets, tax profile, identical pairs (plus ISIN twins) and
/// replacement table, its purchases and loss sales of the last 30 days and the transactions dated in
/// the next 30 (scheduled purchases; deposits, withdrawals and dividends as pending cash).
/// </summary>
public sealed class PortfolioSnapshotLoader(GlidepathDbContext db, LedgerStore ledger)
{
    /// <summary>The wash-sale window: 30 days either side (IRS Publication 550).</summary>
    private const int WindowDays = 30;

    /// <param name="accountId">Only this account's holdings and targets; the wash-sale windows still span the household.</param>
    public async Task<Result<PortfolioSnapshot>> LoadAsync(Guid householdId, DateOnly asOf, Guid? accountId = null, CancellationToken ct = default)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return Problem.Refused(LedgerStoreErrorCodes.UnknownHousehold, $"Household {householdId} does not exist.");
        }

        var allAccounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct);
        var accounts = allAccounts.Where(a => !a.Type.IsLiability() && (accountId is null || a.Id == accountId)).OrderBy(a => a.Id).ToList();
        if (accounts.Find(a => a.BaseCurrency != household.ReportingCurrency) is { } foreign)
        {
            return Problem.Refused(TaxStoreErrorCodes.MixedCurrency, $"Account {foreign.Name} is in {foreign.BaseCurrency}; rebalancing needs every account in the household's {household.ReportingCurrency}.");
        }

        var replayed = await ledger.ReplayAsOfAsync(householdId, asOf, ct);
        var state = replayed.Expect($"The stored history of household {householdId} does not replay");
        var profile = await db.TaxProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct) ?? HouseholdTaxProfile.Defaults(householdId);
        var targets = await db.RebalanceTargets.AsNoTracking()
            .Where(t => t.HouseholdId == householdId && (accountId == null || t.AccountId == null || t.AccountId == accountId))
            .ToListAsync(ct);
        var replacements = (await db.Replacements.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(r => r.Rank).ThenBy(r => r.Id).ToList();
        var window = await WindowAsync(householdId, asOf, ct);

        var wanted = state.Lots.Select(l => l.InstrumentId)
            .Concat(targets.SelectMany(t => new[] { t.InstrumentId, t.BuyInstrumentId }).OfType<Guid>())
            .Concat(replacements.SelectMany(r => new[] { r.InstrumentId, r.ReplacementId }))
            .Concat(window.Select(t => t.InstrumentId).OfType<Guid>())
            .ToHashSet();
        var instruments = await db.Instruments.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToListAsync(ct);
        var prices = await LatestClosesAsync([.. instruments.Select(i => i.Id)], asOf, ct);

        // Held instruments and instrument targets need a price; the members of a class target are the
        // class's instruments in the snapshot, so one without a price is left out rather than guessed.
        var included = accounts.Select(a => a.Id).ToHashSet();
        var needed = state.Lots.Where(l => included.Contains(l.AccountId)).Select(l => l.InstrumentId)
            .Concat(targets.Select(t => t.InstrumentId).OfType<Guid>()).ToHashSet();
        if (instruments.Find(i => needed.Contains(i.Id) && !prices.ContainsKey(i.Id)) is { } unpriced)
        {
            return Problem.Refused(TaxStoreErrorCodes.MissingPrice, $"{unpriced.Symbol} has no close on or before {asOf:yyyy-MM-dd}.");
        }

        if (instruments.Find(i => prices.ContainsKey(i.Id) && i.Currency != household.ReportingCurrency) is { } foreignInstrument)
        {
            return Problem.Refused(TaxStoreErrorCodes.MixedCurrency, $"{foreignInstrument.Symbol} is priced in {foreignInstrument.Currency}; rebalancing needs the household's {household.ReportingCurrency}.");
        }

        var priced = instruments.Where(i => prices.ContainsKey(i.Id)).OrderBy(i => i.Id).ToList();
        var pricedIds = priced.Select(i => i.Id).ToHashSet();
        var pairs = await db.IdenticalPairs.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(ct);
        var options = await ledger.OptionsAsync(householdId, ct);

        return new PortfolioSnapshot(
            asOf,
            [.. accounts.Select(a => Account(a, state, window, asOf))],
            [.. priced.Select(i => new SnapshotInstrument(i.Id, i.Symbol, i.AssetClass, prices[i.Id]))],
            [.. targets.OrderBy(t => t.Id).Select(t => t.ToAllocationTarget())],
            new RebalanceSettings(profile.MinTradeAmount, profile.CashBuffer, profile.CostPerTrade),
            new TaxRates(profile.ShortTermRate, profile.LongTermRate),
            [.. pairs.Select(p => p.ToPair()).Concat(IsinTwins(options.Instruments.Concat(instruments)))],
            Trades(state, window, asOf),
            [.. replacements.Where(r => pricedIds.Contains(r.InstrumentId) && pricedIds.Contains(r.ReplacementId)).Select(r => r.ToChoice())],
            new HarvestThresholds(profile.HarvestMinLoss, profile.HarvestMinLossFraction, profile.SwapBackLargeGain));
    }

    private static SnapshotAccount Account(Account account, LedgerState state, List<Transaction> window, DateOnly asOf)
    {
        var pending = window.Where(t => t.AccountId == account.Id && t.TradeDate > asOf).Sum(t => t.Type switch
        {
            TransactionType.Deposit or TransactionType.Dividend or TransactionType.Interest => t.Amount * t.FxRate,
            TransactionType.Withdrawal or TransactionType.Fee => -t.Amount * t.FxRate,
            _ => 0m,
        });
        var lots = state.Lots.Where(l => l.AccountId == account.Id)
            .Select(l => new SnapshotLot(l.LotId, l.InstrumentId, l.AcquiredDate, l.Quantity, l.CostBasis, l.HoldingPeriodStart));
        return new SnapshotAccount(
            account.Id, account.Name, account.Type, state.Cash.Where(c => c.AccountId == account.Id).Sum(c => c.Amount), pending, !account.WholeSharesOnly, [.. lots]);
    }

    /// <summary>Purchases of the last 30 days and the next 30 (any account), and the last 30 days' sales with their realised loss.</summary>
    private static List<SnapshotTrade> Trades(LedgerState state, List<Transaction> window, DateOnly asOf)
    {
        var losses = state.RealisedGains.GroupBy(g => g.SaleTransactionId).ToDictionary(g => g.Key, g => Math.Max(0m, -g.Sum(x => x.Gain)));
        return [.. window
            .Where(t => t.InstrumentId is not null && (t.Type is TransactionType.Buy or TransactionType.DividendReinvested
                || (t.Type == TransactionType.Sell && t.TradeDate <= asOf)))
            .OrderBy(t => t.TradeDate).ThenBy(t => t.Id)
            .Select(t => new SnapshotTrade(
                t.AccountId, t.InstrumentId!.Value, t.TradeDate, t.Type == TransactionType.Sell ? TradeSide.Sell : TradeSide.Buy, t.Quantity,
                t.Type == TransactionType.Sell ? losses.GetValueOrDefault(t.Id) : 0m))];
    }

    /// <summary>Pairs that make instruments sharing an ISIN identical (the engines read only pairs).</summary>
    private static IEnumerable<SubstantiallyIdenticalPair> IsinTwins(IEnumerable<Instrument> instruments) =>
        instruments.Where(i => !string.IsNullOrWhiteSpace(i.Isin))
            .DistinctBy(i => i.Id)
            .GroupBy(i => i.Isin!.Trim().ToUpperInvariant())
            .SelectMany(g => g.OrderBy(i => i.Id).Skip(1).Select(i => new SubstantiallyIdenticalPair(g.OrderBy(x => x.Id).First().Id, i.Id)));

    /// <summary>The household's transactions dated within 30 days either side of the date.</summary>
    private Task<List<Transaction>> WindowAsync(Guid householdId, DateOnly asOf, CancellationToken ct)
    {
        var (from, to) = (asOf.AddDays(-WindowDays), asOf.AddDays(WindowDays));
        return db.Transactions.AsNoTracking()
            .Where(t => t.TradeDate >= from && t.TradeDate <= to && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(ct);
    }

    private async Task<Dictionary<Guid, decimal>> LatestClosesAsync(List<Guid> ids, DateOnly asOf, CancellationToken ct)
    {
        var latest = await db.Prices.AsNoTracking()
            .Where(p => ids.Contains(p.InstrumentId) && p.Date <= asOf)
            .GroupBy(p => p.InstrumentId)
            .Select(g => new { InstrumentId = g.Key, Date = g.Max(p => p.Date) })
            .ToListAsync(ct);
        var result = new Dictionary<Guid, decimal>();
        foreach (var row in latest)
        {
            result[row.InstrumentId] = await db.Prices.Where(p => p.InstrumentId == row.InstrumentId && p.Date == row.Date).Select(p => p.Close).FirstAsync(ct);
        }

        return result;
    }
}
