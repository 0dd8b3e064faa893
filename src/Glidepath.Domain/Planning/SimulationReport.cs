using System.Text.Json;
using System.Text.Json.Serialization;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Planning;

/// <summary>
/// The reported shape of a simulation and its JSON settings (camelCase, kebab-case enums): one
/// shape for the CLI's <c>simulate --json</c> and the API's stored results.
/// </summary>
public static class SimulationReport
{
    public static readonly JsonSerializerOptions Json = Create(indented: false);

    public static readonly JsonSerializerOptions IndentedJson = Create(indented: true);

    public sealed record PercentileJson(double P5, double P10, double P25, double P50, double P75, double P90, double P95)
    {
        public static PercentileJson From(Percentiles p) => new(p.P5, p.P10, p.P25, p.P50, p.P75, p.P90, p.P95);
    }

    /// <summary>One year end; Age is the first person's age when the scenario has a plan.</summary>
    public sealed record YearJson(int Year, int Month, double? Age, PercentileJson Nominal, PercentileJson Real, double DepletionProbability);

    /// <summary>Taxes for one simulated tax year: the mean over paths (a failed path pays nothing); Age is the first person's at the year's start.</summary>
    public sealed record TaxYearJson(int Year, double? Age, double MeanNominal, double MeanReal);

    /// <summary>Taxes by year and over the horizon (docs/monte-carlo.md, "Taxes"); absent without a taxes block.</summary>
    /// <param name="LifetimeReal">Percentiles over paths of the lifetime tax in today's money.</param>
    public sealed record TaxesJson(IReadOnlyList<TaxYearJson> Years, PercentileJson LifetimeReal, double MeanLifetimeReal)
    {
        public static TaxesJson From(TaxSummary t, double? startAge) => new(
            t.Years.Select(y => new TaxYearJson(y.Year, startAge + y.Year - 1, y.MeanNominal, y.MeanReal)).ToList(),
            PercentileJson.From(t.LifetimeReal),
            t.MeanLifetimeReal);
    }

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
        IReadOnlyList<GoalSuccess>? Goals,
        TaxesJson? Taxes = null);

    /// <param name="r">The run.</param>
    /// <param name="goals">Per-goal success, when the scenario names goals.</param>
    /// <param name="startAge">The first person's age at month 0, when the scenario has a plan.</param>
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
        goals,
        r.Taxes is { } t ? TaxesJson.From(t, startAge) : null);

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
