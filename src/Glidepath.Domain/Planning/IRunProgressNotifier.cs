namespace Glidepath.Domain.Planning;

/// <summary>
/// Told where a simulation run stands each time its worker stores its progress and once when it
/// ends, so the households' open pages can follow it without polling (docs/web.md, "Real time").
/// </summary>
public interface IRunProgressNotifier
{
    Task RunProgressAsync(Guid householdId, Guid runId, double progress, SimulationRunStatus status, CancellationToken ct);
}
