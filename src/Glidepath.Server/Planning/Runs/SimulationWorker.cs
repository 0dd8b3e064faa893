using Glidepath.Application.Planning;
using Glidepath.Application.Planning.Runs;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Planning.Runs;

/// <summary>
/// Runs queued simulations and solves in the background, <see cref="SimulationRunOptions.MaxConcurrency"/>
/// at a time, independent of the request that queued them. Every state change is a conditional
/// update on the run's row (queued → running → succeeded/failed/cancelled), so a cancel and a
/// finish cannot both win, and a run whose row was deleted writes nothing. At start, before the
/// host serves requests, it recovers what the last process left: runs still <c>Running</c> died
/// with it and are marked failed; runs still <c>Queued</c> are queued again.
/// </summary>
public sealed partial class SimulationWorker(
    SimulationQueue queue,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ReturnSeriesLoader series,
    SimulationGate gate,
    IRunProgressNotifier notifier,
    IOptions<SimulationRunOptions> options,
    ILogger<SimulationWorker> log) : BackgroundService
{
    public const string RestartError = "The server stopped while this run was running; start a new run.";
    public const string ShutdownError = "The server shut down while this run was running; start a new run.";

    /// <summary>
    /// Recovers before the host finishes starting, so no request sees a run the last process left
    /// as running (recovery used to run in the background and raced the first requests).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrency)).Select(_ => ConsumeAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var now = clock.GetUtcNow();
        var failed = await db.SimulationRuns.Where(r => r.Status == SimulationRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SimulationRunStatus.Failed).SetProperty(r => r.Error, RestartError).SetProperty(r => r.FinishedUtc, now), ct);
        var queued = await db.SimulationRuns.AsNoTracking().Where(r => r.Status == SimulationRunStatus.Queued).Select(r => new { r.Id, r.CreatedUtc }).ToListAsync(ct);
        foreach (var run in queued.OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id))
        {
            // Past the queue's capacity the rest stay queued in the database until the next start
            // rather than being refused; cancelling them still works.
            if (!queue.TryReserve())
            {
                break;
            }

            queue.Enqueue(run.Id);
        }

        if (failed > 0 || queued.Count > 0)
        {
            LogRecovered(failed, queued.Count);
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var runId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                queue.Dequeued();
                try
                {
                    await RunAsync(runId, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogRunCrashed(e, runId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued stays queued in the database for the next start.
        }
    }

    private async Task RunAsync(Guid runId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var started = clock.GetUtcNow();
        var claimed = await db.SimulationRuns.Where(r => r.Id == runId && r.Status == SimulationRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SimulationRunStatus.Running).SetProperty(r => r.StartedUtc, started), stoppingToken);
        if (claimed == 0)
        {
            return; // cancelled while queued, or taken by another instance
        }

        var run = await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, stoppingToken);
        var live = queue.Start(runId, stoppingToken);
        using var pumpStop = new CancellationTokenSource();
        var pump = PumpProgressAsync(run.HouseholdId, runId, live, pumpStop.Token);
        SimulationExecutor.Outcome? outcome = null;
        Exception? failure = null;
        try
        {
            // The engine is synchronous and parallel inside; keep it off the consumer loop's thread.
            outcome = await Task.Run(() => SimulationExecutor.Execute(run, series.Load, new Gated(gate, runId, live), live.Token), CancellationToken.None);
        }
        catch (OperationCanceledException) when (live.Token.IsCancellationRequested)
        {
            // Cancelled by a user or by shutdown: told apart below.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e;
        }
        finally
        {
            await pumpStop.CancelAsync();
            await pump;
            queue.Finish(runId);
        }

        // The final write must land even while the host stops.
        var finished = clock.GetUtcNow();
        var elapsed = (long)(finished - started).TotalMilliseconds;
        var running = db.SimulationRuns.Where(r => r.Id == runId && r.Status == SimulationRunStatus.Running);
        int written;
        if (outcome is { Error: null } ok)
        {
            written = await running.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, SimulationRunStatus.Succeeded).SetProperty(r => r.Progress, 1.0).SetProperty(r => r.ResultJson, ok.ResultJson)
                    .SetProperty(r => r.SuccessProbability, ok.SuccessProbability).SetProperty(r => r.FinishedUtc, finished).SetProperty(r => r.DurationMs, ok.DurationMs),
                CancellationToken.None);
        }
        else if (outcome is { Error: { } error })
        {
            written = await Fail(running, error, finished, elapsed);
        }
        else if (failure is not null)
        {
            LogRunCrashed(failure, runId);
            written = await Fail(running, "The run failed with an internal error; see the server log.", finished, elapsed);
        }
        else if (live.CancelledByUser || !stoppingToken.IsCancellationRequested)
        {
            written = await running.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, SimulationRunStatus.Cancelled).SetProperty(r => r.Progress, live.Progress).SetProperty(r => r.FinishedUtc, finished).SetProperty(r => r.DurationMs, elapsed),
                CancellationToken.None);
        }
        else
        {
            written = await Fail(running, ShutdownError, finished, elapsed);
        }

        if (written == 0 && !await db.SimulationRuns.AnyAsync(r => r.Id == runId, CancellationToken.None))
        {
            // Its plan or household was deleted meanwhile: the delete cancelled it, nothing is stored.
            LogRunDeleted(runId);
        }
        else if (written > 0)
        {
            var final = await db.SimulationRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Progress, r.Status }).SingleAsync(CancellationToken.None);
            await notifier.RunProgressAsync(run.HouseholdId, runId, final.Progress, final.Status, CancellationToken.None);
        }
    }

    /// <summary>The run's progress, reported to its live state and then to the gate.</summary>
    private sealed class Gated(SimulationGate gate, Guid runId, SimulationQueue.LiveRun live) : IProgress<double>
    {
        public void Report(double value)
        {
            live.Report(value);
            gate.Reached(runId, value, live.Token);
        }
    }

    private static Task<int> Fail(IQueryable<SimulationRun> running, string error, DateTimeOffset finished, long elapsed) =>
        running.ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, SimulationRunStatus.Failed).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedUtc, finished).SetProperty(r => r.DurationMs, elapsed),
            CancellationToken.None);

    /// <summary>
    /// Writes the live progress every interval and reads back the cancel flag (set by any instance);
    /// a run whose row is gone (its plan or household was deleted, perhaps on another instance) stops too.
    /// </summary>
    private async Task PumpProgressAsync(Guid householdId, Guid runId, SimulationQueue.LiveRun live, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        using var timer = new PeriodicTimer(options.Value.ProgressInterval, clock);
        var sent = -1.0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var progress = live.Progress;
                if (await db.SimulationRuns.Where(r => r.Id == runId && r.Status == SimulationRunStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, progress), stop) > 0 && progress != sent)
                {
                    sent = progress;
                    await notifier.RunProgressAsync(householdId, runId, progress, SimulationRunStatus.Running, stop);
                }

                var cancel = await db.SimulationRuns.Where(r => r.Id == runId).Select(r => (bool?)r.CancelRequested).FirstOrDefaultAsync(stop);
                if (cancel is null or true)
                {
                    live.Cancel();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run finished.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Progress is a nicety: a failed write must not lose the run's result.
            LogProgressFailed(e, runId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulation runs after restart: {Failed} left running marked failed, {Queued} queued again")]
    private partial void LogRecovered(int failed, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation run {RunId} stopped: its plan or household was deleted, nothing stored")]
    private partial void LogRunDeleted(Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulation run {RunId}: progress is no longer written")]
    private partial void LogProgressFailed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulation run {RunId} failed")]
    private partial void LogRunCrashed(Exception exception, Guid runId);
}
