using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Recommendations;

/// <summary>
/// What the recommendation rules read, in the household's reporting currency as of one day: investment holdings,
/// cash in investment accounts and in checking and savings, spending, the risk profile and the rebalancing and
/// harvesting alerts. Gathered by the use case; the rules themselves do no I/O.
/// </summary>
public sealed record HouseholdFacts(
    IReadOnlyList<HoldingFact> Holdings,
    decimal InvestmentCash,
    decimal LiquidCash,
    decimal MonthlySpending,
    int? RecommendedRiskLevel,
    IReadOnlyList<string> DriftingTargets,
    HarvestFact Harvest,
    IReadOnlyList<PlacedHolding>? Placed = null,
    IReadOnlyList<AccountFees>? Fees = null,
    TaxRates? Rates = null)
{
    /// <summary>Holdings and cash of the investment accounts.</summary>
    public decimal Investments => Holdings.Sum(h => h.Value) + InvestmentCash;
}

/// <summary>One instrument's value over every investment account of the household.</summary>
public sealed record HoldingFact(Guid InstrumentId, string Symbol, InstrumentType Type, AssetClass AssetClass, decimal Value);

/// <summary>Harvestable losses found by the scan (which never proposes a sale inside a wash-sale window) and the tax they would save.</summary>
public sealed record HarvestFact(int Opportunities, decimal Loss, decimal EstimatedSaving);

/// <summary>
/// One instrument held in one investment account, for asset location: its value and cost basis in the reporting
/// currency (the basis converted at the value's rate), and whether the household sold it in a taxable account in the
/// last 30 days (a purchase now could then be a wash sale's replacement).
/// </summary>
public sealed record PlacedHolding(
    Guid AccountId, string AccountName, AccountType AccountType, Guid InstrumentId, string Symbol, AssetClass AssetClass, decimal Value, decimal CostBasis, bool SoldInTaxableRecently);

/// <summary>An investment account's value today and the fees (Fee transactions) it charged over the last 365 days.</summary>
public sealed record AccountFees(Guid AccountId, string AccountName, decimal Value, decimal FeesLastYear);

/// <summary>The household's tax profile: ordinary income (its short-term rate) and qualified dividends (its long-term rate).</summary>
public sealed record TaxRates(decimal Ordinary, decimal Qualified);
