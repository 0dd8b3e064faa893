using Glidepath.Quant.Anomalies;

namespace Glidepath.Quant.Tests.Anomalies;

/// <summary>
/// The rolling median/MAD detector against values computed by hand (the arithmetic is written out
/// beside each case; 1.4826 and √(π/2) as in docs/anomalies.md), and on injected spikes.
/// </summary>
public class RollingMadTests
{
    [Fact]
    public void Score_SpikeAfterTenPoints_IsDistanceOverScaledMad()
    {
        // Past 10: sorted 10 10 11 11 11 12 12 12 13 13, median 11.5; |x − 11.5| = six 0.5s and four
        // 1.5s, MAD = 0.5, σ̂ = 0.7413; z = (30 − 11.5) / 0.7413 = 24.956158.
        double[] series = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 30];
        var result = RollingMad.Score(series, new RollingMadOptions(Window: 10, MinimumHistory: 10, LevelWindow: 1));

        Assert.Equal(24.956158100634, result.Scores[10], 9);
        Assert.True(result.Flags[10]);
        Assert.Equal([10], result.FlaggedIndices());
        Assert.All(result.Scores[..10], s => Assert.Equal(0, s)); // too little history: not scored
    }

    [Fact]
    public void Score_WindowWithZeroMad_UsesMeanAbsoluteDeviation()
    {
        // Past 5: 5 5 5 5 7, median 5, MAD 0; mean |x − 5| = 0.4, σ̂ = 0.4 × 1.2533141 = 0.5013257;
        // z(6) = 1 / 0.5013257 = 1.994711.
        double[] series = [5, 5, 5, 5, 7, 6];
        var result = RollingMad.Score(series, new RollingMadOptions(Window: 5, MinimumHistory: 5, LevelWindow: 1));

        Assert.Equal(1.994711402007, result.Scores[5], 9);
        Assert.False(result.Flags[5]);
    }

    [Fact]
    public void Score_ConstantWindow_ScoresEqualPointZeroAndOtherInfinity()
    {
        double[] series = [4, 4, 4, 4, 4, 4, 4.5];
        var result = RollingMad.Score(series, new RollingMadOptions(Window: 5, MinimumHistory: 5, LevelWindow: 1));

        Assert.Equal(0, result.Scores[5]);
        Assert.Equal(double.PositiveInfinity, result.Scores[6]);
        Assert.True(result.Flags[6]);
    }

    [Fact]
    public void Score_ShiftBelowPointThreshold_IsFoundByTheLevelScore()
    {
        // Base 0 1 0 −1 0 1 0 −1 0 1: median 0, |x| = five 0s and five 1s, MAD 0.5, σ̂ = 0.7413.
        // Point z of 3 = 3 / 0.7413 = 4.046945 (< 5: a point score misses it).
        // Level (k = 3): median(3, 3.2, 2.9) = 3 over σ̂ × 1.2533141 / √3 = 0.536409: z = 5.592783 (> 5),
        // given to all three points (each at least half the shift above the median).
        double[] series = [0, 1, 0, -1, 0, 1, 0, -1, 0, 1, 3, 3.2, 2.9];
        var pointOnly = RollingMad.Score(series, new RollingMadOptions(Window: 10, MinimumHistory: 10, LevelWindow: 1));
        var withLevel = RollingMad.Score(series, new RollingMadOptions(Window: 10, MinimumHistory: 10, LevelWindow: 3));

        Assert.Equal(4.046944556860, pointOnly.Scores[10], 9);
        Assert.Empty(pointOnly.FlaggedIndices());
        Assert.Equal([10, 11, 12], withLevel.FlaggedIndices());
        Assert.All(withLevel.Scores[10..], s => Assert.Equal(5.592782670519, s, 9));
    }

    [Fact]
    public void Score_InjectedSpikesInNoisySeries_AreAllFlagged()
    {
        var random = new Random(3);
        // A slow weekly-like wave under noise (sum of three uniforms, σ = 1.5): ordinary points stay within 5 σ̂.
        var clean = Enumerable.Range(0, 400).Select(t => 100 + Math.Sin(t / 15.0) + (3 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5))).ToArray();
        var truth = AnomalyInjection.Inject(clean, seed: 5, spikes: 4, levelShifts: 0);
        var result = RollingMad.Score(truth.Values);

        var score = DetectionScore.Evaluate(result.Flags, truth);
        Assert.Equal(4, score.TruePositives);
        Assert.Equal(1.0, score.Recall);
        Assert.True(score.Precision >= 0.8, $"precision {score.Precision}");
    }

    [Fact]
    public void RobustStatistics_MedianMadQuantile_MatchHandValues()
    {
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6];
        Assert.Equal(3.5, RobustStatistics.Median(x)); // 1 1 2 3 | 4 5 6 9
        Assert.Equal(2.0, RobustStatistics.Mad(x)); // |x − 3.5|: 0.5 0.5 1.5 2.5 2.5 2.5 2.5 5.5 → (2.5 + 1.5) / 2
        Assert.Equal(6.9, RobustStatistics.Quantile(x, 0.9), 12); // h = 6.3: 6 + 0.3 × (9 − 6), as R's quantile(type = 7)
        Assert.Equal(1.0, RobustStatistics.Quantile(x, 0.0));
        Assert.Equal(9.0, RobustStatistics.Quantile(x, 1.0));
    }
}
