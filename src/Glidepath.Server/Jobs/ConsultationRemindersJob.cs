using System.Globalization;
using Glidepath.Application.Advisors;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>Every five minutes: reminds client and advisor of consultations starting within two days (<see cref="ConsultationReminders.SendDueAsync"/>).</summary>
public sealed class ConsultationRemindersJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsultationRemindersJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.ConsultationReminders;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<ConsultationReminders>().SendDueAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{sent} consultation reminders sent");
    }
}
