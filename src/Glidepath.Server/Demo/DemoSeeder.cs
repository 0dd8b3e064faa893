using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Demo;

/// <summary>
/// Creates the demo household in an empty database: the Dow 30 instruments, mapped to the
/// <c>local</c> market-data provider; their real closes, moved forward to today by
/// <see cref="DemoCalendar"/>, written as that provider's files and stored by a price refresh (the
/// same code as any provider's, docs/market-data.md); and the generated history booked through the
/// ledger store.
/// </summary>
public sealed class DemoSeeder(
    GlidepathDbContext db, LedgerStore ledger, PriceRefresh prices, IOptions<MarketDataOptions> marketData, TimeProvider clock, IOptions<DemoDataOptions> options, ILogger<DemoSeeder> logger)
{
    /// <summary>Returns the demo household's id, or null when the database already had a household.</summary>
    public async Task<Guid?> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Households.AnyAsync(ct))
        {
            return null;
        }

        var random = new Random(DemoHistoryGenerator.Seed);
        Guid NewId() => DemoIds.Next(random);

        // Instruments first so the refresh finds them; it stores each symbol's closes in its own
        // transaction, so prices stay even if a later step fails (a re-run is harmless).
        var instruments = await EnsureInstrumentsAsync(DowJonesInstruments.Create(NewId), ct);
        var file = DemoPriceFile.Read(Path.Combine(AppContext.BaseDirectory, options.Value.DemoPricesFile));
        var calendar = DemoCalendar.For(file.Dates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await RefreshPricesAsync(file, calendar, [.. instruments.Keys], ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var demo = DemoHousehold.Create(NewId, clock.GetUtcNow());
        demo.Household.PriceNote = calendar.Note;
        foreach (var person in demo.Household.People)
        {
            person.BirthDate = calendar.Shift(person.BirthDate);
        }

        db.Households.Add(demo.Household);
        await db.SaveChangesAsync(ct);

        // The history is written on the file's own calendar (its trading days, settlement rules and
        // years), then every date moves with the closes.
        var ids = instruments.ToDictionary(p => p.Key, p => p.Value.Id);
        var history = DemoHistoryGenerator.Generate(demo, ids, new DemoPriceTable(file.Closes(ids, calendar.LastClose)), random, calendar.LastClose);
        foreach (var t in history)
        {
            t.TradeDate = calendar.Shift(t.TradeDate);
            t.SettlementDate = calendar.Shift(t.SettlementDate);
        }

        // The generator only writes what its own book allows; a refusal is a bug in it.
        (await ledger.AddTransactionsAsync(history, ct)).Expect("The ledger refused the demo history");

        await transaction.CommitAsync(ct);
        logger.LogInformation("Created the demo household {HouseholdId} with {Count} transactions; {Note}", demo.Household.Id, history.Count, calendar.Note);
        return demo.Household.Id;
    }

    /// <summary>
    /// Writes the re-dated closes as the local provider's files (<c>{folder}/{SYMBOL}.csv</c>) and
    /// refreshes the Dow 30 from it: a later <c>glidepath prices refresh --provider local</c> reads
    /// the same files and finds nothing new.
    /// </summary>
    private async Task RefreshPricesAsync(DemoPriceFile file, DemoCalendar calendar, IReadOnlyList<string> symbols, CancellationToken ct)
    {
        var folder = marketData.Value.For(LocalFolderProvider.ProviderName).BaseUrl
            ?? throw new InvalidOperationException("The demo's prices come from the local provider: set MarketData:Providers:local:BaseUrl to a folder (appsettings.json has ./data/prices).");
        await file.WriteLocalFilesAsync(Path.GetFullPath(folder), calendar, ct);
        var report = await prices.RefreshAsync(new PriceRefreshRequest(LocalFolderProvider.ProviderName, symbols, calendar.Shift(calendar.FirstClose)), ct);
        if (report.AnyFailed)
        {
            throw new InvalidOperationException("The demo's prices did not load: " + string.Join("; ", report.Symbols.Where(s => s.Reason is not null).Take(5).Select(s => $"{s.Symbol}: {s.Reason}")));
        }
    }

    /// <summary>Adds the Dow 30 instruments that are not there yet (by symbol), priced by the local provider; keyed by symbol.</summary>
    private async Task<Dictionary<string, Instrument>> EnsureInstrumentsAsync(IReadOnlyList<Instrument> wanted, CancellationToken ct)
    {
        var symbols = wanted.Select(i => i.Symbol).ToList();
        var existing = await db.Instruments.Where(i => symbols.Contains(i.Symbol)).ToListAsync(ct);
        var bySymbol = existing.GroupBy(i => i.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var instrument in wanted.Where(i => !bySymbol.ContainsKey(i.Symbol)))
        {
            instrument.PriceProvider = LocalFolderProvider.ProviderName;
            db.Instruments.Add(instrument);
            bySymbol[instrument.Symbol] = instrument;
        }

        await db.SaveChangesAsync(ct);
        return bySymbol;
    }
}
