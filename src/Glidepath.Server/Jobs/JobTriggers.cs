using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Jobs;

/// <summary>A cron trigger of a job; <paramref name="Exchange"/> limits a price refresh to one exchange's instruments.</summary>
public sealed record PlannedTrigger(string Job, string Name, string Cron, string TimeZone, string? Exchange = null);

/// <summary>The triggers the configuration asks for, with the price refresh's exchanges taken from the shared instruments.</summary>
public static class JobTriggers
{
    public const string ExchangeKey = "exchange";

    public static async Task<IReadOnlyList<PlannedTrigger>> PlanAsync(JobsOptions options, GlidepathDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(db);
        var planned = new List<PlannedTrigger>();
        if (options.PriceRefresh.Enabled)
        {
            var exchanges = await db.Instruments.AsNoTracking().Where(i => i.HouseholdId == null).Select(i => i.Exchange).Distinct().ToListAsync(ct);
            foreach (var exchange in exchanges.Where(e => e.Length > 0).Order(StringComparer.Ordinal))
            {
                if ((options.PriceRefresh.Exchanges.GetValueOrDefault(exchange) ?? options.PriceRefresh.Exchanges.GetValueOrDefault(PriceRefreshSchedule.AnyExchange)) is { Enabled: true, Cron.Length: > 0 } schedule)
                {
                    planned.Add(new(JobCatalog.PriceRefresh, $"{JobCatalog.PriceRefresh}.{exchange}", schedule.Cron, schedule.TimeZone, exchange));
                }
            }
        }

        foreach (var job in JobCatalog.All)
        {
            if (job.Schedule(options) is { Enabled: true, Cron.Length: > 0 } schedule)
            {
                planned.Add(new(job.Name, job.Name, schedule.Cron, schedule.TimeZone));
            }
        }

        return planned;
    }
}
