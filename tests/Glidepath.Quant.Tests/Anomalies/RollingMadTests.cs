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
    public void RobustStatistics_HalfMads_MatchHandValues()
    {
        // m = 3.5: at or below 1 2 3 → |x − m| 2.5 1.5 0.5, median 1.5; at or above 4 10 20 → 0.5 6.5 16.5, median 6.5.
        Assert.Equal((1.5, 6.5), RobustStatistics.HalfMads([3, 1, 4, 10, 2, 20], 3.5));
        // m = 5 counts on both sides: below 1 3 5 → 4 2 0, median 2; above 5 9 20 → 0 4 15, median 4.
        Assert.Equal((2.0, 4.0), RobustStatistics.HalfMads([9, 1, 5, 20, 3], 5));
    }

    [Fact]
    public void Score_Asymmetric_ScalesEachSideByItsOwnHalfMad()
    {
        // Past 10 sorted: 6 7 8 9 10 11 12 14 16 20, m = 10.5. Below: 4.5 3.5 2.5 1.5 0.5, median 2.5, σ̂ = 3.7065.
        // Above: 0.5 1.5 3.5 5.5 9.5, median 3.5, σ̂ = 5.1891. Both: .5 .5 1.5 1.5 2.5 3.5 3.5 4.5 5.5 9.5, MAD 3, σ̂ = 4.4478.
        // 40: (40 − 10.5) / 5.1891 = 5.684994 two-sided, 29.5 / 4.4478 = 6.632492 one scale (flagged only there).
        // −5: 15.5 / 3.7065 = 4.181843 two-sided, 15.5 / 4.4478 = 3.484869 one scale.
        double[] past = [6, 9, 10, 14, 8, 20, 11, 12, 7, 16];
        var options = new RollingMadOptions(Window: 10, Threshold: 6, MinimumHistory: 10, LevelWindow: 1);

        var up = RollingMad.Score([.. past, 40], options with { Asymmetric = true });
        var upOneScale = RollingMad.Score([.. past, 40], options);
        var down = RollingMad.Score([.. past, -5], options with { Asymmetric = true });
        var downOneScale = RollingMad.Score([.. past, -5], options);

        Assert.Equal(5.684993544160, up.Scores[10], 9);
        Assert.False(up.Flags[10]);
        Assert.Equal(6.632492468187, upOneScale.Scores[10], 9);
        Assert.True(upOneScale.Flags[10]);
        Assert.Equal(4.181842708755, down.Scores[10], 9);
        Assert.Equal(3.484868923962, downOneScale.Scores[10], 9);
    }

    [Fact]
    public void Score_LevelThreshold_FlagsTheShiftAndReportsItInThePointThresholdsUnits()
    {
        // The shift of Score_ShiftBelowPointThreshold_IsFoundByTheLevelScore: level z = 5.592783. With one threshold of 6 it
        // is not flagged; with a level threshold of 5 it is, and its score is 5.592783 × 6 / 5 = 6.711339 (above 6 exactly
        // when the level statistic is above 5).
        double[] series = [0, 1, 0, -1, 0, 1, 0, -1, 0, 1, 3, 3.2, 2.9];
        var oneThreshold = RollingMad.Score(series, new RollingMadOptions(Window: 10, Threshold: 6, MinimumHistory: 10, LevelWindow: 3));
        var levelThreshold = RollingMad.Score(series, new RollingMadOptions(Window: 10, Threshold: 6, MinimumHistory: 10, LevelWindow: 3, LevelThreshold: 5));

        Assert.Empty(oneThreshold.FlaggedIndices());
        Assert.Equal([10, 11, 12], levelThreshold.FlaggedIndices());
        Assert.All(levelThreshold.Scores[10..], s => Assert.Equal(6.711339204623, s, 9));
        Assert.Equal(6, levelThreshold.Threshold);
    }

    [Fact]
    public void Score_LevelMean_IsTheWinsorizedMeanOverItsStandardError()
    {
        // Base as above: m = 0, σ̂ = 0.7413, limits ±4σ̂ = ±2.9652. k = 3: 3 → 2.9652, 3.2 → 2.9652, 2.9 stays; mean 2.943467;
        // standard error σ̂ / √3 = 0.427990: z = 6.877423 (the median's z is 5.592783: the mean is the more efficient).
        double[] series = [0, 1, 0, -1, 0, 1, 0, -1, 0, 1, 3, 3.2, 2.9];
        var result = RollingMad.Score(series, new RollingMadOptions(Window: 10, MinimumHistory: 10, LevelWindow: 3, LevelMean: true));

        Assert.Equal([10, 11, 12], result.FlaggedIndices());
        Assert.All(result.Scores[10..], s => Assert.Equal(6.877423198505, s, 9));
    }

    [Fact]
    public void Score_FillShiftGaps_FlagsADayNoisePulledBackInsideTheShift()
    {
        // 3, 1, 3.1 after the base: median 3, level z = 3 / (0.7413 × 1.2533141 / √3) = 5.592783 (> 5.5). 3 and 3.1 lie at
        // least half the shift (1.5) above m, 1 does not (its point z is 1 / 0.7413 = 1.349). Without filling only the two
        // are flagged; filled, the run from the first to the last is: 10, 11, 12.
        double[] series = [0, 1, 0, -1, 0, 1, 0, -1, 0, 1, 3, 1, 3.1];
        var options = new RollingMadOptions(Window: 10, MinimumHistory: 10, LevelWindow: 3);

        Assert.Equal([10, 12], RollingMad.Score(series, options).FlaggedIndices());
        var filled = RollingMad.Score(series, options with { FillShiftGaps = true });
        Assert.Equal([10, 11, 12], filled.FlaggedIndices());
        Assert.Equal(5.592782670519, filled.Scores[11], 9);
    }

    [Fact]
    public void Score_KindDefaults_CleanNoiseFlagsNothing_AShiftOfFourSigmaIsFlaggedOnItsDays()
    {
        // Noise: the sum of 12 uniforms − 6 (mean 0, σ 1, within ±6), 300 days. A shift of +4 σ on days 200–207: no day of it
        // stands out alone (point threshold 5.5 or 6.5), the mean of 5 or 7 of its days does (4 √5 = 8.9 standard errors).
        var random = new Random(11);
        var clean = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, 12).Sum(_ => random.NextDouble()) - 6).ToArray();
        var shifted = clean.Select((x, t) => t is >= 200 and <= 207 ? x + 4 : x).ToArray();
        Assert.True(clean[198] is > 1.4 and < 1.5, $"premise: day 198's noise is {clean[198]}");

        foreach (var options in new[] { RollingMadOptions.ForReturns, RollingMadOptions.ForSpending })
        {
            Assert.Empty(RollingMad.Score(clean, options).FlaggedIndices());
            var flagged = RollingMad.Score(shifted, options).FlaggedIndices().ToList();
            Assert.All(Enumerable.Range(200, 8), t => Assert.Contains(t, flagged));
            // A window of k days that straddles an end of the shift also takes in a neighbour that noise put at least half the
            // shift above m (here day 198, at 1.45 σ): flags outside the shift stay within k − 1 days of it.
            Assert.All(flagged, t => Assert.InRange(t, 200 - options.LevelWindow + 1, 207 + options.LevelWindow - 1));
        }
    }

    [Fact]
    public void KindDefaults_AreTheSettingsChosenOnSeedsOneToFive()
    {
        // docs/anomalies.md, "Defaults by kind" (bench/README.md, issue 17, 2026-12-07).
        Assert.Equal(new RollingMadOptions(60, 5.5, 10, 5, null, Asymmetric: false, FillShiftGaps: true, LevelMean: true), RollingMadOptions.ForReturns);
        Assert.Equal(new RollingMadOptions(60, 6.5, 10, 7, 5.5, Asymmetric: true, FillShiftGaps: false, LevelMean: true), RollingMadOptions.ForSpending);
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
