using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Authorization;
using Glidepath.Server.Jobs;
using Glidepath.Server.ScaleOut;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Health;

/// <param name="Status"><c>healthy</c>; <c>degraded</c> when a provider's circuit is open or a job's last run failed; <c>unhealthy</c> when the database cannot be reached (503).</param>
public sealed record DetailedHealthDto(
    string Status, DatabaseHealthDto Database, RedisHealthDto? Redis, SimulationQueueHealthDto? SimulationQueue, SchedulerHealthDto Scheduler, IReadOnlyList<JobHealthDto> Jobs, IReadOnlyList<ProviderStatus> Providers);

/// <summary>Redis (<c>ConnectionStrings:Redis</c>; the whole field is null without it: one instance, nothing shared through Redis).</summary>
/// <param name="Reachable">Whether a PING answered within 5 seconds; false makes the status <c>degraded</c> (rate limits fall back to each instance's own counters).</param>
/// <param name="PingMilliseconds">The PING's round trip; null when it did not answer.</param>
public sealed record RedisHealthDto(bool Reachable, double? PingMilliseconds);

public sealed record DatabaseHealthDto(bool Reachable, string Provider);

/// <summary>The simulation runs on the database queue, over every instance (docs/operations.md); null when the database cannot be reached.</summary>
/// <param name="Queued">Waiting for a worker.</param>
/// <param name="Running">Leased by a worker (an expired lease is re-leased and counts here until then).</param>
/// <param name="OldestQueuedUtc">When the longest-waiting queued run was created; null with none queued.</param>
public sealed record SimulationQueueHealthDto(int Queued, int Running, DateTimeOffset? OldestQueuedUtc);

/// <param name="State"><c>off</c> (Jobs:Enabled false), or Quartz's status: <c>created</c>, <c>running</c>, <c>standby</c>, <c>shuttingdown</c>, <c>shutdown</c>.</param>
public sealed record SchedulerHealthDto(string State, string? InstanceId, bool Clustered);

public sealed record JobHealthDto(string Name, string? LastOutcome, DateTimeOffset? LastRunUtc);

/// <summary>
/// <c>/health/detailed</c> (admins): what <c>/health/ready</c> checks and more, for an operator: the
/// database, Redis (when configured), the simulation queue (all instances), the scheduler on this node, each job's last outcome, each market-data provider's last
/// success, last error and circuit (this process's view).
/// </summary>
public static class DetailedHealthEndpoint
{
    public static IEndpointRouteBuilder MapDetailedHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/detailed", Get).RequireAuthorization(AuthPolicies.Admin).WithTags("Health");
        return app;
    }

    private static async Task<Results<Ok<DetailedHealthDto>, JsonHttpResult<DetailedHealthDto>>> Get(
        GlidepathDbContext db, DatabaseSettings database, JobsScheduler jobs, ProviderHealth providers, RedisConnection redis, CancellationToken ct)
    {
        RedisHealthDto? redisHealth = null;
        if (redis.IsConfigured)
        {
            var ping = await redis.PingAsync(ct);
            redisHealth = new RedisHealthDto(ping is not null, ping?.TotalMilliseconds);
        }

        var reachable = await db.Database.CanConnectAsync(ct);
        var jobHealth = new List<JobHealthDto>();
        SimulationQueueHealthDto? queue = null;
        if (reachable)
        {
            var queued = await db.SimulationRuns.AsNoTracking().Where(r => r.Status == SimulationRunStatus.Queued).Select(r => r.CreatedUtc).ToListAsync(ct);
            var running = await db.SimulationRuns.CountAsync(r => r.Status == SimulationRunStatus.Running, ct);
            queue = new SimulationQueueHealthDto(queued.Count, running, queued.Count == 0 ? null : queued.Min());

            foreach (var job in JobCatalog.All)
            {
                var last = await db.JobRuns.AsNoTracking().Where(r => r.JobName == job.Name).OrderByDescending(r => r.StartedUtc)
                    .Select(r => new { r.Outcome, r.StartedUtc }).FirstOrDefaultAsync(ct);
                jobHealth.Add(new JobHealthDto(job.Name, last?.Outcome, last is null ? null : new DateTimeOffset(DateTime.SpecifyKind(last.StartedUtc, DateTimeKind.Utc))));
            }
        }

        var scheduler = await jobs.SchedulerAsync(ct);
        var metadata = scheduler is null ? null : await scheduler.GetMetadata(ct);
        var schedulerHealth = metadata is null
            ? new SchedulerHealthDto("off", null, false)
            : new SchedulerHealthDto(metadata.Status.ToString().ToLowerInvariant(), metadata.SchedulerInstanceId, metadata.JobStoreClustered);
        var providerList = AllProviders(providers);
        var status = !reachable ? "unhealthy"
            : redisHealth is { Reachable: false } || providerList.Any(p => p.Circuit != "closed") || jobHealth.Any(j => j.LastOutcome == Infrastructure.Jobs.JobOutcomes.Failed) ? "degraded"
            : "healthy";
        var body = new DetailedHealthDto(status, new DatabaseHealthDto(reachable, database.Provider.ToString().ToLowerInvariant()), redisHealth, queue, schedulerHealth, jobHealth, providerList);
        return reachable ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Every provider, including those not called yet in this process (closed, no success, no error).</summary>
    private static List<ProviderStatus> AllProviders(ProviderHealth health)
    {
        var seen = health.All.ToDictionary(s => s.Provider, StringComparer.OrdinalIgnoreCase);
        return MarketDataProviders.PriceProviderNames.Concat(MarketDataProviders.FxProviderNames).Append(FredSeriesProvider.ProviderName)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(name => seen.GetValueOrDefault(name) ?? new ProviderStatus(name)).ToList();
    }
}
