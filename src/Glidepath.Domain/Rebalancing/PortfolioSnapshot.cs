using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// Everything the rebalancing and harvesting engines read, so they run the same from the database
/// or from a file (docs/rebalancing.md). Amounts are in one currency (the household's).
/// <paramref name="Replacements"/> is the household's replacement-fund table and <paramref name="Harvest"/>
/// its harvesting thresholds (both optional in a file: none and zero thresholds). <paramref name="AssetLocation"/>:
/// household targets apply to the household's total and the rebalancer places assets by account tax
/// treatment (docs/rebalancing.md, "Asset location"); false (the default) runs each account against its targets.
/// </summary>
public sealed record PortfolioSnapshot(
    DateOnly AsOf,
    IReadOnlyList<SnapshotAccount> Accounts,
    IReadOnlyList<SnapshotInstrument> Instruments,
    IReadOnlyList<AllocationTarget> Targets,
    RebalanceSettings Settings,
    TaxRates TaxRates,
    IReadOnlyList<SubstantiallyIdenticalPair> SubstantiallyIdentical,
    IReadOnlyList<SnapshotTrade> RecentAndScheduledTrades,
    IReadOnlyList<ReplacementChoice>? Replacements = null,
    HarvestThresholds? Harvest = null,
    bool AssetLocation = false)
{
    /// <summary>The harvester's settings: the snapshot's thresholds, its replacement table and its cost per trade.</summary>
    public HarvestSettings HarvestSettings()
    {
        var thresholds = Harvest ?? new HarvestThresholds(0m, 0m, 0m);
        return new HarvestSettings(thresholds.MinLoss, thresholds.MinLossFraction, Settings.CostPerTrade, thresholds.LargeGain, Replacements ?? []);
    }
}

/// <param name="PendingCashFlow">Deposits (+), withdrawals (−) and dividends not yet booked; used before any trade.</param>
/// <param name="FractionalShares">Whether the account may trade fractions of a unit.</param>
public sealed record SnapshotAccount(
    Guid Id, string Name, AccountType Type, decimal Cash, decimal PendingCashFlow, bool FractionalShares, IReadOnlyList<SnapshotLot> Lots);

public sealed record SnapshotLot(Guid LotId, Guid InstrumentId, DateOnly AcquiredDate, decimal Quantity, decimal CostBasis, DateOnly? HoldingPeriodStart = null)
{
    /// <summary>Whether a sale on <paramref name="date"/> is long-term, counting from a tacked start when there is one.</summary>
    public bool IsLongTermOn(DateOnly date) => HoldingPeriod.Classify(HoldingPeriodStart ?? AcquiredDate, date) == HoldingTerm.LongTerm;
}

public sealed record SnapshotInstrument(Guid Id, string Symbol, AssetClass AssetClass, decimal Price);

/// <summary>
/// A target weight of an account's value, for one instrument or one asset class (instruments of the
/// class without a target of their own). <paramref name="AccountId"/> null: the target applies to
/// every account. Band = min(<paramref name="AbsoluteBand"/>, <paramref name="RelativeBand"/> × weight):
/// the tighter of the two, as in the 5/25 rule. A class target buys <paramref name="BuyInstrumentId"/>.
/// </summary>
public sealed record AllocationTarget(
    Guid? AccountId, Guid? InstrumentId, AssetClass? AssetClass, decimal Weight, decimal AbsoluteBand, decimal RelativeBand, Guid? BuyInstrumentId = null)
{
    public decimal Band => Math.Min(AbsoluteBand, RelativeBand * Weight);

    public Guid? Buys => InstrumentId ?? BuyInstrumentId;
}

/// <param name="MinTradeAmount">Trades worth less are not proposed.</param>
/// <param name="CashBuffer">Cash each account keeps after the trades.</param>
/// <param name="CostPerTrade">Commission per trade, paid from the account's cash.</param>
public sealed record RebalanceSettings(decimal MinTradeAmount, decimal CashBuffer, decimal CostPerTrade);

public sealed record TaxRates(decimal ShortTerm, decimal LongTerm);

public enum TradeSide
{
    Buy,
    Sell,
}

/// <summary>A purchase or loss sale in the last 30 days, or a scheduled one (e.g. dividend reinvestment) in the next 30; <paramref name="Loss"/> is a sale's realised loss (positive).</summary>
public sealed record SnapshotTrade(Guid AccountId, Guid InstrumentId, DateOnly Date, TradeSide Side, decimal Quantity, decimal Loss = 0m);
