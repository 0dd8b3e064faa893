using Glidepath.Domain.Currencies;
using Glidepath.Domain.Instruments;
using Glidepath.Quant.Performance;

namespace Glidepath.Domain.Performance;

/// <summary>One calendar day: value at its close, the day's net external flow, its return and the linked return so far.</summary>
public readonly record struct PerformanceDay(DateOnly Date, decimal Value, decimal ExternalFlow, double Return, double CumulativeReturn);

/// <summary>Money-weighted return (XIRR, actual/365); <see cref="Rate"/> is null unless <see cref="Status"/> is Solved.</summary>
public sealed record MoneyWeightedReturn(XirrStatus Status, double? Rate, IReadOnlyList<double> Roots);

/// <summary>Largest fall of the wealth index from a peak: the peak's and the trough's closing dates.</summary>
public sealed record DrawdownReport(double Depth, DateOnly PeakDate, DateOnly TroughDate);

/// <summary>Statistics against a benchmark's returns over the same periods.</summary>
public sealed record BenchmarkReport(
    Guid InstrumentId, double CumulativeReturn, double? Beta, double? Alpha, double? TrackingError, double? InformationRatio);

/// <summary>
/// Risk statistics over weekday periods (a weekend compounds into the following Monday); annualised
/// with <see cref="PerformanceAnalyser.PeriodsPerYear"/>. VaR/CVaR are one-period losses (positive = loss).
/// Null where a statistic is undefined (fewer than two periods, no variation, no drawdown).
/// </summary>
public sealed record RiskReport(
    int Periods,
    double? Volatility,
    double? Sharpe,
    double? Sortino,
    DrawdownReport? MaxDrawdown,
    double? Calmar,
    double? HistoricalVar,
    double? HistoricalCvar,
    double? ParametricVar,
    double? ParametricCvar,
    BenchmarkReport? Benchmark);

/// <summary>A holding's Cariño-linked contribution to the TWR; <paramref name="InstrumentId"/> is null for cash.</summary>
public sealed record HoldingContribution(Guid? InstrumentId, string Symbol, AssetClass AssetClass, double Contribution);

/// <summary>The sum of an asset class's holding contributions (cash is <see cref="AssetClass.Cash"/>).</summary>
public sealed record AssetClassContribution(AssetClass AssetClass, double Contribution);

public sealed record PerformanceReport(
    DateOnly From,
    DateOnly To,
    Currency Currency,
    decimal StartValue,
    decimal EndValue,
    decimal NetExternalFlow,
    double TimeWeightedReturn,
    double AnnualisedTimeWeightedReturn,
    MoneyWeightedReturn MoneyWeightedReturn,
    RiskReport Risk,
    IReadOnlyList<HoldingContribution> ContributionByHolding,
    IReadOnlyList<AssetClassContribution> ContributionByAssetClass,
    IReadOnlyList<PerformanceDay> Days);
