using Glidepath.Domain.Planning;

namespace Glidepath.Application.Planning.Runs;

/// <summary>One moment of a run as its worker sees it: at each heartbeat (running, progress) and once when it ends (its final status).</summary>
public sealed record SimulationProgress(Guid RunId, Guid HouseholdId, Guid PlanId, SimulationRunStatus Status, double Progress, double? SuccessProbability, string? Error);

/// <summary>
/// Where the worker reports runs executing on this instance, after the database has them (a push to
/// browsers hooks in here). Every registered sink is called; a sink that throws is logged and the run goes on.
/// </summary>
public interface ISimulationProgressSink
{
    ValueTask ReportAsync(SimulationProgress progress, CancellationToken ct);
}
