using Glidepath.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// The admin routes' and the health check's view of the scheduler: null when <c>Jobs:Enabled</c> is
/// false (no scheduler in this process). Also brings the stored jobs and triggers in line with the
/// configuration (<see cref="SyncAsync"/>, at start and every hour): every node does the same, so the
/// cluster converges on the configuration of the node that synced last.
/// </summary>
public sealed class JobsScheduler(IServiceProvider services, IOptions<JobsOptions> options)
{
    /// <summary>Job data that marks a run started by hand (the admin route).</summary>
    public const string ManualKey = "manual";

    public bool Enabled => options.Value.Enabled;

    public async Task<IScheduler?> SchedulerAsync(CancellationToken ct) =>
        services.GetService<ISchedulerFactory>() is { } factory ? await factory.GetScheduler(ct) : null;

    public static JobKey Key(string job) => new(job, JobCatalog.Group);

    public static TriggerKey TriggerKey(PlannedTrigger trigger) => new(trigger.Name, JobCatalog.Group);

    public async Task<IReadOnlyList<PlannedTrigger>> PlanAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await JobTriggers.PlanAsync(options.Value, scope.ServiceProvider.GetRequiredService<GlidepathDbContext>(), ct);
    }

    /// <summary>Stores every job (durable, so one switched off can still be triggered), replaces the planned triggers, removes the rest.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        if (await SchedulerAsync(ct) is not { } scheduler)
        {
            return;
        }

        var planned = await PlanAsync(ct);
        foreach (var job in JobCatalog.All)
        {
            var detail = JobBuilder.Create().OfType(job.Type).WithIdentity(Key(job.Name)).WithDescription(job.Description)
                .StoreDurably().DisallowConcurrentExecution().Build();
            await scheduler.AddJob(detail, new AddJobOptions { Replace = true }, ct);
        }

        var wanted = planned.Select(TriggerKey).ToHashSet();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(JobCatalog.Group), ct))
        {
            if (!wanted.Contains(key) && await scheduler.GetTrigger(key, ct) is { } stale && stale.Key.Name != ManualKey)
            {
                await scheduler.UnscheduleJob(key, ct);
            }
        }

        foreach (var trigger in planned)
        {
            // An unchanged trigger is left alone: replacing it would reset its state on every sync.
            if (await scheduler.GetTrigger(TriggerKey(trigger), ct) is ICronTrigger stored
                && stored.CronExpressionString == trigger.Cron && stored.TimeZone.Id == trigger.TimeZone)
            {
                continue;
            }

            var built = TriggerBuilder.Create(TimeProvider.System).WithIdentity(TriggerKey(trigger)).ForJob(Key(trigger.Job))
                .WithSchedule(CronScheduleBuilder.Create(trigger.Cron).InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(trigger.TimeZone)));
            if (trigger.Exchange is not null)
            {
                built = built.UsingJobData(JobTriggers.ExchangeKey, trigger.Exchange);
            }

            await scheduler.ScheduleJob(built.Build(), new ScheduleJobOptions { Replace = true }, ct);
        }
    }

    /// <summary>Fires the job once, now, on whichever node of the cluster acquires the trigger first.</summary>
    public static async Task TriggerAsync(IScheduler scheduler, string job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        await scheduler.TriggerJob(Key(job), new JobDataMap { [ManualKey] = "true" }, ct);
    }
}

/// <summary>
/// Runs <see cref="JobsScheduler.SyncAsync"/> when the node starts (registered after Quartz's hosted
/// service) and every <see cref="JobsOptions.ResyncEvery"/>, so an exchange that gains its first shared
/// instrument gets its price-refresh trigger without a restart.
/// </summary>
internal sealed class JobScheduleSync(JobsScheduler jobs, IOptions<JobsOptions> options, ILogger<JobScheduleSync> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await jobs.SyncAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResyncEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await jobs.SyncAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The job schedules could not be brought in line with the configuration; the next try is in {Interval}", options.Value.ResyncEvery);
            }
        }
    }
}
