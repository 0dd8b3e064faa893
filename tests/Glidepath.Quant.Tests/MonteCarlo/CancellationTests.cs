using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class CancellationTests
{
    [Fact]
    public void Run_CancelledAtFirstProgressReport_StopsWithoutFurtherReports()
    {
        using var cancel = new CancellationTokenSource();
        var reports = new List<double>();
        var progress = new SynchronousProgress(fraction =>
        {
            reports.Add(fraction);
            cancel.Cancel();
        });
        var input = Scenarios.Benchmark(64 * MonteCarloSimulator.BlockSize, 11);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            MonteCarloSimulator.Run(input, new SimulationOptions { CancellationToken = cancel.Token, Progress = progress }));

        // Progress is reported as blocks finish (64 blocks here); blocks still running when the cancel
        // arrives finish without reporting, and no new block starts.
        var report = Assert.Single(reports);
        Assert.InRange(report, 0.0, 0.5);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
