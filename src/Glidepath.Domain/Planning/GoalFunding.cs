using Glidepath.Domain.Results;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Planning;

/// <summary>Success of one goal when goals are funded in priority order.</summary>
public sealed record GoalSuccess(string Goal, int Priority, double SuccessProbability, double StandardError);

/// <summary>
/// Goals funded in priority order: goal g succeeds on a path when the plan with g and every goal
/// of higher priority (lower number) pays all their withdrawals. One run per priority level, all
/// with the same seed (common random numbers), so the levels are comparable path by path.
/// </summary>
public static class GoalFunding
{
    public static Result<IReadOnlyList<GoalSuccess>> Evaluate(ScenarioDocument document, Func<SeriesDocument, HistoricalSeries>? seriesLoader, SimulationOptions? options = null)
    {
        var goals = ScenarioCompiler.Flows(document).Where(f => f.Goal is not null)
            .GroupBy(f => f.Goal!).Select(g => (Name: g.Key, Priority: g.Min(f => f.Priority))).ToList();
        var results = new List<GoalSuccess>();
        foreach (var level in goals.Select(g => g.Priority).Distinct().Order())
        {
            var compiled = ScenarioCompiler.Compile(document, seriesLoader, level);
            if (!compiled.TryGet(out var scenario, out var problem))
            {
                return problem;
            }

            var run = MonteCarloSimulator.Run(scenario.Input, options);
            results.AddRange(goals.Where(g => g.Priority == level)
                .Select(g => new GoalSuccess(g.Name, level, run.SuccessProbability, run.SuccessStandardError)));
        }

        return Result.Ok<IReadOnlyList<GoalSuccess>>(results);
    }
}
