using System.Globalization;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Recommendations;

/// <summary>
/// The plan the Monte Carlo recommendations read: its id and version (the version is part of the fingerprint), its
/// name, and its scenario ready to run (a snapshot: no <c>fromLedger</c> left, inflation filled in).
/// </summary>
public sealed record PlanFact(Guid PlanId, long Version, string Name, ScenarioDocument Scenario);

/// <summary>
/// Save more, retire later, spend less (docs/recommendations.md, "Monte Carlo effects"): when the plan's success
/// probability is below its <c>targetSuccess</c>, each lever is solved with <see cref="PlanSolver"/> for the smallest
/// change that reaches the target, and its effect is the success with the change minus the success without it, both
/// run with the scenario's seed on <see cref="MaxPaths"/> paths at most: the same draws (common random numbers), so the
/// difference is the lever's and not sampling noise.
/// </summary>
public static class PlanLeverRules
{
    /// <summary>Paths of every run (the plan's own count when lower): the solves take some 30 to 60 runs each.</summary>
    public const int MaxPaths = 5_000;

    private static readonly string[] Kinds = [RecommendationKinds.SaveMore, RecommendationKinds.RetireLater, RecommendationKinds.SpendLess];

    /// <summary>Whether <paramref name="key"/> is one of these recommendations' (kind:plan id): deciding on it needs the plan's solves.</summary>
    public static bool Owns(string key) => Kinds.Any(k => key.StartsWith(k + ":", StringComparison.Ordinal));

    private static string Key(string kind, Guid planId) => Invariant($"{kind}:{planId}");

    /// <summary>The scenario as the recommendations run it: at most <see cref="MaxPaths"/> paths, the plan's seed.</summary>
    public static ScenarioDocument Runnable(ScenarioDocument scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with { Paths = Math.Min(scenario.Paths, MaxPaths) };
    }

    /// <summary>Success probability of <paramref name="scenario"/> as run (null when it does not compile).</summary>
    public static double? Success(ScenarioDocument scenario, Func<SeriesDocument, HistoricalSeries>? seriesLoader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return ScenarioCompiler.Compile(scenario, seriesLoader).TryGet(out var compiled, out _)
            ? MonteCarloSimulator.Run(compiled.Input, new SimulationOptions { CancellationToken = ct }).SuccessProbability
            : null;
    }

    public static IReadOnlyList<Recommendation> Evaluate(PlanFact plan, Func<SeriesDocument, HistoricalSeries>? seriesLoader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scenario = Runnable(plan.Scenario);
        var target = scenario.TargetSuccess;
        if (Success(scenario, seriesLoader, ct) is not { } baseline || baseline >= target)
        {
            return [];
        }

        var found = new List<Recommendation>();
        var options = new SimulationOptions { CancellationToken = ct };
        foreach (var lever in new[] { SolveFor.Saving, SolveFor.RetirementAge, SolveFor.Spending })
        {
            if (!PlanSolver.Solve(scenario, lever, target, seriesLoader, options).TryGet(out var solved, out _))
            {
                continue; // no value of this lever reaches the target
            }

            var current = Levers.Current(scenario, lever);
            // The answer's success is a run of the changed scenario with the same seed: the effect is its difference to the baseline.
            var change = solved.SuccessProbability - baseline;
            var common = new Dictionary<string, decimal>
            {
                ["successProbability"] = Round(baseline),
                ["successProbabilityWithChange"] = Round(solved.SuccessProbability),
                ["targetSuccess"] = Round(target),
                ["paths"] = scenario.Paths,
                ["seed"] = scenario.Seed,
            };
            var fingerprint = Invariant($"plan:{plan.Version};success:{(int)Math.Floor(baseline * 20) * 5}");
            var intro = Invariant($"Your plan \"{plan.Name}\" succeeds in {baseline:P0} of {scenario.Paths:N0} simulated futures; you aim for {target:P0}.");
            var effect = Invariant($"In the same {scenario.Paths:N0} futures (same seed) that lifts success to {solved.SuccessProbability:P0}, {change * 100:+0.0;-0.0} points.");
            switch (lever)
            {
                case SolveFor.Saving when solved.Answer > current:
                    var extra = (decimal)(solved.Answer - current);
                    found.Add(new Recommendation(
                        RecommendationKinds.SaveMore, Key(RecommendationKinds.SaveMore, plan.PlanId), 0,
                        Invariant($"Save {extra:N0} more a month"),
                        Invariant($"{intro} Saving {solved.Answer:N0} a month instead of {current:N0} is the least that reaches it. {effect}"),
                        new Dictionary<string, decimal>(common) { ["currentMonthlySaving"] = Round2(current), ["monthlySaving"] = Round2(solved.Answer) },
                        new RecommendationEffect(Amount: Math.Round(extra, 2), SuccessProbabilityChange: change),
                        fingerprint, "monte-carlo-success-probability"));
                    break;
                case SolveFor.RetirementAge when solved.Answer > current:
                    var months = (int)(solved.Answer - current);
                    var data = new Dictionary<string, decimal>(common) { ["currentRetirementMonth"] = (decimal)current, ["retirementMonth"] = (decimal)solved.Answer, ["monthsLater"] = months };
                    var when = solved.RetirementAge is { } age ? Invariant($"at {age:0.#}") : Invariant($"in month {solved.Answer:0}");
                    if (solved.RetirementAge is { } at)
                    {
                        data["retirementAge"] = Round2(at);
                    }

                    found.Add(new Recommendation(
                        RecommendationKinds.RetireLater, Key(RecommendationKinds.RetireLater, plan.PlanId), 0,
                        Invariant($"Retire {Later(months)} later"),
                        Invariant($"{intro} Retiring {when}, {Later(months)} later than planned, is the earliest that reaches it. {effect}"),
                        data,
                        new RecommendationEffect(SuccessProbabilityChange: change),
                        fingerprint, "monte-carlo-success-probability"));
                    break;
                case SolveFor.Spending when solved.Answer < current:
                    var less = (decimal)(current - solved.Answer);
                    found.Add(new Recommendation(
                        RecommendationKinds.SpendLess, Key(RecommendationKinds.SpendLess, plan.PlanId), 0,
                        Invariant($"Plan to spend {less:N0} less a year in retirement"),
                        Invariant($"{intro} Spending {solved.Answer:N0} a year (today's money) instead of {current:N0} is the most that reaches it. {effect}"),
                        new Dictionary<string, decimal>(common) { ["currentAnnualSpending"] = Round2(current), ["annualSpending"] = Round2(solved.Answer) },
                        new RecommendationEffect(Amount: Math.Round(less, 2), SuccessProbabilityChange: change),
                        fingerprint, "monte-carlo-success-probability"));
                    break;
                default:
                    break;
            }
        }

        return found;
    }

    private static string Later(int months) => months % 12 == 0
        ? Invariant($"{months / 12} year{(months == 12 ? "" : "s")}")
        : Invariant($"{months} month{(months == 1 ? "" : "s")}");

    private static decimal Round(double p) => Math.Round((decimal)p, 6);

    private static decimal Round2(double x) => Math.Round((decimal)x, 2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
