namespace Glidepath.Domain.Households;

/// <summary>
/// A household's marginal tax rates on capital gains and its trading settings: what the rebalancer
/// and the harvester read from the database (docs/rebalancing.md). One row per household; a household
/// without one uses <see cref="Defaults"/>. Rates and fractions are decimals (0.15 = 15%); amounts are in
/// the household's reporting currency.
/// </summary>
public sealed class HouseholdTaxProfile
{
    public Guid HouseholdId { get; set; }

    /// <summary>Rate on short-term gains (ordinary income, federal + state).</summary>
    public decimal ShortTermRate { get; set; }

    /// <summary>Rate on long-term gains.</summary>
    public decimal LongTermRate { get; set; }

    /// <summary>Trades worth less are not proposed.</summary>
    public decimal MinTradeAmount { get; set; }

    /// <summary>Cash each account keeps after a rebalance.</summary>
    public decimal CashBuffer { get; set; }

    /// <summary>Commission per trade.</summary>
    public decimal CostPerTrade { get; set; }

    /// <summary>Smallest loss worth harvesting, after costs.</summary>
    public decimal HarvestMinLoss { get; set; }

    /// <summary>Smallest harvested loss as a fraction of the lots' basis.</summary>
    public decimal HarvestMinLossFraction { get; set; }

    /// <summary>A swap back realising more gain than this is not proposed.</summary>
    public decimal SwapBackLargeGain { get; set; }

    public long Version { get; set; } = 1;

    /// <summary>Zero rates (no tax estimate) and zero thresholds until the household sets its own.</summary>
    public static HouseholdTaxProfile Defaults(Guid householdId) => new() { HouseholdId = householdId, Version = 0 };
}
