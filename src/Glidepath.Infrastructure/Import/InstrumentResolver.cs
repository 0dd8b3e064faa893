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
    private readonly List<Instrument> _pending = [];

    public List<string> Created { get; } = [];

    /// <summary>
    /// Resolves many symbols with one query and one insert (a wide price file names hundreds);
    /// afterwards <see cref="ResolveAsync"/> answers them from memory.
    /// </summary>
    public async Task PreloadAsync(IReadOnlyCollection<string> symbols, Currency currency, CancellationToken cancellationToken)
    {
        var keys = symbols.Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.Instruments.AsNoTracking().Where(i => keys.Contains(i.Symbol)).Select(i => new { i.Symbol, i.Id }).ToListAsync(cancellationToken);
        foreach (var unique in stored.GroupBy(i => i.Symbol, StringComparer.Ordinal).Where(g => g.Count() == 1))
        {
            _known[unique.Key] = unique.Single().Id;
        }

        if (!createMissing)
        {
            return;
        }

        foreach (var key in keys.Where(k => !stored.Any(i => i.Symbol == k)))
        {
            Create(key, "", currency);
        }

        await SaveCreatedAsync(cancellationToken);
    }

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

        return (Create(key, name, currency), null);
    }

    /// <summary>
    /// A new instrument with neutral defaults, inserted by the next <see cref="SaveCreatedAsync"/>
    /// (with the next batch, not one round trip per new symbol: a large book names thousands).
    /// </summary>
    private Guid Create(string key, string name, Currency currency)
    {
        var instrument = new Instrument { Symbol = key, Name = name, Type = InstrumentType.Stock, AssetClass = AssetClass.UsEquity, Currency = currency };
        _pending.Add(instrument);
        _known[key] = instrument.Id;
        Created.Add(key);
        return instrument.Id;
    }

    /// <summary>Inserts the instruments created since the last call; call before writing rows that name them.</summary>
    public async Task SaveCreatedAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        db.Instruments.AddRange(_pending);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var instrument in _pending)
        {
            db.Entry(instrument).State = EntityState.Detached;
        }

        _pending.Clear();
    }
}
