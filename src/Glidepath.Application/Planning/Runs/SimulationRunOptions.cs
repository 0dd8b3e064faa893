namespace Glidepath.Application.Planning.Runs;

/// <summary><c>Glidepath:SimulationRuns</c>: how many runs execute at once, how many may wait, and each user's share.</summary>
public sealed class SimulationRunOptions
{
    public const string Section = "Glidepath:SimulationRuns";

    /// <summary>Runs executing at once. Each run already uses every core, so 1 keeps runs fast and fair.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Runs waiting for a worker; past this a new run answers 503 <c>simulation-queue-full</c>.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>
    /// Fair share: a user's unfinished (queued or running) runs, counted over the households they can
    /// see; past this a new run answers 429 <c>simulation-quota-exceeded</c> while other users go on.
    /// </summary>
    public int MaxRunsPerUser { get; set; } = 4;

    /// <summary>Fair share: the paths of a user's unfinished runs together (a solve counts its paths once).</summary>
    public long MaxPathsPerUser { get; set; } = 8_000_000;

    /// <summary>How often a running run's progress is written and its cancel flag read back from the database.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
