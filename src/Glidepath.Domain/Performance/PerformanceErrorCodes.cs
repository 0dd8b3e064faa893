namespace Glidepath.Domain.Performance;

/// <summary>Stable codes of performance failures beyond <see cref="Valuation.ValuationErrorCodes"/>.</summary>
public static class PerformanceErrorCodes
{
    /// <summary>The scope names an account the household does not have.</summary>
    public const string UnknownAccount = "unknown-account";

    /// <summary>The benchmark instrument is unknown or has no close on or before the day before the range.</summary>
    public const string BenchmarkUnavailable = "benchmark-unavailable";
}
