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
    HarvestFact Harvest)
{
    /// <summary>Holdings and cash of the investment accounts.</summary>
    public decimal Investments => Holdings.Sum(h => h.Value) + InvestmentCash;
}

/// <summary>One instrument's value over every investment account of the household.</summary>
public sealed record HoldingFact(Guid InstrumentId, string Symbol, InstrumentType Type, AssetClass AssetClass, decimal Value);

/// <summary>Harvestable losses found by the scan (which never proposes a sale inside a wash-sale window) and the tax they would save.</summary>
public sealed record HarvestFact(int Opportunities, decimal Loss, decimal EstimatedSaving);
