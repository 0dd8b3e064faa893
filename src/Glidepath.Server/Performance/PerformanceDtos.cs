using Glidepath.Domain.Performance;

namespace Glidepath.Server.Performance;

/// <summary>
/// A performance report (docs/analytics.md, "Household performance"); rates are fractions
/// (0.05 = 5 %), values in <see cref="Currency"/> at full precision.
/// </summary>
public sealed record PerformanceDto(
    DateOnly From,
    DateOnly To,
    string Currency,
    Guid? AccountId,
    Guid? InstrumentId,
    decimal StartValue,
    decimal EndValue,
    decimal NetExternalFlow,
    double TimeWeightedReturn,
    double AnnualisedTimeWeightedReturn,
    MoneyWeightedReturn MoneyWeightedReturn,
    RiskReport Risk,
    IReadOnlyList<HoldingContribution> ContributionByHolding,
    IReadOnlyList<AssetClassContribution> ContributionByAssetClass,
    IReadOnlyList<PerformanceDay> Series);

internal static class PerformanceMapping
{
    public static PerformanceDto ToDto(this PerformanceReport report, PerformanceScope scope) => new(
        report.From,
        report.To,
        report.Currency.Code,
        scope.AccountId,
        scope.InstrumentId,
        report.StartValue,
        report.EndValue,
        report.NetExternalFlow,
        report.TimeWeightedReturn,
        report.AnnualisedTimeWeightedReturn,
        report.MoneyWeightedReturn,
        report.Risk,
        report.ContributionByHolding,
        report.ContributionByAssetClass,
        report.Days);
}
