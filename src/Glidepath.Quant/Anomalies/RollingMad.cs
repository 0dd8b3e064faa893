namespace Glidepath.Quant.Anomalies;

/// <summary>
/// The robust baseline detector (docs/anomalies.md, "Baseline"). Two scores per point, each in robust
/// standard deviations σ̂ = 1.4826 · MAD of a trailing window of <see cref="RollingMadOptions.Window"/>
/// points (a day is judged by its past only, as an alert job sees it):
/// <list type="bullet">
/// <item>point: zₜ = |xₜ − m| / σ̂, m and σ̂ over the W points before t (Iglewicz and Hoaglin's modified
/// z-score); it finds spikes;</item>
/// <item>level: the median of the last <see cref="RollingMadOptions.LevelWindow"/> = k points (t−k+1…t)
/// against m and σ̂ of the W points before them, divided by the median's standard error 1.2533 σ̂ / √k
/// (asymptotic, normal data); it finds level shifts a point score misses. When it exceeds the threshold,
/// every point of those k that lies on the shift's side of m by at least half the shift gets it too.</item>
/// </list>
/// A point's score is the larger of the two; it is flagged when the score exceeds
/// <see cref="RollingMadOptions.Threshold"/>. Points with fewer than <see cref="RollingMadOptions.MinimumHistory"/>
/// earlier points are not scored (score 0). When a window's MAD is 0 (more than half its values equal),
/// the mean absolute deviation from the median times √(π/2) ≈ 1.2533 stands in (normal-consistent);
/// when that is 0 too, a point equal to the median scores 0 and any other point scores +∞.
/// </summary>
public static class RollingMad
{
    /// <summary>√(π/2): the mean absolute deviation times this estimates σ of normal data.</summary>
    public const double MeanAdToSigma = 1.2533141373155003;

    /// <summary>√(π/2): the asymptotic standard error of the median of k normal values is this × σ / √k.</summary>
    public const double MedianStandardError = 1.2533141373155003;

    public static AnomalyScores Score(ReadOnlySpan<double> series, RollingMadOptions? options = null)
    {
        var o = options ?? new RollingMadOptions();
        o.Validate();
        var scores = new double[series.Length];
        for (var t = o.MinimumHistory; t < series.Length; t++)
        {
            var (median, scale) = Baseline(series[Math.Max(0, t - o.Window)..t]);
            scores[t] = Math.Max(scores[t], Z(series[t] - median, scale));
        }

        var k = o.LevelWindow;
        if (k > 1)
        {
            var recent = new double[k];
            for (var t = o.MinimumHistory + k - 1; t < series.Length; t++)
            {
                var first = t - k + 1;
                var (median, scale) = Baseline(series[Math.Max(0, first - o.Window)..first]);
                series[first..(t + 1)].CopyTo(recent);
                var shift = RobustStatistics.Median(recent) - median;
                var level = Z(shift, scale * MedianStandardError / Math.Sqrt(k));
                if (level <= o.Threshold)
                {
                    continue;
                }

                for (var i = first; i <= t; i++)
                {
                    var d = series[i] - median;
                    if (Math.Sign(d) == Math.Sign(shift) && Math.Abs(d) >= Math.Abs(shift) / 2)
                    {
                        scores[i] = Math.Max(scores[i], level);
                    }
                }
            }
        }

        var flags = scores.Select(z => z > o.Threshold).ToArray();
        return new AnomalyScores(scores, flags, o.Threshold);
    }

    /// <summary>
    /// The signed point score (xₜ − m) / σ̂ of every point against its trailing window (0 before
    /// <paramref name="minimumHistory"/> points; ±<paramref name="clip"/> where σ̂ is 0 or the score is larger):
    /// the series in units of its own recent spread, the LSTM detector's input.
    /// </summary>
    public static double[] LocalZ(ReadOnlySpan<double> series, int window, int minimumHistory, double clip)
    {
        var z = new double[series.Length];
        for (var t = minimumHistory; t < series.Length; t++)
        {
            var (median, scale) = Baseline(series[Math.Max(0, t - window)..t]);
            var d = series[t] - median;
            z[t] = d == 0 ? 0 : scale == 0 ? Math.Sign(d) * clip : Math.Clamp(d / scale, -clip, clip);
        }

        return z;
    }

    private static (double Median, double Scale) Baseline(ReadOnlySpan<double> past)
    {
        var median = RobustStatistics.Median(past);
        var scale = RobustStatistics.MadToSigma * RobustStatistics.Mad(past);
        if (scale == 0)
        {
            var sum = 0.0;
            foreach (var v in past)
            {
                sum += Math.Abs(v - median);
            }

            scale = MeanAdToSigma * sum / past.Length;
        }

        return (median, scale);
    }

    private static double Z(double deviation, double scale) =>
        deviation == 0 ? 0 : scale == 0 ? double.PositiveInfinity : Math.Abs(deviation) / scale;
}

/// <summary>
/// Settings of <see cref="RollingMad"/>. Defaults: a 60-point trailing window (about three months of
/// trading days, two of calendar days), a 7-point level window, at least 10 earlier points, and a
/// threshold of 5.5 robust standard deviations. Iglewicz and Hoaglin's 3.5 flags many genuine days of
/// fat-tailed daily returns; the defaults were chosen on evaluation seeds 1–5 and reported on seeds 6–10
/// (bench/README.md "Anomaly detection"). LevelWindow 1 turns the level score off.
/// </summary>
public sealed record RollingMadOptions(int Window = 60, double Threshold = 5.5, int MinimumHistory = 10, int LevelWindow = 7)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumHistory, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinimumHistory, Window);
        ArgumentOutOfRangeException.ThrowIfLessThan(LevelWindow, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LevelWindow, Window);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Threshold);
    }
}

/// <summary>A detector's output: one score per point, the points above the threshold, and the threshold.</summary>
public sealed record AnomalyScores(double[] Scores, bool[] Flags, double Threshold)
{
    public IEnumerable<int> FlaggedIndices() => Enumerable.Range(0, Flags.Length).Where(i => Flags[i]);
}
