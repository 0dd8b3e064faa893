namespace Glidepath.Quant.Anomalies;

/// <summary>
/// A seeded synthetic household's daily discretionary card spending, for the anomaly evaluation
/// (docs/anomalies.md, "Evaluation"); labelled by construction, never presented as real data. Each
/// day has a Poisson number of purchases with a mean by weekday (Monday–Thursday 1.8, Friday 2.6,
/// Saturday 3.2, Sunday 1.4), each purchase log-normal with median 22 and log-σ 0.7, in currency units,
/// rounded to cents; a slow seasonal factor 1 + 0.25·sin(2π·(day of year − 300)/365) makes December
/// the dearest month. Fixed bills (rent, utilities) are not discretionary spending and are not in it.
/// </summary>
public static class SyntheticSpending
{
    private static readonly double[] PurchasesPerDay = [1.4, 1.8, 1.8, 1.8, 1.8, 2.6, 3.2]; // Sunday first, as DayOfWeek

    /// <summary>The purchases of each day from <paramref name="start"/> for <paramref name="days"/> days.</summary>
    public static SpendingSeries Generate(DateOnly start, int days, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var random = new Random(seed);
        var dates = new DateOnly[days];
        var purchases = new double[days][];
        var totals = new double[days];
        for (var d = 0; d < days; d++)
        {
            var date = start.AddDays(d);
            var season = 1 + (0.25 * Math.Sin(2 * Math.PI * (date.DayOfYear - 300) / 365.0));
            var count = Poisson(random, PurchasesPerDay[(int)date.DayOfWeek] * season);
            var amounts = new double[count];
            for (var i = 0; i < count; i++)
            {
                amounts[i] = Math.Round(Math.Exp(Math.Log(22) + (0.7 * StandardNormal(random))), 2, MidpointRounding.ToEven);
            }

            dates[d] = date;
            purchases[d] = amounts;
            totals[d] = amounts.Sum();
        }

        return new SpendingSeries(dates, totals, purchases);
    }

    private static int Poisson(Random random, double mean)
    {
        // Knuth's multiplication method: fine for the small means here.
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>Daily totals and the purchases behind them.</summary>
public sealed record SpendingSeries(DateOnly[] Dates, double[] Totals, double[][] Purchases);
