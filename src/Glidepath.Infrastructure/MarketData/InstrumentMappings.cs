using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>Which provider and provider symbol price a shared instrument (docs/market-data.md, "Mapping").</summary>
public sealed class InstrumentMappings(GlidepathDbContext db)
{
    /// <summary>Sets (or with nulls clears) the mapping of a shared instrument; null when there is no shared instrument <paramref name="id"/>.</summary>
    public async Task<Instrument?> SetAsync(Guid id, string? provider, string? providerSymbol, CancellationToken ct = default)
    {
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == id && i.HouseholdId == null, ct);
        if (instrument is null)
        {
            return null;
        }

        instrument.PriceProvider = provider?.ToLowerInvariant();
        instrument.ProviderSymbol = providerSymbol;
        await db.SaveChangesAsync(ct);
        return instrument;
    }
}
