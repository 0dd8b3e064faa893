namespace Glidepath.Domain.Planning;

/// <summary>A household's saved scenario (docs/scenario-format.md), validated when saved.</summary>
public sealed class Plan
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Name { get; set; }

    /// <summary>The scenario JSON exactly as saved.</summary>
    public required string ScenarioJson { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Starts at 1; each update adds one.</summary>
    public long Version { get; set; } = 1;
}
