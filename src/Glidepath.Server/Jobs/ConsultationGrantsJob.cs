using System.Globalization;
using Glidepath.Application.Advisors;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>Every five minutes: revokes the advisor grants of consultations whose period ended (<see cref="Consultations.ExpireGrantsAsync"/>).</summary>
public sealed class ConsultationGrantsJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsultationGrantsJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.ConsultationGrants;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var ended = await services.GetRequiredService<Consultations>().ExpireGrantsAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{ended} consultation grants ended");
    }
}
