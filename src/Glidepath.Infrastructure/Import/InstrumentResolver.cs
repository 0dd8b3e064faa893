using Glidepath.Domain.Currencies;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import;

/// <summary>
/// Symbol → instrument for one import, cached. An unknown symbol is created (when the options
/// allow) with neutral defaults the user should review; the creation is part of the import's
/// database transaction, so a rejected file creates nothing.
/// </summary>
internal sealed class InstrumentResolver(GlidepathDbContext db, bool createMissing)
{
    private readonly Dictionary<string, Guid> _known = new(StringComparer.Ordinal);

    public List<string> Created { get; } = [];

    /// <summary>The instrument's id, or the reason there is none.</summary>
    public async Task<(Guid? Id, string? Error)> ResolveAsync(string symbol, string name, Currency currency, CancellationToken cancellationToken)
    {
        var key = symbol.Trim().ToUpperInvariant();
        if (_known.TryGetValue(key, out var id))
        {
            return (id, null);
        }

        var matches = await db.Instruments.AsNoTracking().Where(i => i.Symbol == key).Select(i => i.Id).Take(2).ToListAsync(cancellationToken);
        if (matches.Count > 1)
        {
            return (null, $"Symbol '{key}' is listed on more than one exchange; import it through the API with the instrument id.");
        }

        if (matches.Count == 1)
        {
            _known[key] = matches[0];
            return (matches[0], null);
        }

        if (!createMissing)
        {
            return (null, $"Unknown symbol '{key}'.");
        }

        var instrument = new Instrument { Symbol = key, Name = name, Type = InstrumentType.Stock, AssetClass = AssetClass.UsEquity, Currency = currency };
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(instrument).State = EntityState.Detached;
        _known[key] = instrument.Id;
        Created.Add(key);
        return (instrument.Id, null);
    }
}
