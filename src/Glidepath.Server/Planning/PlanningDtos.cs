using System.Text.Json;
using System.Text.Json.Serialization;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;

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

/// <summary>The stored result shapes: the same camelCase JSON as the CLI's <c>simulate --json</c> and <c>solve --json</c>.</summary>
public static class SimulationResultJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public sealed record PercentileJson(double P5, double P10, double P25, double P50, double P75, double P90, double P95)
    {
        public static PercentileJson From(Percentiles p) => new(p.P5, p.P10, p.P25, p.P50, p.P75, p.P90, p.P95);
    }

    public sealed record YearJson(int Year, int Month, double? Age, PercentileJson Nominal, PercentileJson Real, double DepletionProbability);

    public sealed record SimulationOutput(
        int Paths,
        ulong Seed,
        double SuccessProbability,
        double SuccessStandardError,
        PercentileJson TerminalWealth,
        PercentileJson TerminalWealthReal,
        IReadOnlyList<YearJson> Years,
        double? MedianDepletionMonth,
        double? MedianDepletionAge,
        SpendingQuality Spending,
        IReadOnlyList<GoalSuccess>? Goals);

    public static SimulationOutput From(SimulationResult r, IReadOnlyList<GoalSuccess>? goals, double? startAge) => new(
        r.Paths,
        r.Seed,
        r.SuccessProbability,
        r.SuccessStandardError,
        PercentileJson.From(r.TerminalNominal),
        PercentileJson.From(r.TerminalReal),
        r.Years.Select(y => new YearJson(y.Year, y.Month, startAge + (y.Month / 12.0), PercentileJson.From(y.Nominal), PercentileJson.From(y.Real), y.DepletionProbability)).ToList(),
        r.MedianDepletionMonth,
        startAge + (r.MedianDepletionMonth / 12),
        r.Spending,
        goals);
}
