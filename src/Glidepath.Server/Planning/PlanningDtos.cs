using System.Text.Json;
using Glidepath.Domain.Planning;

namespace Glidepath.Server.Planning;

/// <param name="Name">The plan's name.</param>
/// <param name="Scenario">The scenario as a JSON object (docs/scenario-format.md).</param>
/// <param name="Version">On update: the version read; a stale one answers 409. Optional.</param>
public sealed record PlanRequest(string? Name, JsonElement? Scenario, long? Version = null);

public sealed record PlanDto(Guid Id, string Name, JsonElement Scenario, DateTimeOffset CreatedUtc, long Version);

/// <param name="Paths">1..2,000,000; default the scenario's.</param>
/// <param name="Seed">Default the scenario's.</param>
public sealed record SimulateRequest(int? Paths, ulong? Seed);

/// <param name="For">saving | retirement-age | spending.</param>
/// <param name="Target">Success probability in (0, 1); default the scenario's targetSuccess.</param>
/// <param name="Paths">Paths per evaluation, 1..2,000,000; default the scenario's.</param>
/// <param name="Seed">Default the scenario's.</param>
public sealed record SolveRequest(string? For, double? Target, int? Paths = null, ulong? Seed = null);

/// <summary>A stored run; <see cref="Result"/> is left out of lists.</summary>
public sealed record SimulationRunDto(
    Guid Id,
    Guid PlanId,
    SimulationRunKind Kind,
    int Paths,
    ulong Seed,
    JsonElement Parameters,
    JsonElement? Result,
    double SuccessProbability,
    DateTimeOffset CreatedUtc,
    long DurationMs);
