using Glidepath.Domain.Currencies;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import;

/// <summary>
/// Symbol → instrument for one import, cached. A household's import sees the shared instruments and
/// its own private ones (a private one wins over a shared one of the same symbol); an operator's
/// (<see cref="ImportOptions.HouseholdId"/> null) sees the shared ones. An unknown symbol is created
/// (when the options allow) as Unclassified, private to the household, within the caps; the creation
/// is part of the import's database transaction, so a rejected file creates nothing.
/// <paramref name="writesPrices"/>: a household may not write a shared instrument's closes, so such a
/// symbol is an error for its price import.
/// </summary>
internal sealed class InstrumentResolver(GlidepathDbContext db, ImportOptions options, bool writesPrices = false)
{
    private readonly Dictionary<string, Guid> _known = new(StringComparer.Ordinal);
    private readonly List<Instrument> _pending = [];
    private Dictionary<string, (Guid? Id, bool Shared)>? _stored;   // symbol -> id (null: listed on more than one exchange)
    private Dictionary<string, Guid?>? _isins;   // ISIN -> id (null: more than one listing)
    private int _householdCount;

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
    public ValueTask<(Guid? Id, string? Error)> ResolveAsync(string symbol, string name, Currency currency, CancellationToken cancellationToken) =>
        ResolveAsync(symbol, null, name, currency, cancellationToken);

    /// <summary>
    /// By ISIN first when the row names one (check digit validated): the one instrument the household
    /// sees with it; several listings fall back to the symbol. An ISIN nobody holds creates an
    /// Unclassified instrument with it, named by the row's symbol (or by the ISIN when there is none).
    /// </summary>
    public async ValueTask<(Guid? Id, string? Error)> ResolveAsync(string symbol, string? isin, string name, Currency currency, CancellationToken cancellationToken)
    {
        if (isin is null)
        {
            return await ResolveSymbolAsync(symbol, null, name, currency, cancellationToken);
        }

        isin = isin.Trim().ToUpperInvariant();
        if (!Domain.Instruments.Isin.IsValid(isin))
        {
            return (null, $"'{isin}' is not a valid ISIN (two letters, nine letters or digits, and a check digit that matches them).");
        }

        if (_known.TryGetValue("isin:" + isin, out var known))
        {
            return (known, null);
        }

        _isins ??= await LoadIsinsAsync(cancellationToken);
        if (_isins.TryGetValue(isin, out var listed) && listed is { } listedId)
        {
            _known["isin:" + isin] = listedId;
            return (listedId, null);
        }

        if (listed is null && _isins.ContainsKey(isin) && symbol.Trim().Length == 0)
        {
            return (null, $"ISIN {isin} is listed on more than one exchange and the row names no symbol; import it through the API with the instrument id.");
        }

        var result = await ResolveSymbolAsync(symbol.Trim().Length > 0 ? symbol : isin, isin, name, currency, cancellationToken);
        if (result.Id is { } id)
        {
            _known["isin:" + isin] = id;
        }

        return result;
    }

    private async ValueTask<(Guid? Id, string? Error)> ResolveSymbolAsync(string symbol, string? isin, string name, Currency currency, CancellationToken cancellationToken)
    {
        var key = symbol.Trim().ToUpperInvariant();
        if (_known.TryGetValue(key, out var id))
        {
            return (id, null);
        }

        if (key.Length > TextLimits.Symbol)
        {
            return (null, $"A symbol has at most {TextLimits.Symbol} characters ({key.Length} given).");
        }

        _stored ??= await LoadSymbolsAsync(cancellationToken);
        if (_stored.TryGetValue(key, out var stored))
        {
            if (stored.Id is not { } storedId)
            {
                return (null, $"Symbol '{key}' is listed on more than one exchange; import it through the API with the instrument id.");
            }

            if (writesPrices && stored.Shared && options.HouseholdId is not null)
            {
                return (null, $"'{key}' is a shared instrument: its prices are kept by the server's operators, not by households.");
            }

            _known[key] = storedId;
            return (storedId, null);
        }

        if (!options.CreateMissingInstruments)
        {
            return (null, $"Unknown symbol '{key}'.");
        }

        if (options.HouseholdId is not null)
        {
            if (Created.Count >= options.MaxNewInstruments)
            {
                return (null, $"Unknown symbol '{key}': one import creates at most {options.MaxNewInstruments} new instruments.");
            }

            if (_householdCount + Created.Count >= options.MaxHouseholdInstruments)
            {
                return (null, $"Unknown symbol '{key}': a household keeps at most {options.MaxHouseholdInstruments} instruments of its own.");
            }
        }

        return (Create(key, name, currency, isin), null);
    }

    /// <summary>
    /// Every symbol the import may name, read once per import: a large book names thousands of
    /// symbols, and a query each cost more than reading the instrument table.
    /// </summary>
    private async Task<Dictionary<string, (Guid? Id, bool Shared)>> LoadSymbolsAsync(CancellationToken cancellationToken)
    {
        var household = options.HouseholdId;
        var rows = await db.Instruments.AsNoTracking()
            .Where(i => i.HouseholdId == null || i.HouseholdId == household)
            .Select(i => new { i.Symbol, i.Id, Shared = i.HouseholdId == null })
            .ToListAsync(cancellationToken);
        _householdCount = rows.Count(r => !r.Shared);
        return rows
            .GroupBy(i => i.Symbol, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    // The household's own listing of a symbol wins over the shared one.
                    var chosen = g.Any(r => !r.Shared) ? g.Where(r => !r.Shared).ToList() : g.ToList();
                    return chosen.Count == 1 ? (chosen[0].Id, chosen[0].Shared) : ((Guid?)null, chosen[0].Shared);
                },
                StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, Guid?>> LoadIsinsAsync(CancellationToken cancellationToken)
    {
        var household = options.HouseholdId;
        var rows = await db.Instruments.AsNoTracking()
            .Where(i => i.Isin != null && (i.HouseholdId == null || i.HouseholdId == household))
            .Select(i => new { Isin = i.Isin!, i.Id, Shared = i.HouseholdId == null })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Isin, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                var chosen = g.Any(r => !r.Shared) ? g.Where(r => !r.Shared).ToList() : g.ToList();
                return chosen.Count == 1 ? chosen[0].Id : (Guid?)null;
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// A new instrument, Unclassified until the user says otherwise, inserted by the next <see cref="SaveCreatedAsync"/>
    /// (with the next batch, not one round trip per new symbol: a large book names thousands).
    /// </summary>
    private Guid Create(string key, string name, Currency currency, string? isin)
    {
        var instrument = new Instrument
        {
            Symbol = key,
            // The name is a suggestion taken from the row (e.g. Schwab's Description); the user can rename it.
            Name = name.Length > TextLimits.Name ? name[..TextLimits.Name] : name,
            Type = InstrumentType.Stock,
            AssetClass = AssetClass.Unclassified,
            Currency = currency,
            HouseholdId = options.HouseholdId,
            Isin = isin,
        };
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
