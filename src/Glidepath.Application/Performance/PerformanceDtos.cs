using Glidepath.Domain.Performance;

namespace Glidepath.Application.Performance;

/// <summary>
/// A performance report (docs/analytics.md, "Household performance"); rates are fractions
/// (0.05 = 5 %), values in <see cref="Currency"/> at full precision. <paramref name="RiskFreeRate"/> is
/// the annual rate the Sharpe, Sortino and alpha used; <paramref name="RiskFreeSource"/> where it came
/// from: <c>query</c> (<c>riskFree=</c>), <c>DGS3MO</c> (the stored FRED series) or <c>none</c> (0).
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
    IReadOnlyList<PerformanceDay> Series,
    double RiskFreeRate,
    string RiskFreeSource);

internal static class PerformanceMapping
{
    public static PerformanceDto ToDto(this PerformanceReport report, PerformanceScope scope, double riskFreeRate, string riskFreeSource) => new(
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
        report.Days,
        riskFreeRate,
        riskFreeSource);
}
