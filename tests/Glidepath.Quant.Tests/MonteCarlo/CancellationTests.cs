using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class CancellationTests
{
    [Fact]
    public void Run_CancelledAtFirstProgressReport_StopsBeforeTheNextSegment()
    {
        using var cancel = new CancellationTokenSource();
        var reports = new List<double>();
        var progress = new SynchronousProgress(fraction =>
        {
            reports.Add(fraction);
            cancel.Cancel();
        });
        var input = Scenarios.Benchmark(2048, 11);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            MonteCarloSimulator.Run(input, new SimulationOptions { CancellationToken = cancel.Token, Progress = progress }));

        // The 60-year benchmark reports progress after every few years; it must stop after the first report.
        var report = Assert.Single(reports);
        Assert.InRange(report, 0.0, 0.5);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
