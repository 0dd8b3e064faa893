using System.Diagnostics;
using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Server.Planning.Runs;

/// <summary>What one run computes: the stored scenario snapshot in, the result JSON (or the scenario error) out.</summary>
public static class SimulationExecutor
{
    /// <summary>The outcome of one run: the result and its success probability, or the scenario error.</summary>
    public sealed record Outcome(string? ResultJson, double SuccessProbability, ScenarioError? Error, long DurationMs);

    /// <summary>The lever and target of a solve run, as stored in its parameters.</summary>
    public sealed record SolveParameters(string For, double Target);

    public static Outcome Execute(SimulationRun run, Func<SeriesDocument, HistoricalSeries>? seriesLoader, IProgress<double> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var watch = Stopwatch.StartNew();
        var document = ScenarioParser.Parse(run.ScenarioJson).Value
            ?? throw new InvalidOperationException($"The scenario stored with run {run.Id} no longer parses.");
        return run.Kind == SimulationRunKind.Solve
            ? Solve(run, document, seriesLoader, progress, watch, ct)
            : Simulate(document, seriesLoader, progress, watch, ct);
    }

    private static Outcome Simulate(ScenarioDocument document, Func<SeriesDocument, HistoricalSeries>? seriesLoader, IProgress<double> progress, Stopwatch watch, CancellationToken ct)
    {
        var compiled = ScenarioCompiler.Compile(document, seriesLoader);
        if (compiled.Value is null)
        {
            return new(null, 0, compiled.Error, watch.ElapsedMilliseconds);
        }

        var hasGoals = ScenarioCompiler.Flows(document).Any(f => f.Goal is not null);
        // With goals, per-goal success runs the engine once more per priority level: the main run is
        // the first half of the bar.
        var main = hasGoals ? new Scaled(progress, 0, 0.5) : progress;
        var result = MonteCarloSimulator.Run(compiled.Value.Input, new SimulationOptions { CancellationToken = ct, Progress = main });
        IReadOnlyList<GoalSuccess>? goals = null;
        if (hasGoals)
        {
            var funded = GoalFunding.Evaluate(document, seriesLoader, new SimulationOptions { CancellationToken = ct });
            if (funded.Value is null)
            {
                return new(null, 0, funded.Error, watch.ElapsedMilliseconds);
            }

            goals = funded.Value;
        }

        var report = SimulationReport.From(result, goals, document.Plan?.People[0].Age);
        return new(JsonSerializer.Serialize(report, SimulationReport.Json), result.SuccessProbability, null, watch.ElapsedMilliseconds);
    }

    private static Outcome Solve(SimulationRun run, ScenarioDocument document, Func<SeriesDocument, HistoricalSeries>? seriesLoader, IProgress<double> progress, Stopwatch watch, CancellationToken ct)
    {
        var parameters = JsonSerializer.Deserialize<SolveParameters>(run.ParametersJson, SimulationReport.Json)
            ?? throw new InvalidOperationException($"Run {run.Id} has no solve parameters.");
        var lever = Levers.Parse(parameters.For) ?? throw new InvalidOperationException($"Run {run.Id} names an unknown lever '{parameters.For}'.");
        var solved = PlanSolver.Solve(document, lever, parameters.Target, seriesLoader, new SimulationOptions { CancellationToken = ct, Progress = progress });
        return solved.Value is { } answer
            ? new(JsonSerializer.Serialize(answer, SimulationReport.Json), answer.SuccessProbability, null, watch.ElapsedMilliseconds)
            : new(null, 0, solved.Error, watch.ElapsedMilliseconds);
    }

    /// <summary>Maps an engine's 0..1 onto <c>[from, from + width]</c> of the run's bar.</summary>
    private sealed class Scaled(IProgress<double> inner, double from, double width) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + (width * value));
    }
}
