namespace Glidepath.Quant.MonteCarlo;

/// <summary>Percentiles 5/10/25/50/75/90/95 (linear interpolation between order statistics, Hyndman-Fan type 7).</summary>
public readonly record struct Percentiles(double P5, double P10, double P25, double P50, double P75, double P90, double P95)
{
    public static readonly double[] Levels = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

    internal static Percentiles From(double[] v) => new(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);

    /// <summary>Every value divided by <paramref name="divisor"/> (nominal to today's money).</summary>
    public Percentiles DividedBy(double divisor) =>
        new(P5 / divisor, P10 / divisor, P25 / divisor, P50 / divisor, P75 / divisor, P90 / divisor, P95 / divisor);
}

/// <summary>Balances at the end of one simulated year (or of the horizon when it is not whole years).</summary>
/// <param name="Year">1-based year number.</param>
/// <param name="Month">Months elapsed at this point.</param>
/// <param name="Nominal">Balance percentiles in currency of that date.</param>
/// <param name="Real">Balance percentiles in today's money (divided by (1+inflation)^(Month/12)).</param>
/// <param name="DepletionProbability">Share of paths failed by this point.</param>
public sealed record YearOutcome(int Year, int Month, Percentiles Nominal, Percentiles Real, double DepletionProbability);

/// <summary>Spending beyond success, over years with planned withdrawals.</summary>
/// <param name="CutYearShare">Mean over paths of the share of years with real spending more than 10 % below plan.</param>
/// <param name="LowestSpendingRatioMedian">Median over paths of the lowest year's spending divided by its plan.</param>
/// <param name="LowestSpendingRatioP5">5th percentile over paths of the same ratio.</param>
/// <param name="EndAboveStartProbability">Share of paths ending with a real balance at least the start balance (money left far above need).</param>
public sealed record SpendingQuality(double CutYearShare, double LowestSpendingRatioMedian, double LowestSpendingRatioP5, double EndAboveStartProbability);

public sealed record SimulationResult
{
    public required int Paths { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Share of paths that paid every withdrawal in full.</summary>
    public required double SuccessProbability { get; init; }

    /// <summary>sqrt(p(1-p)/n); with antithetic pairs, the standard error of the pair means.</summary>
    public required double SuccessStandardError { get; init; }

    public required Percentiles TerminalNominal { get; init; }

    public required Percentiles TerminalReal { get; init; }

    public required IReadOnlyList<YearOutcome> Years { get; init; }

    /// <summary>Median month of failure among failed paths (months from start), null when none failed.</summary>
    public required double? MedianDepletionMonth { get; init; }

    public required SpendingQuality Spending { get; init; }

    /// <summary>Terminal nominal balance of every path (0 for failed paths), path order.</summary>
    public required ReadOnlyMemory<float> TerminalBalances { get; init; }

    /// <summary>Month each path failed in, or -1.</summary>
    public required ReadOnlyMemory<int> FailureMonths { get; init; }

    /// <summary>Taxes paid by year and lifetime; null when the input models no taxes.</summary>
    public TaxSummary? Taxes { get; init; }
}
