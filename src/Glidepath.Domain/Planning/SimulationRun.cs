namespace Glidepath.Domain.Planning;

public enum SimulationRunKind
{
    Simulate,
    Solve,
}

/// <summary>One stored simulation or solve of a plan: its parameters and its result as JSON.</summary>
public sealed class SimulationRun
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid PlanId { get; set; }

    public SimulationRunKind Kind { get; set; }

    public int Paths { get; set; }

    public ulong Seed { get; set; }

    /// <summary>The request's parameters (paths, seed; lever and target for a solve).</summary>
    public required string ParametersJson { get; set; }

    /// <summary>The full result (the CLI's --json shape).</summary>
    public required string ResultJson { get; set; }

    public double SuccessProbability { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public long DurationMs { get; set; }
}
