using System.Collections.Concurrent;
using Glidepath.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Application.Planning.Runs;

/// <summary>
/// This instance's side of the database queue (<see cref="RunLeases"/>): its name as a lease owner,
/// the wake-up signal for runs queued here (other instances find them by polling), and the runs
/// executing here (their live progress and cancellation). The run rows are the queue; this only
/// carries what would be too chatty to write (progress between heartbeats, the cancel signal).
/// </summary>
public sealed class SimulationQueue(IOptions<SimulationRunOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, LiveRun> live = new();
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>This instance as a lease owner: unique per process, readable in the table.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public SimulationRunOptions Options => options.Value;

    /// <summary>Serialises this instance's quota and capacity checks with the insert of the run, so two of its requests cannot both take the last slot.</summary>
    public SemaphoreSlim Admission { get; } = new(1, 1);

    /// <summary>A run was stored here: wake a worker of this instance now rather than at its next poll.</summary>
    public void Signal() => wake.Release();

    /// <summary>Waits for <see cref="Signal"/> or <paramref name="poll"/>, whichever comes first.</summary>
    public async Task WaitForWorkAsync(TimeSpan poll, CancellationToken ct) => await wake.WaitAsync(poll, ct);

    public void Dispose()
    {
        wake.Dispose();
        Admission.Dispose();
    }

    public LiveRun Start(Guid runId, CancellationToken stopping)
    {
        var run = new LiveRun(CancellationTokenSource.CreateLinkedTokenSource(stopping));
        live[runId] = run;
        return run;
    }

    public void Finish(Guid runId)
    {
        if (live.TryRemove(runId, out var run))
        {
            run.Dispose();
        }
    }

    /// <summary>Progress of a run executing in this process, fresher than the stored one.</summary>
    public double? LiveProgress(Guid runId) => live.TryGetValue(runId, out var run) ? run.Progress : null;

    /// <summary>Signals a run executing in this process to stop; another instance sees the stored flag.</summary>
    public void Cancel(Guid runId)
    {
        if (live.TryGetValue(runId, out var run))
        {
            run.Cancel();
        }
    }

    /// <summary>Ids of the queued and running runs among <paramref name="runs"/> (read before they are deleted).</summary>
    public static Task<List<Guid>> UnfinishedRunIdsAsync(IQueryable<SimulationRun> runs, CancellationToken ct) =>
        runs.Where(r => r.Status == SimulationRunStatus.Queued || r.Status == SimulationRunStatus.Running).Select(r => r.Id).ToListAsync(ct);

    /// <summary>
    /// Stops runs whose rows were just deleted (with their plan or household): one running here stops
    /// at once; one queued finds no row to claim; one running on another instance stops at its next
    /// progress write, when it reads that its row is gone.
    /// </summary>
    public void CancelDeleted(IEnumerable<Guid> runIds)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        foreach (var id in runIds)
        {
            Cancel(id);
        }
    }

    public sealed class LiveRun(CancellationTokenSource cancellation) : IProgress<double>, IDisposable
    {
        private double progress;

        public CancellationToken Token => cancellation.Token;

        public bool CancelledByUser { get; private set; }

        public double Progress => Volatile.Read(ref progress);

        public void Report(double value)
        {
            // Blocks finish out of order; keep the highest value so the bar never moves back.
            double seen;
            do
            {
                seen = Volatile.Read(ref progress);
                if (value <= seen)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref progress, value, seen) != seen);
        }

        /// <summary>A user cancelled it (here or on another instance).</summary>
        public void Cancel()
        {
            CancelledByUser = true;
            Stop();
        }

        /// <summary>This instance no longer holds the run (lease lost, row deleted): stop without writing.</summary>
        public void Abandon() => Stop();

        private void Stop()
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished meanwhile.
            }
        }

        public void Dispose() => cancellation.Dispose();
    }
}
