namespace Glidepath.Quant.Anomalies;

/// <summary>The kinds of anomaly the evaluation injects (docs/anomalies.md, "Evaluation").</summary>
public enum AnomalyKind
{
    /// <summary>One point moved by 6–10 robust standard deviations, up or down at random.</summary>
    Spike,

    /// <summary>5–10 consecutive points moved by 3–5 robust standard deviations, in one direction.</summary>
    LevelShift,

    /// <summary>A day's largest transaction booked a second time (spending series only).</summary>
    DuplicatedCharge,
}

/// <summary>One injected anomaly: its kind and the points it covers.</summary>
public sealed record InjectedAnomaly(AnomalyKind Kind, int Start, int Length);

/// <summary>
/// A series with anomalies injected, and a label per point (true inside an injected anomaly); with the purchases of each
/// day when they were given (a duplicated charge is in its day's list twice).
/// </summary>
public sealed record LabelledSeries(double[] Values, bool[] Labels, IReadOnlyList<InjectedAnomaly> Anomalies, double[][]? Purchases = null);

/// <summary>
/// Injects anomalies into a series at random, non-overlapping places, from a seed. Sizes are in robust
/// standard deviations of the whole clean series (1.4826 · MAD), so the same settings mean the same
/// difficulty on returns and on spending. No anomaly starts in the first <c>margin</c> points (the
/// detectors need history) and any two are at least <c>gap</c> points apart.
/// </summary>
public static class AnomalyInjection
{
    public static LabelledSeries Inject(
        ReadOnlySpan<double> clean,
        int seed,
        int spikes,
        int levelShifts,
        IReadOnlyList<double[]>? transactionsPerDay = null,
        int duplicatedCharges = 0,
        int margin = 60,
        int gap = 30)
    {
        if (duplicatedCharges > 0 && (transactionsPerDay is null || transactionsPerDay.Count != clean.Length))
        {
            throw new ArgumentException("Duplicated charges need the transactions of every day.", nameof(transactionsPerDay));
        }

        var random = new Random(seed);
        var sigma = RobustStatistics.MadToSigma * RobustStatistics.Mad(clean);
        var values = clean.ToArray();
        var labels = new bool[values.Length];
        var taken = new List<(int Start, int End)>();
        var anomalies = new List<InjectedAnomaly>();

        int Place(int length, Func<int, bool>? eligible = null)
        {
            for (var attempt = 0; attempt < 10_000; attempt++)
            {
                var start = random.Next(margin, values.Length - length);
                var end = start + length;
                if ((eligible is null || eligible(start)) && taken.TrueForAll(t => end + gap <= t.Start || start >= t.End + gap))
                {
                    taken.Add((start, end));
                    return start;
                }
            }

            throw new ArgumentException("The series is too short for this many anomalies.", nameof(clean));
        }

        for (var i = 0; i < spikes; i++)
        {
            var at = Place(1);
            var size = (6 + (4 * random.NextDouble())) * sigma * (random.Next(2) == 0 ? -1 : 1);
            values[at] += size;
            labels[at] = true;
            anomalies.Add(new InjectedAnomaly(AnomalyKind.Spike, at, 1));
        }

        for (var i = 0; i < levelShifts; i++)
        {
            var length = random.Next(5, 11);
            var at = Place(length);
            var size = (3 + (2 * random.NextDouble())) * sigma * (random.Next(2) == 0 ? -1 : 1);
            for (var t = at; t < at + length; t++)
            {
                values[t] += size;
                labels[t] = true;
            }

            anomalies.Add(new InjectedAnomaly(AnomalyKind.LevelShift, at, length));
        }

        var purchases = transactionsPerDay?.Select(day => day.ToArray()).ToArray();
        for (var i = 0; i < duplicatedCharges; i++)
        {
            var at = Place(1, t => purchases![t].Length > 0);
            var largest = purchases![at].Max();
            values[at] += largest;
            purchases[at] = [.. purchases[at], largest];
            labels[at] = true;
            anomalies.Add(new InjectedAnomaly(AnomalyKind.DuplicatedCharge, at, 1));
        }

        anomalies.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new LabelledSeries(values, labels, anomalies, purchases);
    }
}
