using System.Security.Claims;
using Glidepath.Domain.Calendar;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Valuation;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Instruments;

/// <summary>
/// Instruments and their daily closes: <c>/api/instruments</c>. Shared instruments are reference data:
/// every signed-in user reads them, only holders of <c>write:reference-data</c> (Auth:ReferenceDataWriters,
/// admins by default) write them or their prices. A household's private instruments (custom assets,
/// symbols the shared list lacks) are seen and written by those who reach the household, and by no one
/// else: another household's private instrument is 404, like any other id the caller may not see.
/// </summary>
public static class InstrumentEndpoints
{
    public static IEndpointRouteBuilder MapInstrumentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instruments").WithTags("Instruments");
        group.MapGet("/", List).WithPageLinks();
        group.MapPost("/", Create);
        group.MapGet("/{instrumentId:guid}", Get).WithName("GetInstrument");
        group.MapPut("/{instrumentId:guid}", Update);
        group.MapDelete("/{instrumentId:guid}", Delete);
        group.MapGet("/{instrumentId:guid}/prices", Prices);
        group.MapPut("/{instrumentId:guid}/prices", PutPrices);
        return api;
    }

    public static NotFoundProblem NotFound(Guid instrumentId) => new(ErrorCodes.InstrumentNotFound, $"Instrument {instrumentId} does not exist.");

    /// <summary>
    /// One page of the instruments the caller sees, by symbol. <paramref name="householdId"/> narrows to
    /// what that household may use (shared and its own); <paramref name="inUse"/> (with a household) to
    /// its own instruments and those its transactions or targets name. <paramref name="q"/> searches
    /// symbol (prefix), name (contains) and ISIN (exact); <paramref name="symbol"/> matches one symbol.
    /// </summary>
    private static async Task<Results<Ok<InstrumentPage>, ValidationProblem>> List(
        string? q, string? symbol, Guid? householdId, AssetClass? assetClass, bool? inUse, int? page, int? pageSize,
        ClaimsPrincipal user, GlidepathDbContext db, CancellationToken ct)
    {
        var (pageNumber, size) = (page ?? 1, pageSize ?? 50);
        var errors = new ValidationErrors().CheckPage(pageNumber, size)
            .Check(inUse != true || householdId is not null, "inUse", "inUse needs a householdId.")
            .Check(q is null || q.Length <= 100, "q", "A search is at most 100 characters.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        // The ownership filter has already refused a householdId the caller may not reach.
        var query = householdId is { } household
            ? db.Instruments.AsNoTracking().Where(i => i.HouseholdId == null || i.HouseholdId == household)
            : Visible(db, user);
        if (householdId is { } used && inUse == true)
        {
            var accounts = db.Accounts.Where(a => a.HouseholdId == used).Select(a => a.Id);
            query = query.Where(i => i.HouseholdId == used
                || db.Transactions.Any(t => t.InstrumentId == i.Id && accounts.Contains(t.AccountId))
                || db.RebalanceTargets.Any(t => t.HouseholdId == used && (t.InstrumentId == i.Id || t.BuyInstrumentId == i.Id)));
        }

        if (!string.IsNullOrWhiteSpace(symbol))
        {
            var wanted = symbol.Trim().ToUpperInvariant();
            query = query.Where(i => i.Symbol == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var upper = q.Trim().ToUpperInvariant();
            var pattern = "%" + q.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            query = query.Where(i => i.Symbol.StartsWith(upper) || EF.Functions.Like(i.Name.ToLower(), pattern, @"\") || i.Isin == upper);
        }

        if (assetClass is { } wantedClass)
        {
            query = query.Where(i => i.AssetClass == wantedClass);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(i => i.Symbol).ThenBy(i => i.Exchange).ThenBy(i => i.HouseholdId)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        var writer = MayWriteShared(user);
        return TypedResults.Ok(new InstrumentPage([.. items.Select(i => i.ToDto(writer))], pageNumber, size, total));
    }

    private static async Task<Results<Ok<InstrumentDto>, NotFoundProblem>> Get(Guid instrumentId, ClaimsPrincipal user, GlidepathDbContext db, CancellationToken ct) =>
        await Visible(db, user).FirstOrDefaultAsync(i => i.Id == instrumentId, ct) is { } instrument
            ? TypedResults.Ok(instrument.ToDto(MayWriteShared(user)))
            : NotFound(instrumentId);

    private static async Task<Results<CreatedAtRoute<InstrumentDto>, ValidationProblem, ConflictProblem, ForbiddenProblem, NotFoundProblem, UnprocessableProblem>> Create(
        InstrumentRequest request, HttpContext http, GlidepathDbContext db, IOptions<InstrumentLimits> limits, CancellationToken ct)
    {
        var instrument = new Instrument { Symbol = "", HouseholdId = request.HouseholdId };
        if (request.HouseholdId is { } householdId)
        {
            if (await HouseholdScope.DenialAsync(http, householdId, HouseholdScope.HouseholdNotFound(householdId)) is { } denial)
            {
                return denial is ForbiddenProblem forbidden ? forbidden : HouseholdScope.HouseholdNotFound(householdId);
            }

            var held = await db.Instruments.CountAsync(i => i.HouseholdId == householdId, ct);
            if (held >= limits.Value.MaxPerHousehold)
            {
                return new UnprocessableProblem(ErrorCodes.InstrumentLimitReached,
                    $"A household keeps at most {limits.Value.MaxPerHousehold} instruments of its own (Glidepath:Instruments:MaxPerHousehold).");
            }
        }
        else if (!MayWriteShared(http.User))
        {
            return SharedReadOnly();
        }

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
        return TypedResults.CreatedAtRoute(instrument.ToDto(MayWriteShared(http.User)), "GetInstrument", new { instrumentId = instrument.Id });
    }

    private static async Task<Results<Ok<InstrumentDto>, NotFoundProblem, ValidationProblem, ConflictProblem, ForbiddenProblem>> Update(
        Guid instrumentId, InstrumentRequest request, HttpContext http, GlidepathDbContext db, CancellationToken ct)
    {
        var instrument = await Visible(db, http.User, tracking: true).FirstOrDefaultAsync(i => i.Id == instrumentId, ct);
        if (instrument is null)
        {
            return NotFound(instrumentId);
        }

        if (await WriteDenialAsync(http, instrument) is { } denial)
        {
            return denial;
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
        return TypedResults.Ok(instrument.ToDto(MayWriteShared(http.User)));
    }

    /// <summary>An instrument that any history or lot refers to stays; its prices go with it.</summary>
    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Delete(
        Guid instrumentId, HttpContext http, GlidepathDbContext db, CancellationToken ct)
    {
        var instrument = await Visible(db, http.User, tracking: true).FirstOrDefaultAsync(i => i.Id == instrumentId, ct);
        if (instrument is null)
        {
            return NotFound(instrumentId);
        }

        if (await WriteDenialAsync(http, instrument) is { } denial)
        {
            return denial;
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
        Guid instrumentId, DateOnly? from, DateOnly? to, ClaimsPrincipal user, GlidepathDbContext db, CancellationToken ct)
    {
        if (!await Visible(db, user).AnyAsync(i => i.Id == instrumentId, ct))
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
    private static async Task<Results<Ok<List<PriceDto>>, NotFoundProblem, ValidationProblem, ForbiddenProblem>> PutPrices(
        Guid instrumentId, List<PriceDto> prices, HttpContext http, GlidepathDbContext db, ValuationProjector valuations, PriceUpdates updates, CancellationToken ct)
    {
        var instrument = await Visible(db, http.User).FirstOrDefaultAsync(i => i.Id == instrumentId, ct);
        if (instrument is null)
        {
            return NotFound(instrumentId);
        }

        if (await WriteDenialAsync(http, instrument) is { } denial)
        {
            return denial;
        }

        var errors = new ValidationErrors();
        for (var i = 0; i < prices.Count; i++)
        {
            if (prices[i] is null)
            {
                errors.Add($"[{i}]", "A close is an object with a date and a close.");
                continue;
            }

            errors.Check(prices[i].Close > 0m, $"[{i}].close", "A close must be positive.");
            errors.Check(ValidDates.Contains(prices[i].Date), $"[{i}].date", $"A date must be {ValidDates.Description}.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
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
        if (dates.Count > 0)
        {
            await valuations.MarkInstrumentStaleAsync(instrumentId, dates.Min(), ct);
        }

        await transaction.CommitAsync(ct);
        if (dates.Count > 0)
        {
            await updates.StoredAsync([instrumentId], dates.Max(), ct);
        }

        return TypedResults.Ok(prices.OrderBy(p => p.Date).ToList());
    }

    /// <summary>The shared instruments and the private ones of every household the caller reaches (owned, or granted to an advisor).</summary>
    private static IQueryable<Instrument> Visible(GlidepathDbContext db, ClaimsPrincipal user, bool tracking = false)
    {
        var households = HouseholdScope.VisibleHouseholdIds(db, user);
        var instruments = tracking ? db.Instruments : db.Instruments.AsNoTracking();
        return instruments.Where(i => i.HouseholdId == null || households.Contains(i.HouseholdId.Value));
    }

    private static bool MayWriteShared(ClaimsPrincipal user) => user.HasScope(Scopes.WriteReferenceData);

    /// <summary>Null when the caller may change this instrument: a shared one needs the reference-data scope, a private one its household's write access.</summary>
    private static async Task<ForbiddenProblem?> WriteDenialAsync(HttpContext http, Instrument instrument)
    {
        if (instrument.HouseholdId is not { } householdId)
        {
            return MayWriteShared(http.User) ? null : SharedReadOnly();
        }

        return await HouseholdScope.DenialAsync(http, householdId, NotFound(instrument.Id)) switch
        {
            null => null,
            ForbiddenProblem forbidden => forbidden,
            _ => new ForbiddenProblem(AuthErrorCodes.Forbidden, "This instrument belongs to a household you may not change."),
        };
    }

    private static ForbiddenProblem SharedReadOnly() => new(
        ErrorCodes.ReferenceDataReadOnly,
        "Shared instruments and their prices are kept by the server's operators. Create an instrument private to your household instead (householdId).");

    private static ValidationErrors Apply(InstrumentRequest request, Instrument instrument)
    {
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Symbol), "symbol", "A symbol is required.")
            .CheckLength(request.Symbol, "symbol", TextLimits.Symbol)
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Exchange, "exchange", TextLimits.Exchange)
            .CheckLength(request.Isin, "isin", TextLimits.Isin)
            .Check(Enum.IsDefined(request.Type), "type", "Unknown instrument type.")
            .Check(Enum.IsDefined(request.AssetClass), "assetClass", "Unknown asset class.")
            .Check(request.Isin is null || request.Isin.Trim().Length is 0 or 12, "isin", "An ISIN has 12 characters.");
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
            instrument.Isin = string.IsNullOrWhiteSpace(request.Isin) ? null : request.Isin.Trim().ToUpperInvariant();
        }

        return errors;
    }

    /// <summary>
    /// Shared symbols are unique among the shared ones. A private symbol is unique within its household,
    /// and may not repeat a shared listing (the household uses the shared one), though one the
    /// operators list later may come to share it.
    /// </summary>
    private static Task<bool> IsDuplicateAsync(GlidepathDbContext db, Instrument instrument, CancellationToken ct) =>
        db.Instruments.AnyAsync(
            i => i.Id != instrument.Id && i.Symbol == instrument.Symbol && i.Exchange == instrument.Exchange
                && (i.HouseholdId == null || i.HouseholdId == instrument.HouseholdId),
            ct);

    private static ConflictProblem Duplicate(Instrument instrument) =>
        new(ErrorCodes.DuplicateInstrument, $"An instrument {instrument.Symbol} on '{instrument.Exchange}' already exists.");
}
