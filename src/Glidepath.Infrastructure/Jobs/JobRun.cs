namespace Glidepath.Infrastructure.Jobs;

/// <summary>
/// One run of a scheduled job (docs/market-data.md, "Schedules"): written when it starts, finished
/// when it ends, listed by the admin page and purged by the retention job.
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The job's name (<c>price-refresh</c>, <c>retention</c>…).</summary>
    public required string JobName { get; set; }

    /// <summary>The scheduler instance (cluster node) that ran it.</summary>
    public required string Instance { get; set; }

    /// <summary>What fired it: a trigger's name, or <c>manual</c>.</summary>
    public required string Trigger { get; set; }

    /// <summary>UTC (DateTime, not DateTimeOffset: SQLite orders and compares it in SQL).</summary>
    public DateTime StartedUtc { get; set; }

    public long? DurationMs { get; set; }

    /// <summary><see cref="JobOutcomes"/>: running, succeeded, failed.</summary>
    public required string Outcome { get; set; }

    /// <summary>A one-line summary, or the failure's reason.</summary>
    public string? Message { get; set; }
}

public static class JobOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

public static class JobRunMessage
{
    public const int MaxLength = 2000;

    /// <summary>The message cut to the column (a long failure's first part is the useful one).</summary>
    public static string? Fit(string? message) => message is { Length: > MaxLength } ? message[..(MaxLength - 1)] + "…" : message;
}
