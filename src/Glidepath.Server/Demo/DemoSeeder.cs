using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Prices;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Demo;

/// <summary>
/// Creates the demo household in an empty database: the Dow 30 instruments, their real closes
/// (moved forward to today by <see cref="DemoCalendar"/>, then imported through the price importer,
/// as a user would), and the generated history booked through the ledger store. All of it or nothing.
/// </summary>
public sealed class DemoSeeder(
    GlidepathDbContext db, LedgerStore ledger, PriceImporter prices, TimeProvider clock, IOptions<DemoDataOptions> options, ILogger<DemoSeeder> logger)
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

        // Instruments first so the importer finds them with their names; it upserts closes in its own
        // database transaction, so prices stay even if a later step fails (a re-run is harmless).
        var instruments = await EnsureInstrumentsAsync(DowJonesInstruments.Create(NewId), ct);
        var file = DemoPriceFile.Read(Path.Combine(AppContext.BaseDirectory, options.Value.DemoPricesFile));
        var calendar = DemoCalendar.For(file.Dates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await ImportPricesAsync(file.ShiftedCsv(calendar), ct);

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

        var booked = await ledger.AddTransactionsAsync(history, ct);
        if (!booked.Succeeded)
        {
            // The generator only writes what its own book allows; a refusal is a bug in it.
            throw new InvalidOperationException("The ledger refused the demo history: " + string.Join("; ", booked.Errors.Take(5).Select(e => e.Message)));
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Created the demo household {HouseholdId} with {Count} transactions; {Note}", demo.Household.Id, history.Count, calendar.Note);
        return demo.Household.Id;
    }

    /// <summary>Adds the Dow 30 instruments that are not there yet (by symbol); keyed by symbol.</summary>
    private async Task<Dictionary<string, Instrument>> EnsureInstrumentsAsync(IReadOnlyList<Instrument> wanted, CancellationToken ct)
    {
        var symbols = wanted.Select(i => i.Symbol).ToList();
        var existing = await db.Instruments.Where(i => symbols.Contains(i.Symbol)).ToListAsync(ct);
        var bySymbol = existing.GroupBy(i => i.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var instrument in wanted.Where(i => !bySymbol.ContainsKey(i.Symbol)))
        {
            db.Instruments.Add(instrument);
            bySymbol[instrument.Symbol] = instrument;
        }

        await db.SaveChangesAsync(ct);
        return bySymbol;
    }

    private async Task ImportPricesAsync(Stream csv, CancellationToken ct)
    {
        var result = await prices.ImportAsync(csv, options: new ImportOptions { CreateMissingInstruments = false }, cancellationToken: ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo price file {options.Value.DemoPricesFile} did not import: {string.Join("; ", result.Errors.Take(5))}");
        }
    }
}
