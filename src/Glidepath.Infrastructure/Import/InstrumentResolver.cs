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
    private Dictionary<string, Guid?>? _stored;   // symbol -> id; null: listed on more than one exchange

    public List<string> Created { get; } = [];

    /// <summary>
    /// Resolves many symbols up front and inserts the new ones at once (a wide price file names
    /// hundreds); afterwards <see cref="ResolveAsync"/> answers them from memory. Symbols that cannot
    /// be resolved are left for <see cref="ResolveAsync"/> to report against their rows.
    /// </summary>
    public async Task PreloadAsync(IReadOnlyCollection<string> symbols, Currency currency, CancellationToken cancellationToken)
    {
        foreach (var symbol in symbols)
        {
            await ResolveAsync(symbol, "", currency, cancellationToken);
        }

        await SaveCreatedAsync(cancellationToken);
    }

    /// <summary>The instrument's id, or the reason there is none.</summary>
    /// <remarks>A ValueTask: every row calls it, and all but one call per import answer from memory.</remarks>
    public async ValueTask<(Guid? Id, string? Error)> ResolveAsync(string symbol, string name, Currency currency, CancellationToken cancellationToken)
    {
        var key = symbol.Trim().ToUpperInvariant();
        if (_known.TryGetValue(key, out var id))
        {
            return (id, null);
        }

        _stored ??= await LoadSymbolsAsync(cancellationToken);
        if (_stored.TryGetValue(key, out var stored))
        {
            if (stored is not { } storedId)
            {
                return (null, $"Symbol '{key}' is listed on more than one exchange; import it through the API with the instrument id.");
            }

            _known[key] = storedId;
            return (storedId, null);
        }

        if (!createMissing)
        {
            return (null, $"Unknown symbol '{key}'.");
        }

        return (Create(key, name, currency), null);
    }

    /// <summary>
    /// Every stored symbol, read once per import: a large book names thousands of symbols, and a
    /// query each cost more than reading the instrument table (one row per listed security).
    /// </summary>
    private async Task<Dictionary<string, Guid?>> LoadSymbolsAsync(CancellationToken cancellationToken) =>
        (await db.Instruments.AsNoTracking().Select(i => new { i.Symbol, i.Id }).ToListAsync(cancellationToken))
        .GroupBy(i => i.Symbol, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single().Id : (Guid?)null, StringComparer.Ordinal);

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
