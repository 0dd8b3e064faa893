using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Application.Planning;

/// <param name="Scenario">The plan's scenario as edited (docs/scenario-format.md); default the stored one.</param>
/// <param name="Paths">1..<see cref="PlanPreviews.MaxPaths"/>; default the scenario's, at most <see cref="PlanPreviews.MaxPaths"/>.</param>
/// <param name="Seed">Default the scenario's.</param>
public sealed record PreviewInput(JsonElement? Scenario, int? Paths, ulong? Seed);

/// <summary>
/// Live what-if: a plan simulated at once, with the edits a client is trying (a slider, a field) and
/// nothing stored, no queue. Small enough to answer while the user waits: at most
/// <see cref="MaxPaths"/> paths. The scenario is snapshotted as a run's is (<see cref="PlanSnapshots"/>:
/// <c>fromLedger</c> valued from the holdings) and simulated by <see cref="SimulationExecutor"/>.
/// </summary>
public sealed class PlanPreviews(GlidepathDbContext db, PlanSnapshots snapshots, ReturnSeriesLoader series)
{
    public const int MaxPaths = 20_000;

    public async Task<Result<SimulationReport.SimulationOutput>> PreviewAsync(Guid householdId, Guid planId, PreviewInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await Plans.FindAsync(db, householdId, planId, ct);
        if (plan is null)
        {
            return PlanningProblems.PlanNotFound(planId);
        }

        if (input.Paths is not (null or (>= 1 and <= MaxPaths)))
        {
            return Problem.Invalid("paths", $"A preview runs 1 to {MaxPaths:N0} paths; queue a simulation for more.");
        }

        if (input.Scenario is { ValueKind: not JsonValueKind.Object })
        {
            return Problem.Invalid("scenario", "The scenario must be a JSON object (docs/scenario-format.md).");
        }

        var parsed = ScenarioParser.Parse(input.Scenario?.GetRawText() ?? plan.ScenarioJson);
        if (!parsed.TryGet(out var document, out var refused))
        {
            return PlanningProblems.Scenario(refused);
        }

        var prepared = await snapshots.PrepareAsync(householdId, document, input.Paths ?? Math.Min(document.Paths, MaxPaths), input.Seed, ct, check: false);
        if (!prepared.TryGet(out var snapshot, out var problem))
        {
            return problem;
        }

        return SimulationExecutor.Simulate(snapshot.Document, series.Load, progress: null, ct).Match<Result<SimulationReport.SimulationOutput>>(
            done => done.Report,
            refused => refused with { Field = PlanningProblems.ScenarioField(refused.Field ?? "") });
    }
}
