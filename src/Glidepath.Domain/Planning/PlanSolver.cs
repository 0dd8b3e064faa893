using Glidepath.Domain.Results;
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
/// Progress (<see cref="SimulationOptions.Progress"/>) is evaluations done over evaluations
/// expected: the bisection steps left for the current bracket plus the curve and the answer, so
/// it is an estimate while the bracket is still doubling (the bar then pauses; it never moves back).
/// </summary>
public static class PlanSolver
{
    private const int MaxDoublings = 40;

    /// <summary>Evaluations after the search: up to seven curve points and the answer itself.</summary>
    private const int Finishing = 8;

    public static Result<SolveResult> Solve(ScenarioDocument document, SolveFor lever, double target, Func<SeriesDocument, HistoricalSeries>? seriesLoader = null, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (target is <= 0 or >= 1)
        {
            return Problem.Invalid("target", "must be in (0, 1)");
        }

        Problem? error = null;
        var done = 0;
        var ahead = Finishing; // evaluations expected after the current one
        var sink = options?.Progress is { } progress ? new Monotone(progress) : null;
        double Success(double x)
        {
            options?.CancellationToken.ThrowIfCancellationRequested();
            var compiled = ScenarioCompiler.Compile(Levers.Apply(document, lever, x), seriesLoader);
            error ??= compiled.Problem;
            var run = sink is null ? options : options! with { Progress = new Evaluation(sink, done, done + 1 + ahead) };
            var p = compiled.TryGet(out var c, out _) ? MonteCarloSimulator.Run(c.Input, run).SuccessProbability : double.NaN;
            done++;
            ahead = Math.Max(0, ahead - 1);
            return p;
        }

        void Expect(int searchSteps) => ahead = searchSteps + Finishing;
        var answer = lever switch
        {
            SolveFor.Saving => Lowest(Success, Expect, target, 0, Math.Max(Levers.Current(document, lever), 100), 1),
            SolveFor.Spending => Highest(Success, Expect, target, Math.Max(Levers.Current(document, lever), 1000), 10),
            _ => LowestMonth(Success, Expect, target, document.HorizonMonths),
        };
        if (error is not null)
        {
            return error;
        }

        if (answer is null)
        {
            return Problem.Invalid(lever == SolveFor.RetirementAge ? "horizonMonths" : "target", $"no {Name(lever)} reaches success {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var a = answer.Value;
        var around = lever == SolveFor.RetirementAge
            ? new[] { -36.0, -24, -12, 0, 12, 24, 36 }.Select(d => a + d).Where(m => m >= 0 && m <= document.HorizonMonths)
            : new[] { 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5 }.Select(f => a * f);
        var points = around.Distinct().ToList();
        ahead = points.Count + 1;
        var curve = points.Select(x => new SolvePoint(x, Success(x))).ToList();
        ahead = 0;
        double? age = lever == SolveFor.RetirementAge && document.Plan is { } plan ? plan.People[0].Age + (a / 12) : null;
        return Result.Ok(new SolveResult(lever, a, age, Success(a), target, curve));
    }

    /// <summary>One evaluation's share of the solve's bar: <c>(done + fraction) / expected</c>.</summary>
    private sealed class Evaluation(IProgress<double> sink, int done, int expected) : IProgress<double>
    {
        public void Report(double value) => sink.Report(Math.Min(1, (done + value) / expected));
    }

    /// <summary>
    /// Passes on only values above the largest so far, in order (the estimate may shrink; the bar
    /// must not). Reports come from the engine's worker threads.
    /// </summary>
    private sealed class Monotone(IProgress<double> sink) : IProgress<double>
    {
        private readonly Lock _gate = new();
        private double _largest = -1;

        public void Report(double value)
        {
            lock (_gate)
            {
                if (value > _largest)
                {
                    _largest = value;
                    sink.Report(value);
                }
            }
        }
    }

    private static string Name(SolveFor lever) => lever switch
    {
        SolveFor.Saving => "monthly saving",
        SolveFor.Spending => "spending",
        _ => "retirement month within the horizon",
    };

    /// <summary>Bisection steps that narrow <paramref name="width"/> to <paramref name="tolerance"/>.</summary>
    private static int Steps(double width, double tolerance) => width <= tolerance ? 0 : (int)Math.Ceiling(Math.Log2(width / tolerance));

    /// <summary>Smallest x with success(x) >= target, success increasing in x.</summary>
    private static double? Lowest(Func<double, double> success, Action<int> expect, double target, double lo, double hi, double tolerance)
    {
        expect(1 + Steps(hi - lo, tolerance));
        if (success(lo) >= target)
        {
            return lo;
        }

        for (var k = 0; Bracket(success, expect, Steps(hi - lo, tolerance), hi) < target; k++)
        {
            if (k == MaxDoublings)
            {
                return null;
            }

            (lo, hi) = (hi, hi * 2);
        }

        while (hi - lo > tolerance)
        {
            expect(Steps(hi - lo, tolerance) - 1);
            var mid = (lo + hi) / 2;
            (lo, hi) = success(mid) >= target ? (lo, mid) : (mid, hi);
        }

        return Math.Ceiling(hi / tolerance) * tolerance;
    }

    /// <summary>Largest x with success(x) >= target, success decreasing in x.</summary>
    private static double? Highest(Func<double, double> success, Action<int> expect, double target, double hi, double tolerance)
    {
        var lo = 0.0;
        expect(1 + Steps(hi - lo, tolerance));
        if (success(lo) < target)
        {
            return null;
        }

        for (var k = 0; Bracket(success, expect, Steps(hi - lo, tolerance), hi) >= target; k++)
        {
            if (k == MaxDoublings)
            {
                return null;
            }

            (lo, hi) = (hi, hi * 2);
        }

        while (hi - lo > tolerance)
        {
            expect(Steps(hi - lo, tolerance) - 1);
            var mid = (lo + hi) / 2;
            (lo, hi) = success(mid) >= target ? (mid, hi) : (lo, mid);
        }

        return Math.Floor(lo / tolerance) * tolerance;
    }

    /// <summary>Success at a bracket end; if the bracket holds, the bisection of its width follows.</summary>
    private static double Bracket(Func<double, double> success, Action<int> expect, int steps, double x)
    {
        expect(steps);
        return success(x);
    }

    /// <summary>Smallest whole month with success >= target.</summary>
    private static double? LowestMonth(Func<double, double> success, Action<int> expect, double target, int horizon)
    {
        int lo = 0, hi = horizon;
        expect(1 + Steps(hi - lo, 1));
        if (success(hi) < target)
        {
            return null;
        }

        expect(Steps(hi - lo, 1));
        if (success(lo) >= target)
        {
            return lo;
        }

        while (hi - lo > 1)
        {
            expect(Steps(hi - lo, 1) - 1);
            var mid = (lo + hi) / 2;
            (lo, hi) = success(mid) >= target ? (lo, mid) : (mid, hi);
        }

        return hi;
    }
}
