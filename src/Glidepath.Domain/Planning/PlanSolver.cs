using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Planning;

/// <summary>One point of the success curve: lever value and success probability.</summary>
public sealed record SolvePoint(double Value, double SuccessProbability);

/// <param name="Lever">What was solved for.</param>
/// <param name="Answer">Monthly saving (to 1 unit, rounded up), retirement month, or annual spending (today's money, to 10 units, rounded down).</param>
/// <param name="RetirementAge">For retirement-age solves of a plan: the first person's age at the answer.</param>
/// <param name="SuccessProbability">Success at the answer.</param>
/// <param name="Target">Success aimed for.</param>
/// <param name="Curve">Success around the answer.</param>
public sealed record SolveResult(SolveFor Lever, double Answer, double? RetirementAge, double SuccessProbability, double Target, IReadOnlyList<SolvePoint> Curve);

/// <summary>
/// Solve-for by bisection on a monotone success curve. Every evaluation uses the scenario's seed
/// (common random numbers), so success is a deterministic, path-wise monotone function of the
/// lever: more saving or a later retirement never hurts a path, more spending never helps.
/// </summary>
public static class PlanSolver
{
    private const int MaxDoublings = 40;

    public static ScenarioResult<SolveResult> Solve(ScenarioDocument document, SolveFor lever, double target, Func<SeriesDocument, HistoricalSeries>? seriesLoader = null, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (target is <= 0 or >= 1)
        {
            return ScenarioResult.Fail<SolveResult>("target", "must be in (0, 1)");
        }

        ScenarioError? error = null;
        double Success(double x)
        {
            var compiled = ScenarioCompiler.Compile(Levers.Apply(document, lever, x), seriesLoader);
            error ??= compiled.Error;
            return compiled.Value is { } c ? MonteCarloSimulator.Run(c.Input, options).SuccessProbability : double.NaN;
        }

        var answer = lever switch
        {
            SolveFor.Saving => Lowest(Success, target, 0, Math.Max(Levers.Current(document, lever), 100), 1),
            SolveFor.Spending => Highest(Success, target, Math.Max(Levers.Current(document, lever), 1000), 10),
            _ => LowestMonth(Success, target, document.HorizonMonths),
        };
        if (error is not null)
        {
            return new(null, error);
        }

        if (answer is null)
        {
            return ScenarioResult.Fail<SolveResult>(lever == SolveFor.RetirementAge ? "horizonMonths" : "target", $"no {Name(lever)} reaches success {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var a = answer.Value;
        var around = lever == SolveFor.RetirementAge
            ? new[] { -36.0, -24, -12, 0, 12, 24, 36 }.Select(d => a + d).Where(m => m >= 0 && m <= document.HorizonMonths)
            : new[] { 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5 }.Select(f => a * f);
        var curve = around.Distinct().Select(x => new SolvePoint(x, Success(x))).ToList();
        double? age = lever == SolveFor.RetirementAge && document.Plan is { } plan ? plan.People[0].Age + (a / 12) : null;
        return ScenarioResult.Ok<SolveResult>(new SolveResult(lever, a, age, Success(a), target, curve));
    }

    private static string Name(SolveFor lever) => lever switch
    {
        SolveFor.Saving => "monthly saving",
        SolveFor.Spending => "spending",
        _ => "retirement month within the horizon",
    };

    /// <summary>Smallest x with success(x) >= target, success increasing in x.</summary>
    private static double? Lowest(Func<double, double> success, double target, double lo, double hi, double tolerance)
    {
        if (success(lo) >= target)
        {
            return lo;
        }

        for (var k = 0; success(hi) < target; k++)
        {
            if (k == MaxDoublings)
            {
                return null;
            }

            (lo, hi) = (hi, hi * 2);
        }

        while (hi - lo > tolerance)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = success(mid) >= target ? (lo, mid) : (mid, hi);
        }

        return Math.Ceiling(hi / tolerance) * tolerance;
    }

    /// <summary>Largest x with success(x) >= target, success decreasing in x.</summary>
    private static double? Highest(Func<double, double> success, double target, double hi, double tolerance)
    {
        var lo = 0.0;
        if (success(lo) < target)
        {
            return null;
        }

        for (var k = 0; success(hi) >= target; k++)
        {
            if (k == MaxDoublings)
            {
                return null;
            }

            (lo, hi) = (hi, hi * 2);
        }

        while (hi - lo > tolerance)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = success(mid) >= target ? (mid, hi) : (lo, mid);
        }

        return Math.Floor(lo / tolerance) * tolerance;
    }

    /// <summary>Smallest whole month with success >= target.</summary>
    private static double? LowestMonth(Func<double, double> success, double target, int horizon)
    {
        int lo = 0, hi = horizon;
        if (success(hi) < target)
        {
            return null;
        }

        if (success(lo) >= target)
        {
            return lo;
        }

        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = success(mid) >= target ? (lo, mid) : (mid, hi);
        }

        return hi;
    }
}
