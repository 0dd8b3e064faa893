namespace Glidepath.Domain.Planning;

public enum SimulationRunKind
{
    Simulate,
    Solve,
}

/// <summary>Where a run is: queued, then running, then one of the three final states.</summary>
public enum SimulationRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>
/// One simulation or solve of a plan: queued, run in the background, and stored with its
/// parameters, the scenario it ran (a snapshot, so later plan edits do not change what it means)
/// and its result as JSON.
/// </summary>
public sealed class SimulationRun
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid PlanId { get; set; }

    public SimulationRunKind Kind { get; set; }

    public SimulationRunStatus Status { get; set; }

    /// <summary>0..1; 1 once succeeded.</summary>
    public double Progress { get; set; }

    public int Paths { get; set; }

    public ulong Seed { get; set; }

    /// <summary>The request's parameters (paths, seed; lever and target for a solve; the ledger start balance used).</summary>
    public required string ParametersJson { get; set; }

    /// <summary>The scenario as run: the plan's, with the request's paths and seed and any ledger balances filled in.</summary>
    public required string ScenarioJson { get; set; }

    /// <summary>The full result (the CLI's --json shape); null until succeeded.</summary>
    public string? ResultJson { get; set; }

    /// <summary>Null until succeeded.</summary>
    public double? SuccessProbability { get; set; }

    /// <summary>Why a run failed (a scenario error, a restart); null otherwise.</summary>
    public string? Error { get; set; }

    /// <summary>Set by a cancel request; the worker running it stops at its next progress check.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The user who queued it: the queue serves users in turn (fairness), not runs in arrival order.</summary>
    public Guid RequestedBy { get; set; }

    /// <summary>The instance whose worker holds the run's lease while it runs; null while queued.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when (Unix milliseconds) the lease holds; the owner's heartbeat pushes it on, a run left past it is re-leased by any instance.</summary>
    public long? LeaseExpiresUnixMs { get; set; }

    /// <summary>When (Unix milliseconds) a worker last took the run: the queue serves the user it served longest ago first.</summary>
    public long? LeasedUnixMs { get; set; }

    /// <summary>How many times a worker has taken the run; past the limit a run whose lease expired fails instead.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? StartedUtc { get; set; }

    public DateTimeOffset? FinishedUtc { get; set; }

    /// <summary>Running time of the engine; 0 until finished.</summary>
    public long DurationMs { get; set; }

    public bool IsFinished => Status is SimulationRunStatus.Succeeded or SimulationRunStatus.Failed or SimulationRunStatus.Cancelled;
}
