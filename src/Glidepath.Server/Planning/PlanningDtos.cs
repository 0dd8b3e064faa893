using System.Text.Json;
using Glidepath.Application.Planning;
using Glidepath.Application.Validation;
using Glidepath.Domain.Planning;

namespace Glidepath.Server.Planning;

/// <param name="Name">The plan's name.</param>
/// <param name="Scenario">The scenario as a JSON object (docs/scenario-format.md).</param>
/// <param name="Version">On update: the version read; a stale one answers 409. Optional.</param>
public sealed record PlanRequest(string? Name, JsonElement? Scenario, long? Version = null) : IVersionedRequest
{
    public IVersionedRequest WithVersion(long version) => this with { Version = version };

    public PlanInput ToInput() => new(Name, Scenario, Version);
}

public sealed record PlanDto(Guid Id, string Name, JsonElement Scenario, DateTimeOffset CreatedUtc, long Version);

/// <param name="Scenario">The plan's scenario as edited (docs/scenario-format.md); default the stored one. Not stored.</param>
/// <param name="Paths">1..20,000; default the scenario's, at most 20,000.</param>
/// <param name="Seed">Default the scenario's.</param>
public sealed record PreviewRequest(JsonElement? Scenario, int? Paths = null, ulong? Seed = null);

/// <param name="Paths">1..2,000,000; default the scenario's.</param>
/// <param name="Seed">Default the scenario's.</param>
public sealed record SimulateRequest(int? Paths, ulong? Seed);

/// <param name="For">saving | retirement-age | spending.</param>
/// <param name="Target">Success probability in (0, 1); default the scenario's targetSuccess.</param>
/// <param name="Paths">Paths per evaluation, 1..2,000,000; default the scenario's.</param>
/// <param name="Seed">Default the scenario's.</param>
public sealed record SolveRequest(string? For, double? Target, int? Paths = null, ulong? Seed = null);

/// <summary>
/// A run: poll it until <see cref="Status"/> is Succeeded, Failed or Cancelled. <see cref="Result"/>
/// is there once Succeeded (left out of lists); <see cref="Error"/> says why a run failed.
/// </summary>
/// <param name="Status">Queued, Running, Succeeded, Failed or Cancelled.</param>
/// <param name="Progress">0..1 (simulations move through the run; solves report 0 until they finish).</param>
/// <param name="Parameters">paths, seed; for a solve, for and target; with fromLedger, the ledger start used.</param>
/// <param name="SuccessProbability">Once Succeeded.</param>
/// <param name="DurationMs">Engine time once finished.</param>
public sealed record SimulationRunDto(
    Guid Id,
    Guid PlanId,
    SimulationRunKind Kind,
    SimulationRunStatus Status,
    double Progress,
    int Paths,
    ulong Seed,
    JsonElement Parameters,
    JsonElement? Result,
    double? SuccessProbability,
    string? Error,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? FinishedUtc,
    long DurationMs);
