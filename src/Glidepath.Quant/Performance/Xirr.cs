namespace Glidepath.Quant.Performance;

/// <summary>Money-weighted return: the annual rate r with Σ a_i (1 + r)^(-d_i/365) = 0.</summary>
/// <remarks>
/// Day count actual/365 from the earliest date, as Excel's XIRR. The solve runs in
/// x = ln(1 + r), where every r &gt; -1 is reachable. Newton from the guess is tried first;
/// when it fails, or when Descartes' rule of signs (which holds for sums of real powers)
/// allows more than one root, the NPV is scanned on a grid of x in [-10, 10]
/// (r from -99.995 % to about 2.2e6 %) and every sign change is refined by bisection-safeguarded
/// Newton. A tangent (double) root shows no sign change and is not reported.
/// </remarks>
public static class Xirr
{
    private const double ScanMin = -10.0;
    private const double ScanMax = 10.0;
    private const int ScanSteps = 4000;
    private const int MaxIterations = 100;

    /// <summary>Solves for the annual rate; the result says whether it exists and is unique.</summary>
    public static XirrResult Solve(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> amounts, double guess = 0.1)
    {
        if (dates.Length != amounts.Length)
        {
            throw new ArgumentException("One amount per date is required.", nameof(amounts));
        }

        var (years, flows) = Normalise(dates, amounts);
        var signChanges = CountSignChanges(flows);
        if (signChanges == 0)
        {
            return new XirrResult(XirrStatus.NoSignChange, double.NaN, []);
        }

        if (signChanges == 1 && guess > -1.0 && TryNewton(years, flows, Math.Log(1.0 + guess), out var x))
        {
            var rate = Math.Exp(x) - 1.0;
            return new XirrResult(XirrStatus.Solved, rate, [rate]);
        }

        var roots = ScanRoots(years, flows);
        return roots.Count switch
        {
            0 => new XirrResult(XirrStatus.NoRoot, double.NaN, roots),
            1 => new XirrResult(XirrStatus.Solved, roots[0], roots),
            _ => new XirrResult(XirrStatus.MultipleRoots, double.NaN, roots),
        };
    }

    /// <summary>Net present value at annual rate <paramref name="rate"/>, actual/365 from the earliest date.</summary>
    public static double NetPresentValue(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> amounts, double rate)
    {
        var (years, flows) = Normalise(dates, amounts);
        var sum = 0.0;
        for (var i = 0; i < flows.Length; i++)
        {
            sum += flows[i] * Math.Pow(1.0 + rate, -years[i]);
        }

        return sum;
    }

    // Flows sorted by date, same-day flows netted, times in years of 365 days.
    private static (double[] Years, double[] Flows) Normalise(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> amounts)
    {
        var byDay = new SortedDictionary<int, double>();
        for (var i = 0; i < dates.Length; i++)
        {
            var day = dates[i].DayNumber;
            byDay[day] = byDay.GetValueOrDefault(day) + amounts[i];
        }

        var first = byDay.Count == 0 ? 0 : byDay.Keys.First();
        var years = byDay.Keys.Select(d => (d - first) / 365.0).ToArray();
        return (years, byDay.Values.ToArray());
    }

    private static int CountSignChanges(double[] flows)
    {
        var changes = 0;
        var last = 0;
        foreach (var a in flows)
        {
            var sign = Math.Sign(a);
            if (sign == 0)
            {
                continue;
            }

            if (last != 0 && sign != last)
            {
                changes++;
            }

            last = sign;
        }

        return changes;
    }

    // NPV and its x-derivative, both scaled by one positive factor (keeps exp in range; roots unchanged).
    private static (double Value, double Slope) Scaled(double[] years, double[] flows, double x)
    {
        var shift = Math.Max(-years[0] * x, -years[^1] * x);
        double value = 0, slope = 0;
        for (var i = 0; i < flows.Length; i++)
        {
            var term = flows[i] * Math.Exp(-years[i] * x - shift);
            value += term;
            slope -= years[i] * term;
        }

        return (value, slope);
    }

    private static bool TryNewton(double[] years, double[] flows, double x0, out double x)
    {
        x = x0;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (value, slope) = Scaled(years, flows, x);
            if (slope == 0.0 || !double.IsFinite(value))
            {
                return false;
            }

            var step = value / slope;
            x -= step;
            if (!double.IsFinite(x) || x < ScanMin || x > ScanMax)
            {
                return false;
            }

            if (Math.Abs(step) <= 1e-14 * (1.0 + Math.Abs(x)))
            {
                return true;
            }
        }

        return false;
    }

    private static List<double> ScanRoots(double[] years, double[] flows)
    {
        var roots = new List<double>();
        var h = (ScanMax - ScanMin) / ScanSteps;
        var lo = ScanMin;
        var fLo = Scaled(years, flows, lo).Value;
        for (var k = 1; k <= ScanSteps; k++)
        {
            var hi = ScanMin + k * h;
            var fHi = Scaled(years, flows, hi).Value;
            if (fLo == 0.0)
            {
                roots.Add(Math.Exp(lo) - 1.0);
            }
            else if (fLo * fHi < 0.0)
            {
                roots.Add(Math.Exp(Refine(years, flows, lo, hi, fLo)) - 1.0);
            }

            lo = hi;
            fLo = fHi;
        }

        return roots;
    }

    // Newton kept inside a shrinking sign-change bracket (Numerical Recipes' rtsafe).
    private static double Refine(double[] years, double[] flows, double lo, double hi, double fLo)
    {
        var x = 0.5 * (lo + hi);
        for (var i = 0; i < MaxIterations && hi - lo > 1e-15 * (1.0 + Math.Abs(x)); i++)
        {
            var (value, slope) = Scaled(years, flows, x);
            if (value == 0.0)
            {
                return x;
            }

            if (Math.Sign(value) == Math.Sign(fLo))
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var newton = slope != 0.0 ? x - value / slope : double.NaN;
            if (Math.Abs(newton - x) <= 1e-15 * (1.0 + Math.Abs(x)))
            {
                return newton;
            }

            x = newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
        }

        return x;
    }
}
