using Glidepath.Ml.Native;
using Glidepath.Quant.Anomalies;
using TorchSharp;
using static TorchSharp.torch;

namespace Glidepath.Ml.Anomalies;

/// <summary>
/// Anomaly detection by an LSTM autoencoder (docs/anomalies.md, "The model"). Each point is first put in
/// units of its own recent spread: (xₜ − m) / (1.4826 · MAD) over the <see cref="LstmDetectorOptions.BaselineWindow"/>
/// points before it (<see cref="RollingMad.LocalZ"/>, clipped to ±10), so calm and turbulent years look alike.
/// That series is cut into every window of <see cref="LstmDetectorOptions.Window"/> consecutive points;
/// the autoencoder is trained on every <see cref="LstmDetectorOptions.TrainStride"/>-th window with Adam
/// on the mean squared reconstruction error, seeded (torch.manual_seed and the shuffle) so that a run is
/// reproducible on the same machine. A point's score is the root mean square of its reconstruction
/// errors over all the windows that contain it. The threshold is
/// <see cref="LstmDetectorOptions.ThresholdFactor"/> × the <see cref="LstmDetectorOptions.ThresholdQuantile"/>-quantile
/// (type 7) of the training scores: 2 × the 0.95-quantile by default, so up to 5 % of the points may be
/// anomalous without moving the threshold into them.
/// </summary>
public static class LstmAnomalyDetector
{
    /// <summary>Trains on <paramref name="series"/> and scores every point of it.</summary>
    public static AnomalyScores TrainAndScore(ReadOnlySpan<double> series, LstmDetectorOptions? options = null)
    {
        var o = options ?? new LstmDetectorOptions();
        o.Validate(series.Length);
        var standardised = Standardise(series, o);
        TorchNative.EnsureLoaded();
        using var scope = NewDisposeScope();
        torch.set_num_threads(o.Threads);
        torch.random.manual_seed(o.Seed);
        var windows = Windows(standardised, o.Window);
        using var model = new LstmAutoencoder(o.Hidden);
        Train(model, windows, o);
        var scores = Score(model, windows, series.Length, o.Window);
        var threshold = o.ThresholdFactor * RobustStatistics.Quantile(scores, o.ThresholdQuantile);
        var flags = scores.Select(s => s > threshold).ToArray();
        return new AnomalyScores(scores, flags, threshold);
    }

    /// <summary>Each point against its trailing BaselineWindow points (RollingMad.LocalZ), clipped to ±10, as float.</summary>
    private static float[] Standardise(ReadOnlySpan<double> series, LstmDetectorOptions o) =>
        [.. RollingMad.LocalZ(series, o.BaselineWindow, minimumHistory: 10, clip: 10).Select(v => (float)v)];

    /// <summary>All windows, stride 1: [n − W + 1, W, 1].</summary>
    private static Tensor Windows(float[] z, int window)
    {
        var count = z.Length - window + 1;
        var data = new float[count * window];
        for (var i = 0; i < count; i++)
        {
            Array.Copy(z, i, data, i * window, window);
        }

        return tensor(data, [count, window, 1]);
    }

    private static void Train(LstmAutoencoder model, Tensor windows, LstmDetectorOptions o)
    {
        model.train();
        using var optimizer = optim.Adam(model.parameters(), o.LearningRate);
        using var loss = nn.MSELoss();
        // Every TrainStride-th window: neighbouring windows overlap in all but one point.
        var order = Enumerable.Range(0, (int)windows.shape[0]).Where(i => i % o.TrainStride == 0).ToArray();
        var count = order.Length;
        var shuffle = new Random(o.Seed);
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            for (var start = 0; start < count; start += o.BatchSize)
            {
                using var step = NewDisposeScope();
                var index = tensor(order.AsSpan(start, Math.Min(o.BatchSize, count - start)).ToArray().Select(i => (long)i).ToArray());
                var batch = windows.index_select(0, index);
                optimizer.zero_grad();
                var error = loss.call(model.call(batch), batch);
                error.backward();
                optimizer.step();
            }
        }
    }

    private static double[] Score(LstmAutoencoder model, Tensor windows, int length, int window)
    {
        model.eval();
        using var noGrad = no_grad();
        var sum = new double[length];
        var count = new int[length];
        var total = (int)windows.shape[0];
        const int Chunk = 1024;
        for (var start = 0; start < total; start += Chunk)
        {
            using var step = NewDisposeScope();
            var batch = windows.narrow(0, start, Math.Min(Chunk, total - start));
            var squared = (model.call(batch) - batch).square().reshape(batch.shape[0], window);
            var values = squared.data<float>().ToArray();
            for (var b = 0; b < batch.shape[0]; b++)
            {
                for (var k = 0; k < window; k++)
                {
                    var t = start + b + k;
                    sum[t] += values[(b * window) + k];
                    count[t]++;
                }
            }
        }

        var scores = new double[length];
        for (var t = 0; t < length; t++)
        {
            scores[t] = Math.Sqrt(sum[t] / count[t]);
        }

        return scores;
    }
}

/// <summary>
/// Settings of <see cref="LstmAnomalyDetector"/>; the defaults are the ones bench/README.md
/// "Anomaly detection" measured: windows of 20 points, 8 hidden units, 10 epochs over every second
/// window in batches of 256, Adam at 0.01, a 60-point baseline (as the MAD baseline's window), threshold 2 × the 0.95-quantile of the
/// training scores, one intra-op thread (the network is small: more threads only add synchronisation, and one
/// thread keeps the order of the sums fixed from run to run), seed 17.
/// </summary>
public sealed record LstmDetectorOptions(
    int Window = 20,
    int Hidden = 8,
    int Epochs = 10,
    int BatchSize = 256,
    double LearningRate = 0.01,
    double ThresholdQuantile = 0.95,
    double ThresholdFactor = 2.0,
    int BaselineWindow = 60,
    int TrainStride = 2,
    int Threads = 1,
    int Seed = 17)
{
    internal void Validate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TrainStride);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaselineWindow, 10);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ThresholdFactor);
        ArgumentOutOfRangeException.ThrowIfLessThan(ThresholdQuantile, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ThresholdQuantile, 1.0);
        if (length < 2 * Window)
        {
            throw new ArgumentException($"The LSTM detector needs at least {2 * Window} points (two windows of {Window}); the series has {length}.");
        }
    }
}
