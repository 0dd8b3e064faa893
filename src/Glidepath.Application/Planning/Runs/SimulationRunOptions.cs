namespace Glidepath.Application.Planning.Runs;

/// <summary><c>Glidepath:SimulationRuns</c>: how many runs execute at once, how many may wait, and each user's share.</summary>
public sealed class SimulationRunOptions
{
    public const string Section = "Glidepath:SimulationRuns";

    /// <summary>Runs executing at once. Each run already uses every core, so 1 keeps runs fast and fair.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Runs waiting for a worker (queued rows, all instances together); past this a new run answers 503 <c>simulation-queue-full</c>.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>
    /// Fair share: a user's unfinished (queued or running) runs, counted over the households they can
    /// see; past this a new run answers 429 <c>simulation-quota-exceeded</c> while other users go on.
    /// </summary>
    public int MaxRunsPerUser { get; set; } = 4;

    /// <summary>Fair share: the paths of a user's unfinished runs together (a solve counts its paths once).</summary>
    public long MaxPathsPerUser { get; set; } = 8_000_000;

    /// <summary>The heartbeat: how often a running run's progress is written, its lease renewed and its cancel flag read back from the database.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a worker's lease on a run holds without a heartbeat; past it another instance takes the run over (its instance is presumed dead).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for runs queued on other instances (runs queued on its own instance wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a run may be taken; a run whose lease expires on its last attempt fails, saying why.</summary>
    public int MaxAttempts { get; set; } = 3;
}
