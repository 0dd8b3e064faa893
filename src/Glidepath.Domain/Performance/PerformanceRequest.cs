using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Performance;

/// <summary>
/// A performance query: <paramref name="From"/> to <paramref name="To"/> inclusive, valued in
/// <paramref name="Reporting"/>. <paramref name="RiskFreeRate"/> is annual (divided by
/// <see cref="PerformanceAnalyser.PeriodsPerYear"/> per period); <paramref name="BenchmarkId"/> names
/// an instrument whose closes are the benchmark.
/// </summary>
public sealed record PerformanceRequest(
    DateOnly From,
    DateOnly To,
    Currency Reporting,
    PerformanceScope Scope,
    Guid? BenchmarkId = null,
    double RiskFreeRate = 0.0,
    double Confidence = 0.95);
