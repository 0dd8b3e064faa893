using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Glidepath.Infrastructure.Observability;

/// <summary>
/// The domain's own meter and activity source, <c>Glidepath</c> (docs/operations.md, "Metrics"). Static,
/// as .NET's own libraries do: the server's OpenTelemetry pipeline subscribes by name, and a process
/// without one (the CLI, the tests) pays only for instruments nobody listens to.
/// </summary>
public static class GlidepathMetrics
{
    public const string Name = "Glidepath";

    private static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Counter<long> Simulations = Meter.CreateCounter<long>(
        "glidepath.simulation.runs", "{run}", "Simulation runs finished, by outcome (succeeded, failed, cancelled).");

    private static readonly Counter<long> SimulatedPaths = Meter.CreateCounter<long>(
        "glidepath.simulation.paths", "{path}", "Monte Carlo paths simulated by finished runs; its rate is paths per second.");

    private static readonly Histogram<double> SimulationDuration = Meter.CreateHistogram<double>(
        "glidepath.simulation.duration", "s", "Wall time of finished simulation runs.");

    private static readonly Counter<long> Imports = Meter.CreateCounter<long>(
        "glidepath.import.files", "{file}", "Import files processed, by kind (transactions, prices) and outcome (imported, rejected, partial).");

    private static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>(
        "glidepath.import.rows", "{row}", "Rows imported, by kind.");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "glidepath.job.runs", "{run}", "Scheduled job runs finished on this node, by job and outcome (succeeded, failed).");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "glidepath.job.duration", "s", "Wall time of job runs, by job.");

    private static readonly Counter<long> ProviderErrors = Meter.CreateCounter<long>(
        "glidepath.market_data.errors", "{error}", "Market-data provider calls that failed, by provider.");

    private static long queuedRuns;
    private static long runningRuns;

    static GlidepathMetrics()
    {
        Meter.CreateObservableGauge("glidepath.simulation.queue.depth", () => Interlocked.Read(ref queuedRuns), "{run}",
            "Simulation runs waiting in the database queue (all instances), as this instance last counted them.");
        Meter.CreateObservableGauge("glidepath.simulation.running", () => Interlocked.Read(ref runningRuns), "{run}",
            "Simulation runs executing on this instance.");
    }

    public static void SimulationFinished(string outcome, int paths, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        Simulations.Add(1, tag);
        if (paths > 0)
        {
            SimulatedPaths.Add(paths, tag);
        }

        SimulationDuration.Record(duration.TotalSeconds, tag);
    }

    public static void QueueDepth(long queued) => Interlocked.Exchange(ref queuedRuns, queued);

    public static void RunStarted() => Interlocked.Increment(ref runningRuns);

    public static void RunEnded() => Interlocked.Decrement(ref runningRuns);

    public static void ImportFinished(string kind, string outcome, int rows)
    {
        Imports.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
        if (rows > 0)
        {
            ImportedRows.Add(rows, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public static void JobFinished(string job, string outcome, TimeSpan duration)
    {
        JobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));
        JobDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("job", job));
    }

    public static void ProviderFailed(string provider) => ProviderErrors.Add(1, new KeyValuePair<string, object?>("provider", provider.ToLowerInvariant()));
}
