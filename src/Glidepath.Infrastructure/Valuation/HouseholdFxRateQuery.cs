using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Valuation;

/// <summary>The FX rates a household sees for a set of currencies: the shared table's, then its own.</summary>
public static class HouseholdFxRateQuery
{
    /// <summary>
    /// The rates a <see cref="PriceBook"/> needs to convert between <paramref name="currencies"/> (directly, inverted or
    /// through USD) up to <paramref name="date"/>: every rate of those pairs (<paramref name="history"/>, for a series or
    /// conversions on many dates), or per pair only the last shared and the last household rate on or before it. The
    /// household's come last, so the book keeps its rate on a day both have.
    /// </summary>
    public static async Task<List<FxRate>> RatesAsync(
        GlidepathDbContext db, Guid householdId, IReadOnlyCollection<Currency> currencies, DateOnly date, bool history, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currencies);
        if (currencies.Count < 2)
        {
            return [];
        }

        var involved = currencies.Append(Currency.Usd).Distinct().ToList();
        var shared = db.FxRates.AsNoTracking().Where(r => involved.Contains(r.Base) && involved.Contains(r.Quote) && r.Date <= date);
        var own = db.HouseholdFxRates.AsNoTracking().Where(r => r.HouseholdId == householdId && involved.Contains(r.Base) && involved.Contains(r.Quote) && r.Date <= date);
        if (!history)
        {
            shared = shared.Where(r => r.Date == db.FxRates.Where(q => q.Base == r.Base && q.Quote == r.Quote && q.Date <= date).Max(q => (DateOnly?)q.Date));
            own = own.Where(r => r.Date == db.HouseholdFxRates.Where(q => q.HouseholdId == householdId && q.Base == r.Base && q.Quote == r.Quote && q.Date <= date).Max(q => (DateOnly?)q.Date));
        }

        var ownRates = await own.ToListAsync(ct);
        return [.. await shared.ToListAsync(ct), .. ownRates.Select(r => r.ToFxRate())];
    }
}
