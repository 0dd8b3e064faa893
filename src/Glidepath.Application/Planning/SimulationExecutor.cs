using System.Diagnostics;
using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Application.Planning;

/// <summary>
/// What one simulation or solve computes, for every front door: the server's queued runs (the
/// stored scenario snapshot in, the result JSON out) and the CLI's <c>simulate</c> and <c>solve</c>.
/// </summary>
public static class SimulationExecutor
{
    /// <summary>
    /// The outcome of one run: the result and its success probability, or the scenario error (its field under <c>scenario.</c>, as the API names it).
    /// A simulation also carries what the goals it tests read (<see cref="Goals.GoalStatuses"/>): the per-goal success and the plan's target.
    /// </summary>
    public sealed record Outcome(string? ResultJson, double SuccessProbability, string? Error, long DurationMs)
    {
        public IReadOnlyList<GoalSuccess>? Goals { get; init; }

        public double? TargetSuccess { get; init; }
    }

    /// <summary>The lever and target of a solve run, as stored in its parameters.</summary>
    public sealed record SolveParameters(string For, double Target);

    /// <summary>One simulation: the engine's result, per-goal success when the scenario has goals, and the report both front doors write.</summary>
    public sealed record Simulated(SimulationResult Result, IReadOnlyList<GoalSuccess>? Goals, SimulationReport.SimulationOutput Report);

    public static Outcome Execute(SimulationRun run, Func<SeriesDocument, HistoricalSeries>? seriesLoader, IProgress<double> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var watch = Stopwatch.StartNew();
        var document = ScenarioParser.Parse(run.ScenarioJson).Match(d => d, _ => throw new InvalidOperationException($"The scenario stored with run {run.Id} no longer parses."));
        if (run.Kind == SimulationRunKind.Solve)
        {
            var parameters = JsonSerializer.Deserialize<SolveParameters>(run.ParametersJson, SimulationReport.Json)
                ?? throw new InvalidOperationException($"Run {run.Id} has no solve parameters.");
            var lever = Levers.Parse(parameters.For) ?? throw new InvalidOperationException($"Run {run.Id} names an unknown lever '{parameters.For}'.");
            var solved = PlanSolver.Solve(document, lever, parameters.Target, seriesLoader, new SimulationOptions { CancellationToken = ct, Progress = progress });
            return solved.Match(
                answer => new Outcome(JsonSerializer.Serialize(answer, SimulationReport.Json), answer.SuccessProbability, null, watch.ElapsedMilliseconds),
                problem => new Outcome(null, 0, Describe(problem.Field ?? "", problem.Message), watch.ElapsedMilliseconds));
        }

        return Simulate(document, seriesLoader, progress, ct).Match(
            done => new Outcome(JsonSerializer.Serialize(done.Report, SimulationReport.Json), done.Result.SuccessProbability, null, watch.ElapsedMilliseconds)
            {
                Goals = done.Goals,
                TargetSuccess = document.TargetSuccess,
            },
            problem => new Outcome(null, 0, Describe(problem.Field ?? "", problem.Message), watch.ElapsedMilliseconds));
    }

    /// <summary>
    /// Compiles and runs <paramref name="document"/>; with goals, the engine runs once more per priority
    /// level for per-goal success. A refused scenario is an invalid problem naming the scenario's own field.
    /// </summary>
    public static Result<Simulated> Simulate(ScenarioDocument document, Func<SeriesDocument, HistoricalSeries>? seriesLoader, IProgress<double>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!ScenarioCompiler.Compile(document, seriesLoader).TryGet(out var compiled, out var refused))
        {
            return refused;
        }

        var hasGoals = compiled.Flows.Any(f => f.Goal is not null);
        // With goals, per-goal success is the second half of the bar.
        var main = hasGoals && progress is not null ? new Scaled(progress, 0, 0.5) : progress;
        var result = MonteCarloSimulator.Run(compiled.Input, new SimulationOptions { CancellationToken = ct, Progress = main });
        IReadOnlyList<GoalSuccess>? goals = null;
        if (hasGoals)
        {
            if (!GoalFunding.Evaluate(document, seriesLoader, new SimulationOptions { CancellationToken = ct }).TryGet(out var funded, out var unfunded))
            {
                return unfunded;
            }

            goals = funded;
        }

        return new Simulated(result, goals, SimulationReport.From(result, goals, document.Plan?.People[0].Age));
    }

    private static string Describe(string field, string message) => $"{PlanningProblems.ScenarioField(field)}: {message}";

    /// <summary>Maps an engine's 0..1 onto <c>[from, from + width]</c> of the run's bar.</summary>
    private sealed class Scaled(IProgress<double> inner, double from, double width) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + (width * value));
    }
}
