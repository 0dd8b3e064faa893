using Glidepath.Application.Events;
using Glidepath.Application.Goals;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Observability;
using Glidepath.Application.Planning;
using Glidepath.Application.Planning.Runs;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Planning.Runs;

/// <summary>
/// Runs queued simulations and solves in the background, <see cref="SimulationRunOptions.MaxConcurrency"/>
/// at a time per instance, taking them from the database queue (<see cref="RunLeases"/>) that every
/// instance shares. Each worker loop claims the next run with a lease in this instance's name, renews
/// the lease at every heartbeat (which writes progress and reads the cancel flag), and writes the
/// outcome only while it still holds the lease, so a run never finishes twice. A run whose instance
/// died is taken over by any instance once its lease expires. An idle loop wakes when a run is
/// queued here, or polls for runs queued elsewhere.
/// </summary>
public sealed partial class SimulationWorker(
    SimulationQueue queue,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ReturnSeriesLoader series,
    SimulationGate gate,
    IEnumerable<ISimulationProgressSink> sinks,
    IOptions<SimulationRunOptions> options,
    ILogger<SimulationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrency)).Select(_ => ConsumeAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } runId)
                {
                    await RunAsync(runId, stoppingToken);
                    continue;
                }

                await queue.WaitForWorkAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: what is still queued stays queued in the database for any instance.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A database hiccup must not end the loop; try again after a poll interval.
                LogLoopFailed(e);
                await Task.Delay(settings.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (await RunLeases.ReapAsync(db, now, settings.MaxAttempts, ct) is > 0 and var reaped)
        {
            LogReaped(reaped);
        }

        GlidepathMetrics.QueueDepth(await db.SimulationRuns.CountAsync(r => r.Status == SimulationRunStatus.Queued, ct));
        return await RunLeases.ClaimAsync(db, queue.InstanceId, now, settings.LeaseDuration, settings.MaxAttempts, ct);
    }

    private async Task RunAsync(Guid runId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var owner = queue.InstanceId;
        var run = await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, stoppingToken);
        var started = clock.GetUtcNow();
        var live = queue.Start(runId, stoppingToken);
        GlidepathMetrics.RunStarted();
        using var pumpStop = new CancellationTokenSource();
        var pump = HeartbeatAsync(run, live, pumpStop.Token);
        SimulationExecutor.Outcome? outcome = null;
        Exception? failure = null;
        try
        {
            // The engine is synchronous and parallel inside; keep it off the consumer loop's thread.
            outcome = await Task.Run(() => SimulationExecutor.Execute(run, series.Load, new Gated(gate, runId, live), live.Token), CancellationToken.None);
        }
        catch (OperationCanceledException) when (live.Token.IsCancellationRequested)
        {
            // Cancelled by a user, a lost lease or shutdown: told apart below.
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
            GlidepathMetrics.RunEnded();
        }

        // The final write must land even while the host stops; it lands only while the lease is ours.
        var finished = clock.GetUtcNow();
        var elapsed = (long)(finished - started).TotalMilliseconds;
        var held = RunLeases.Held(db, runId, owner);
        // The outcome and its simulation.completed event commit together (docs/webhooks.md).
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        int written;
        SimulationRunStatus status;
        string? stored = null;
        if (outcome is { Error: null } ok)
        {
            status = SimulationRunStatus.Succeeded;
            written = await held.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, SimulationRunStatus.Succeeded).SetProperty(r => r.Progress, 1.0).SetProperty(r => r.ResultJson, ok.ResultJson)
                    .SetProperty(r => r.SuccessProbability, ok.SuccessProbability).SetProperty(r => r.FinishedUtc, finished).SetProperty(r => r.DurationMs, ok.DurationMs)
                    .SetProperty(r => r.LeaseOwner, (string?)null),
                CancellationToken.None);
        }
        else if (outcome is { Error: { } error } || failure is not null)
        {
            if (failure is not null)
            {
                LogRunCrashed(failure, runId);
            }

            status = SimulationRunStatus.Failed;
            stored = outcome?.Error ?? "The run failed with an internal error; see the server log.";
            written = await Fail(held, stored, finished, elapsed);
        }
        else if (live.CancelledByUser)
        {
            status = SimulationRunStatus.Cancelled;
            written = await held.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, SimulationRunStatus.Cancelled).SetProperty(r => r.Progress, live.Progress).SetProperty(r => r.FinishedUtc, finished)
                    .SetProperty(r => r.DurationMs, elapsed).SetProperty(r => r.LeaseOwner, (string?)null),
                CancellationToken.None);
        }
        else if (stoppingToken.IsCancellationRequested)
        {
            // This instance stops: the run goes back to the queue for another instance or the next start.
            status = SimulationRunStatus.Queued;
            written = await RunLeases.ReleaseAsync(db, runId, owner, CancellationToken.None);
        }
        else
        {
            // The lease was lost (the row deleted, or another instance took the run over): write nothing.
            status = SimulationRunStatus.Running;
            written = 0;
        }

        if (written > 0 && status is SimulationRunStatus.Succeeded or SimulationRunStatus.Failed)
        {
            var probability = status == SimulationRunStatus.Succeeded ? outcome?.SuccessProbability : null;
            scope.ServiceProvider.GetRequiredService<IEventOutbox>().Enqueue(
                run.HouseholdId, EventTypes.SimulationCompleted, new SimulationCompleted(run.Id, run.PlanId, status.ToString(), probability, stored));
            if (status == SimulationRunStatus.Succeeded)
            {
                // The goals this plan tests take their status from the run, in the run's transaction.
                await scope.ServiceProvider.GetRequiredService<GoalStatuses>().ApplyRunAsync(run, outcome!, CancellationToken.None);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        if (written > 0 && status is SimulationRunStatus.Succeeded or SimulationRunStatus.Failed or SimulationRunStatus.Cancelled)
        {
            GlidepathMetrics.SimulationFinished(status.ToString().ToLowerInvariant(), status == SimulationRunStatus.Succeeded ? run.Paths : 0, finished - started);
        }

        if (written == 0)
        {
            if (!await db.SimulationRuns.AnyAsync(r => r.Id == runId, CancellationToken.None))
            {
                // Its plan or household was deleted meanwhile: the delete cancelled it, nothing is stored.
                LogRunDeleted(runId);
            }
            else
            {
                LogLeaseLost(runId);
            }

            return;
        }

        await ReportAsync(new SimulationProgress(run.Id, run.HouseholdId, run.PlanId, status, status == SimulationRunStatus.Succeeded ? 1 : live.Progress, outcome?.SuccessProbability is { } p && status == SimulationRunStatus.Succeeded ? p : null, stored), CancellationToken.None);
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

    private static Task<int> Fail(IQueryable<SimulationRun> held, string error, DateTimeOffset finished, long elapsed) =>
        held.ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, SimulationRunStatus.Failed).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedUtc, finished)
                .SetProperty(r => r.DurationMs, elapsed).SetProperty(r => r.LeaseOwner, (string?)null),
            CancellationToken.None);

    /// <summary>
    /// The heartbeat, every <see cref="SimulationRunOptions.ProgressInterval"/>: writes the live progress,
    /// renews the lease and reads back the cancel flag (set by any instance). A run whose lease is
    /// lost (its row deleted with its plan or household, or taken over after a stall) stops too.
    /// </summary>
    private async Task HeartbeatAsync(SimulationRun run, SimulationQueue.LiveRun live, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.ProgressInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var progress = live.Progress;
                switch (await RunLeases.RenewAsync(db, run.Id, queue.InstanceId, progress, clock.GetUtcNow(), settings.LeaseDuration, stop))
                {
                    case true:
                        live.Cancel();
                        break;
                    case false:
                        live.Abandon();
                        break;
                    default:
                        await ReportAsync(new SimulationProgress(run.Id, run.HouseholdId, run.PlanId, SimulationRunStatus.Running, progress, null, null), stop);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run finished.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Without a heartbeat the lease runs out and another instance takes the run over; stop here
            // rather than finish a run this instance may no longer own.
            LogProgressFailed(e, run.Id);
            live.Abandon();
        }
    }

    private async ValueTask ReportAsync(SimulationProgress progress, CancellationToken ct)
    {
        foreach (var sink in sinks)
        {
            try
            {
                await sink.ReportAsync(progress, ct);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                LogSinkFailed(e, progress.RunId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulation runs: {Count} whose lease expired for good were ended (cancelled or out of attempts)")]
    private partial void LogReaped(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulation run {RunId} stopped: its plan or household was deleted, nothing stored")]
    private partial void LogRunDeleted(Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulation run {RunId}: this instance lost its lease (another instance took the run over); nothing stored here")]
    private partial void LogLeaseLost(Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulation run {RunId}: the heartbeat failed; the run stops here and its lease will expire")]
    private partial void LogProgressFailed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulation run {RunId}: a progress sink failed")]
    private partial void LogSinkFailed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulation run {RunId} failed")]
    private partial void LogRunCrashed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulation worker: claiming a run failed; trying again")]
    private partial void LogLoopFailed(Exception exception);
}
