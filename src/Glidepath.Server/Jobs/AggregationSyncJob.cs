using System.Globalization;
using Glidepath.Application.Aggregation;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// Every six hours (<c>Jobs:AggregationSync</c>): <see cref="AggregationSync.SyncAllAsync"/>, the same sync as a
/// connection's "sync now", for every connection that does not need a re-link; each failure is kept as that
/// connection's health (docs/aggregation.md).
/// </summary>
public sealed class AggregationSyncJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AggregationSyncJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.AggregationSync;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var run = await services.GetRequiredService<AggregationSync>().SyncAllAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{run.Connections} connection(s): {run.Synced} synced, {run.Failed} failed, {run.NeedRelink} need a re-link");
    }
}
