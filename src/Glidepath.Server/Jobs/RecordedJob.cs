using System.Diagnostics;
using Glidepath.Infrastructure.Jobs;
using Glidepath.Infrastructure.Observability;
using Glidepath.Infrastructure.Persistence;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// A job whose every run is a row in <c>job_runs</c>: written as <c>running</c> when it starts,
/// finished with its outcome, duration and one-line message. Each run gets its own DI scope.
/// A failure is recorded, logged and not rethrown: Quartz would only log it again, and the next
/// trigger runs as usual.
/// </summary>
public abstract class RecordedJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : IJob
{
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>Today's date in UTC: the scans' "as of".</summary>
    protected DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public const string ManualTrigger = "manual";

    protected abstract string Name { get; }

    /// <summary>The run itself; returns its summary, or throws with the reason it failed.</summary>
    protected abstract Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trigger = context.MergedJobDataMap.TryGetValue(JobsScheduler.ManualKey, out _) ? ManualTrigger : context.Trigger.Key.Name;
        var run = new JobRun
        {
            JobName = Name,
            Instance = context.Scheduler.SchedulerInstanceId,
            Trigger = trigger,
            StartedUtc = clock.GetUtcNow().UtcDateTime,
            Outcome = JobOutcomes.Running,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        string outcome;
        string? message;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            message = await RunAsync(scope.ServiceProvider, context.MergedJobDataMap, cancellationToken);
            outcome = JobOutcomes.Succeeded;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {Job} failed", Name);
            outcome = JobOutcomes.Failed;
            message = e is OperationCanceledException ? "Cancelled: the node shut down." : e.Message;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
            db.JobRuns.Attach(run);
            run.Outcome = outcome;
            run.DurationMs = watch.ElapsedMilliseconds;
            GlidepathMetrics.JobFinished(Name, outcome, watch.Elapsed);
            run.Message = JobRunMessage.Fit(message);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
