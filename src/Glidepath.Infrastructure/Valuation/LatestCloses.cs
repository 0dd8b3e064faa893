using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Valuation;

/// <summary>"The last close on or before a date" without loading a price history.</summary>
internal static class LatestCloses
{
    /// <summary>
    /// Each instrument's last close on or before <paramref name="date"/>. Driven from the instruments, so each
    /// is one seek on the (instrument_id, date) key for the date and one for the row; filtering the prices
    /// table by instrument instead lets SQLite evaluate the correlated MAX for every stored close.
    /// </summary>
    public static async Task<List<PriceClose>> OnOrBeforeAsync(GlidepathDbContext db, IReadOnlyCollection<Guid> ids, DateOnly date, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var query =
            from i in db.Instruments
            where ids.Contains(i.Id)
            let latest = db.Prices.Where(q => q.InstrumentId == i.Id && q.Date <= date).Max(q => (DateOnly?)q.Date)
            from p in db.Prices
            where p.InstrumentId == i.Id && p.Date == latest
            select p;
        return await query.AsNoTracking().ToListAsync(ct);
    }
}
