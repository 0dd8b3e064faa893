namespace Glidepath.Domain.Anomalies;

/// <summary>
/// A day the anomaly scan flagged in one of a household's daily series (docs/anomalies.md, "Household scans"): the
/// series (<see cref="SeriesKind"/> and, for spending, the category in <see cref="SeriesKey"/>), the day, its value, what
/// was typical (the trailing window's median), the score against the threshold and the method. One row per household,
/// series and date: a re-scan never records, and so never alerts, the same day twice.
/// </summary>
public sealed class HouseholdAnomaly
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid HouseholdId { get; set; }

    /// <summary><see cref="AnomalySeriesKinds.Returns"/> or <see cref="AnomalySeriesKinds.Spending"/>.</summary>
    public required string SeriesKind { get; set; }

    /// <summary>The spending category's id (<c>D</c> format); <c>portfolio</c> for the returns.</summary>
    public required string SeriesKey { get; set; }

    /// <summary>The category's path or "Portfolio" when the scan recorded it (a renamed category keeps the old label here).</summary>
    public required string SeriesLabel { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The day's value: a daily return (fraction) or the day's spending in <see cref="Currency"/>.</summary>
    public double Value { get; set; }

    /// <summary>The median of the trailing window the day was judged by.</summary>
    public double Typical { get; set; }

    /// <summary>The score in robust standard deviations (capped at <see cref="MaxScore"/>: a window without spread scores +∞).</summary>
    public double Score { get; set; }

    public double Threshold { get; set; }

    /// <summary><see cref="AnomalyMethods.RollingMad"/> (the only one the scan runs today).</summary>
    public required string Method { get; set; }

    /// <summary>The household's reporting currency at the scan (ISO 4217).</summary>
    public required string Currency { get; set; }

    public DateTimeOffset DetectedUtc { get; set; }

    /// <summary>Set when a member dismissed the alert; a dismissed anomaly stays listed but no longer shows among the alerts.</summary>
    public DateTimeOffset? DismissedUtc { get; set; }

    /// <summary>The largest score stored: a finite stand-in for +∞ (a value off a window whose values are all equal).</summary>
    public const double MaxScore = 1000;
}

public static class AnomalySeriesKinds
{
    /// <summary>The household's daily portfolio return, net of external flows.</summary>
    public const string Returns = "returns";

    /// <summary>The household's daily spending in one expense category, on the days it spent in it.</summary>
    public const string Spending = "spending";

    /// <summary>A charge booked twice: the same account paying the same payee the same amount on one day (the key is the repeat's transaction id).</summary>
    public const string DuplicateCharge = "duplicate-charge";

    /// <summary>The series key of the returns.</summary>
    public const string PortfolioKey = "portfolio";
}

public static class AnomalyMethods
{
    public const string RollingMad = "rolling-mad";

    /// <summary>The duplicate check on the transactions themselves (docs/anomalies.md, "Duplicated charges").</summary>
    public const string DuplicateCharge = "duplicate-charge";
}
