using Glidepath.Domain.Calendar;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Instruments;

/// <summary>
/// Instruments and their daily closes: <c>/api/instruments</c>. Shared reference data: every signed-in
/// user reads it; writing needs the <c>write:reference-data</c> scope (Auth:ReferenceDataWriters).
/// </summary>
public static class InstrumentEndpoints
{
    public static IEndpointRouteBuilder MapInstrumentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instruments").WithTags("Instruments");
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireAuthorization(AuthPolicies.ReferenceDataWriter);
        group.MapGet("/{instrumentId:guid}", Get).WithName("GetInstrument");
        group.MapPut("/{instrumentId:guid}", Update).RequireAuthorization(AuthPolicies.ReferenceDataWriter);
        group.MapDelete("/{instrumentId:guid}", Delete).RequireAuthorization(AuthPolicies.ReferenceDataWriter);
        group.MapGet("/{instrumentId:guid}/prices", Prices);
        group.MapPut("/{instrumentId:guid}/prices", PutPrices).RequireAuthorization(AuthPolicies.ReferenceDataWriter);
        return api;
    }

    public static NotFoundProblem NotFound(Guid instrumentId) => new(ErrorCodes.InstrumentNotFound, $"Instrument {instrumentId} does not exist.");

    private static async Task<Ok<List<InstrumentDto>>> List(string? symbol, GlidepathDbContext db, CancellationToken ct)
    {
        var query = db.Instruments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(symbol))
        {
            var wanted = symbol.Trim().ToUpperInvariant();
            query = query.Where(i => i.Symbol == wanted);
        }

        return TypedResults.Ok(await query.OrderBy(i => i.Symbol).ThenBy(i => i.Exchange).Select(i => i.ToDto()).ToListAsync(ct));
    }

    private static async Task<Results<Ok<InstrumentDto>, NotFoundProblem>> Get(Guid instrumentId, GlidepathDbContext db, CancellationToken ct) =>
        await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instrumentId, ct) is { } instrument
            ? TypedResults.Ok(instrument.ToDto())
            : NotFound(instrumentId);

    private static async Task<Results<CreatedAtRoute<InstrumentDto>, ValidationProblem, ConflictProblem>> Create(
        InstrumentRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var instrument = new Instrument { Symbol = "" };
        if (Apply(request, instrument) is { HasErrors: true } errors)
        {
            return errors.ToProblem();
        }

        if (await IsDuplicateAsync(db, instrument, ct))
        {
            return Duplicate(instrument);
        }

        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(instrument.ToDto(), "GetInstrument", new { instrumentId = instrument.Id });
    }

    private static async Task<Results<Ok<InstrumentDto>, NotFoundProblem, ValidationProblem, ConflictProblem>> Update(
        Guid instrumentId, InstrumentRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == instrumentId, ct);
        if (instrument is null)
        {
            return NotFound(instrumentId);
        }

        if (Apply(request, instrument) is { HasErrors: true } errors)
        {
            return errors.ToProblem();
        }

        if (await IsDuplicateAsync(db, instrument, ct))
        {
            return Duplicate(instrument);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(instrument.ToDto());
    }

    /// <summary>An instrument that any history or lot refers to stays; its prices go with it.</summary>
    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> Delete(Guid instrumentId, GlidepathDbContext db, CancellationToken ct)
    {
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Id == instrumentId, ct);
        if (instrument is null)
        {
            return NotFound(instrumentId);
        }

        if (await db.Transactions.AnyAsync(t => t.InstrumentId == instrumentId, ct))
        {
            return new ConflictProblem(ErrorCodes.InstrumentInUse, $"{instrument.Symbol} appears in transactions; it cannot be deleted.");
        }

        db.Instruments.Remove(instrument);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<PriceDto>>, NotFoundProblem>> Prices(
        Guid instrumentId, DateOnly? from, DateOnly? to, GlidepathDbContext db, CancellationToken ct)
    {
        if (!await db.Instruments.AnyAsync(i => i.Id == instrumentId, ct))
        {
            return NotFound(instrumentId);
        }

        var prices = await db.Prices.AsNoTracking()
            .Where(p => p.InstrumentId == instrumentId && (from == null || p.Date >= from) && (to == null || p.Date <= to))
            .OrderBy(p => p.Date)
            .ToListAsync(ct);
        return TypedResults.Ok(prices.Select(p => p.ToDto()).ToList());
    }

    /// <summary>Upserts closes by date (a close for a day that has one replaces it).</summary>
    private static async Task<Results<Ok<List<PriceDto>>, NotFoundProblem, ValidationProblem>> PutPrices(
        Guid instrumentId, List<PriceDto> prices, GlidepathDbContext db, CancellationToken ct)
    {
        if (!await db.Instruments.AnyAsync(i => i.Id == instrumentId, ct))
        {
            return NotFound(instrumentId);
        }

        var errors = new ValidationErrors();
        for (var i = 0; i < prices.Count; i++)
        {
            errors.Check(prices[i].Close > 0m, $"[{i}].close", "A close must be positive.");
            errors.Check(ValidDates.Contains(prices[i].Date), $"[{i}].date", $"A date must be {ValidDates.Description}.");
        }

        errors.Check(prices.Select(p => p.Date).Distinct().Count() == prices.Count, "date", "Each date may appear once.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var dates = prices.Select(p => p.Date).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Prices.Where(p => p.InstrumentId == instrumentId && dates.Contains(p.Date)).ExecuteDeleteAsync(ct);
        db.Prices.AddRange(prices.Select(p => new PriceClose(instrumentId, p.Date, p.Close)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(prices.OrderBy(p => p.Date).ToList());
    }

    private static ValidationErrors Apply(InstrumentRequest request, Instrument instrument)
    {
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Symbol) && request.Symbol.Trim().Length <= 32, "symbol", "A symbol of at most 32 characters is required.")
            .Check(Enum.IsDefined(request.Type), "type", "Unknown instrument type.")
            .Check(Enum.IsDefined(request.AssetClass), "assetClass", "Unknown asset class.")
            .Check(request.Isin is null || request.Isin.Trim().Length == 12, "isin", "An ISIN has 12 characters.");
        var currency = Currency.Usd;
        if (request.Currency is not null && !Currency.TryParse(request.Currency, out currency))
        {
            errors.Add("currency", $"'{request.Currency}' is not a supported ISO-4217 currency code.");
        }

        if (!errors.HasErrors)
        {
            instrument.Symbol = request.Symbol!.Trim().ToUpperInvariant();
            instrument.Name = request.Name?.Trim() ?? "";
            instrument.Type = request.Type;
            instrument.AssetClass = request.AssetClass;
            instrument.Currency = currency;
            instrument.Exchange = request.Exchange?.Trim().ToUpperInvariant() ?? "";
            instrument.Isin = request.Isin?.Trim().ToUpperInvariant();
        }

        return errors;
    }

    private static Task<bool> IsDuplicateAsync(GlidepathDbContext db, Instrument instrument, CancellationToken ct) =>
        db.Instruments.AnyAsync(i => i.Id != instrument.Id && i.Symbol == instrument.Symbol && i.Exchange == instrument.Exchange, ct);

    private static ConflictProblem Duplicate(Instrument instrument) =>
        new(ErrorCodes.DuplicateInstrument, $"An instrument {instrument.Symbol} on '{instrument.Exchange}' already exists.");
}
