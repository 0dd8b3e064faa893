using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Events;

/// <summary>
/// Finds held instruments whose latest stored close is older than <paramref name="maxAge"/> days
/// (run after each price refresh) and publishes <c>price.stale</c> once per household, instrument and
/// last close: a household hears about a stale price again only after a newer close went stale too.
/// </summary>
public sealed class PriceStaleness(GlidepathDbContext db, IEventOutbox outbox)
{
    public const int DefaultMaxAgeDays = 5;

    /// <summary>Publishes what is newly stale as of <paramref name="today"/>; answers how many events it wrote.</summary>
    public async Task<int> PublishAsync(DateOnly today, int maxAge = DefaultMaxAgeDays, CancellationToken ct = default)
    {
        var held = await (from p in db.Positions.AsNoTracking()
                          join a in db.Accounts.AsNoTracking() on p.AccountId equals a.Id
                          join i in db.Instruments.AsNoTracking() on p.InstrumentId equals i.Id
                          select new { a.HouseholdId, p.InstrumentId, i.Symbol, p.Quantity }).ToListAsync(ct);
        var written = 0;
        foreach (var instrument in held.Where(h => h.Quantity != 0m).GroupBy(h => (h.InstrumentId, h.Symbol)))
        {
            var id = instrument.Key.InstrumentId;
            var lastClose = await db.Prices.AsNoTracking().Where(p => p.InstrumentId == id)
                .OrderByDescending(p => p.Date).Select(p => (DateOnly?)p.Date).FirstOrDefaultAsync(ct);
            var daysOld = lastClose is { } last ? today.DayNumber - last.DayNumber : int.MaxValue;
            if (daysOld <= maxAge)
            {
                continue;
            }

            var payload = new PriceStale(id, instrument.Key.Symbol, lastClose, daysOld == int.MaxValue ? -1 : daysOld);
            var marker = $"\"instrumentId\":\"{id}\",\"symbol\"";
            var lastMarker = lastClose is { } l ? $"\"lastClose\":\"{l:yyyy-MM-dd}\"" : "\"lastClose\":null";
            foreach (var householdId in instrument.Select(h => h.HouseholdId).Distinct())
            {
                var told = await db.OutboxEvents.AsNoTracking().AnyAsync(
                    e => e.HouseholdId == householdId && e.Type == EventTypes.PriceStale && e.PayloadJson.Contains(marker) && e.PayloadJson.Contains(lastMarker), ct);
                if (!told)
                {
                    outbox.Enqueue(householdId, EventTypes.PriceStale, payload);
                    written++;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return written;
    }
}
