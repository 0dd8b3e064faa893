using Glidepath.Quant.Performance;

namespace Glidepath.Quant.Risk;

/// <summary>
/// Risk and risk-adjusted return of a series of simple periodic returns. Every rate argument
/// (risk-free, target) is per period; results are annualised with <c>periodsPerYear</c>
/// (pass 1 to stay in periodic units): volatilities by √periodsPerYear, mean returns by
/// periodsPerYear, compounded returns geometrically.
/// </summary>
public static class RiskStatistics
{
    /// <summary>Sample standard deviation (divisor n - 1) times √periodsPerYear.</summary>
    public static double Volatility(ReadOnlySpan<double> returns, double periodsPerYear = 1) =>
        Moments.StandardDeviation(returns) * Math.Sqrt(periodsPerYear);

    /// <summary>Sharpe ratio: mean(r - rf) / sd(r - rf) (sd with divisor n - 1) times √periodsPerYear.</summary>
    public static double Sharpe(ReadOnlySpan<double> returns, double riskFreePerPeriod = 0, double periodsPerYear = 1)
    {
        var excess = Moments.Subtract(returns, riskFreePerPeriod);
        return Moments.Mean(excess) / Moments.StandardDeviation(excess) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Downside deviation below target T: sqrt(Σ min(r_t - T, 0)² / n), summed over all n periods
    /// (Sortino and Price 1994), not over the below-target periods only. Periodic units.
    /// </summary>
    public static double DownsideDeviation(ReadOnlySpan<double> returns, double targetPerPeriod = 0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(returns.Length);
        var sum = 0.0;
        foreach (var r in returns)
        {
            var shortfall = Math.Min(r - targetPerPeriod, 0.0);
            sum += shortfall * shortfall;
        }

        return Math.Sqrt(sum / returns.Length);
    }

    /// <summary>Sortino ratio: (mean(r) - T) / DownsideDeviation(T) times √periodsPerYear.</summary>
    public static double Sortino(ReadOnlySpan<double> returns, double targetPerPeriod = 0, double periodsPerYear = 1) =>
        (Moments.Mean(returns) - targetPerPeriod) / DownsideDeviation(returns, targetPerPeriod) * Math.Sqrt(periodsPerYear);

    /// <summary>
    /// Largest peak-to-trough fall of a value series, as a positive fraction of the peak, with
    /// the indices of that peak and trough in <paramref name="values"/>. Zero (and indices 0) when
    /// the series never falls.
    /// </summary>
    public static Drawdown MaxDrawdown(ReadOnlySpan<double> values)
    {
        var best = new Drawdown(0.0, 0, 0);
        var peak = 0;
        for (var t = 1; t < values.Length; t++)
        {
            if (values[t] > values[peak])
            {
                peak = t;
                continue;
            }

            var depth = 1.0 - values[t] / values[peak];
            if (depth > best.Depth)
            {
                best = new Drawdown(depth, peak, t);
            }
        }

        return best;
    }

    /// <summary>
    /// Maximum drawdown of the wealth index of <paramref name="returns"/> (see
    /// <see cref="PeriodReturns.WealthIndex"/>): index 0 is the start, index t is after return t - 1.
    /// </summary>
    public static Drawdown MaxDrawdownOfReturns(ReadOnlySpan<double> returns) =>
        MaxDrawdown(PeriodReturns.WealthIndex(returns));

    /// <summary>Calmar ratio: geometric annualised return over the maximum drawdown of the same returns.</summary>
    public static double Calmar(ReadOnlySpan<double> returns, double periodsPerYear = 1) =>
        PeriodReturns.Annualised(returns, periodsPerYear) / MaxDrawdownOfReturns(returns).Depth;
}

/// <summary>A drawdown: fall as a positive fraction of the peak, and where the peak and trough are.</summary>
public readonly record struct Drawdown(double Depth, int PeakIndex, int TroughIndex);
