using Glidepath.Application.Notifications;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>Once a day: <see cref="DailyDigests"/> for today (UTC), one e-mail per user who asked for it, once per day.</summary>
public sealed class NotificationDigestJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NotificationDigestJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.NotificationDigest;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct) =>
        DailyDigests.Describe(await services.GetRequiredService<DailyDigests>().SendAsync(Today, ct));
}
