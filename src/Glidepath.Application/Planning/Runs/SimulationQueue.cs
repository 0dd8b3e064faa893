using System.Collections.Concurrent;
using System.Threading.Channels;
using Glidepath.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Application.Planning.Runs;

/// <summary>
/// The queue between the endpoints and <see cref="SimulationWorker"/>: run ids in arrival order,
/// bounded by <see cref="SimulationRunOptions.QueueCapacity"/>, and the runs executing in this
/// process (their live progress and cancellation). The database row is the source of truth; this
/// only carries what would be too chatty to write (progress between writes, the cancel signal).
/// </summary>
public sealed class SimulationQueue(IOptions<SimulationRunOptions> options)
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly ConcurrentDictionary<Guid, LiveRun> live = new();
    private int waiting;

    public int Capacity => options.Value.QueueCapacity;

    public SimulationRunOptions Options => options.Value;

    /// <summary>Serialises a user's quota check with the insert of the run, so two requests cannot both take the last slot.</summary>
    public SemaphoreSlim Admission { get; } = new(1, 1);

    public ChannelReader<Guid> Reader => channel.Reader;

    /// <summary>Takes a queue slot; false when the queue is full. Every true is followed by <see cref="Enqueue"/> or <see cref="Release"/>.</summary>
    public bool TryReserve()
    {
        while (true)
        {
            var now = Volatile.Read(ref waiting);
            if (now >= Capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref waiting, now + 1, now) == now)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back a reserved slot whose run was not stored.</summary>
    public void Release() => Interlocked.Decrement(ref waiting);

    /// <summary>Queues a stored run on a reserved slot.</summary>
    public void Enqueue(Guid runId)
    {
        if (!channel.Writer.TryWrite(runId))
        {
            throw new InvalidOperationException("The simulation queue is closed.");
        }
    }

    /// <summary>The worker took a run off the queue: its slot is free.</summary>
    public void Dequeued() => Interlocked.Decrement(ref waiting);

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

        public void Cancel()
        {
            CancelledByUser = true;
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
