using Glidepath.Ml.Anomalies;
using Glidepath.Quant.Anomalies;

namespace Glidepath.Ml.Tests.Anomalies;

/// <summary>
/// The LSTM autoencoder on small series with a small network and few epochs (a second or two each):
/// it finds injected spikes, it is reproducible from its seed, and its threshold is the documented
/// multiple of the training scores' quantile.
/// </summary>
public class LstmAnomalyDetectorTests
{
    private static readonly LstmDetectorOptions Small = new(Window: 10, Hidden: 4, Epochs: 4, BatchSize: 64, BaselineWindow: 20);

    private static LabelledSeries SpikedSeries()
    {
        var random = new Random(3);
        var clean = Enumerable.Range(0, 300).Select(t => 50 + Math.Sin(t / 7.0) + (3 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5))).ToArray();
        return AnomalyInjection.Inject(clean, seed: 11, spikes: 3, levelShifts: 0, margin: 40);
    }

    [Fact]
    public void TrainAndScore_InjectedSpikes_AreFlagged()
    {
        var truth = SpikedSeries();

        var result = LstmAnomalyDetector.TrainAndScore(truth.Values, Small);

        var score = DetectionScore.Evaluate(result.Flags, truth);
        Assert.Equal(1.0, score.Recall);
        Assert.True(score.Precision >= 0.5, $"precision {score.Precision}, flagged {string.Join(",", result.FlaggedIndices())}");
        var spikes = truth.Anomalies.Select(a => a.Start).ToHashSet();
        var ordinary = Enumerable.Range(40, 260).Where(t => !spikes.Contains(t)).Max(t => result.Scores[t]);
        Assert.All(spikes, t => Assert.True(result.Scores[t] > ordinary, $"spike at {t} scores {result.Scores[t]}, an ordinary point {ordinary}"));
    }

    [Fact]
    public void TrainAndScore_SameSeed_SameScores_AndThresholdIsFactorTimesQuantile()
    {
        var truth = SpikedSeries();

        var a = LstmAnomalyDetector.TrainAndScore(truth.Values, Small);
        var b = LstmAnomalyDetector.TrainAndScore(truth.Values, Small);

        Assert.Equal(a.Scores, b.Scores);
        Assert.Equal(2 * RobustStatistics.Quantile(a.Scores, 0.95), a.Threshold, 12);
        Assert.Equal(a.Scores.Select(s => s > a.Threshold), a.Flags);
    }

    [Fact]
    public void TrainAndScore_TooShortSeries_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => LstmAnomalyDetector.TrainAndScore(new double[15], Small));
        Assert.Contains("at least 20 points", error.Message, StringComparison.Ordinal);
    }
}
