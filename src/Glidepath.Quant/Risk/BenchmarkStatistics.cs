namespace Glidepath.Quant.Risk;

/// <summary>
/// Statistics of a return series against a benchmark series of the same periods. Rates are
/// per period; <c>periodsPerYear</c> annualises as in <see cref="RiskStatistics"/>.
/// </summary>
public static class BenchmarkStatistics
{
    /// <summary>β = cov(r, b) / var(b), both with divisor n - 1.</summary>
    public static double Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark) =>
        Moments.Covariance(returns, benchmark) / Moments.Covariance(benchmark, benchmark);

    /// <summary>Jensen's alpha: [mean(r - rf) - β mean(b - rf)] × periodsPerYear (arithmetic annualisation).</summary>
    public static double Alpha(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, double riskFreePerPeriod = 0, double periodsPerYear = 1) =>
        (Moments.Mean(returns) - riskFreePerPeriod
         - Beta(returns, benchmark) * (Moments.Mean(benchmark) - riskFreePerPeriod)) * periodsPerYear;

    /// <summary>Tracking error: sd(r - b) (divisor n - 1) times √periodsPerYear.</summary>
    public static double TrackingError(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, double periodsPerYear = 1) =>
        Moments.StandardDeviation(Moments.Subtract(returns, benchmark)) * Math.Sqrt(periodsPerYear);

    /// <summary>Information ratio: mean(r - b) × periodsPerYear over the annualised tracking error.</summary>
    public static double InformationRatio(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, double periodsPerYear = 1)
    {
        var active = Moments.Subtract(returns, benchmark);
        return Moments.Mean(active) / Moments.StandardDeviation(active) * Math.Sqrt(periodsPerYear);
    }
}
