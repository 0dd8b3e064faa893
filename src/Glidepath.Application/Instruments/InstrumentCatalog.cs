using Glidepath.Application.Errors;
using Glidepath.Application.Households;
using Glidepath.Application.Validation;
using Glidepath.Domain.Calendar;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Valuation;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Instruments;

/// <summary>A page of instruments and how many match in all.</summary>
public sealed record InstrumentSlice(IReadOnlyList<Instrument> Items, int Page, int PageSize, int TotalCount);

/// <summary>
/// Instruments and their daily closes. Shared instruments are reference data: every caller reads them, only
/// those who keep the reference data write them or their prices. A household's private instruments (custom
/// assets, symbols the shared list lacks) are seen and written by those who reach the household and by no one
/// else: another household's private instrument is not found, like any other id the caller may not see.
/// </summary>
public sealed class InstrumentCatalog(GlidepathDbContext db, ValuationProjector valuations, PriceUpdates updates)
{
    public static Problem NotFound(Guid instrumentId) => Problem.NotFound(ErrorCodes.InstrumentNotFound, $"Instrument {instrumentId} does not exist.");

    /// <summary>
    /// One page of the instruments the caller sees, by symbol. A household narrows to what it may use (shared and
    /// its own); <c>InUse</c> (with a household) to its own instruments and those its transactions or targets name.
    /// <c>Q</c> searches symbol (prefix), name (contains) and ISIN (exact); <c>Symbol</c> matches one symbol. The
    /// front door has already refused a household the caller may not reach.
    /// </summary>
    public async Task<Result<InstrumentSlice>> ListAsync(Caller caller, InstrumentQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var errors = new InputChecks().CheckPage(query.Page, query.PageSize)
            .Check(query.InUse != true || query.HouseholdId is not null, "inUse", "inUse needs a householdId.")
            .Check(query.Q is null || query.Q.Length <= 100, "q", "A search is at most 100 characters.");
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var instruments = query.HouseholdId is { } household
            ? db.Instruments.AsNoTracking().Where(i => i.HouseholdId == null || i.HouseholdId == household)
            : Visible(caller);
        if (query.HouseholdId is { } used && query.InUse == true)
        {
            var accounts = db.Accounts.Where(a => a.HouseholdId == used).Select(a => a.Id);
            instruments = instruments.Where(i => i.HouseholdId == used
                || db.Transactions.Any(t => t.InstrumentId == i.Id && accounts.Contains(t.AccountId))
                || db.RebalanceTargets.Any(t => t.HouseholdId == used && (t.InstrumentId == i.Id || t.BuyInstrumentId == i.Id)));
        }

        if (!string.IsNullOrWhiteSpace(query.Symbol))
        {
            var wanted = query.Symbol.Trim().ToUpperInvariant();
            instruments = instruments.Where(i => i.Symbol == wanted);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var upper = query.Q.Trim().ToUpperInvariant();
            var pattern = "%" + query.Q.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            instruments = instruments.Where(i => i.Symbol.StartsWith(upper) || EF.Functions.Like(i.Name.ToLower(), pattern, @"\") || i.Isin == upper);
        }

        if (query.AssetClass is { } wantedClass)
        {
            instruments = instruments.Where(i => i.AssetClass == wantedClass);
        }

        var total = await instruments.CountAsync(ct);
        var items = await instruments.OrderBy(i => i.Symbol).ThenBy(i => i.Exchange).ThenBy(i => i.HouseholdId)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new InstrumentSlice(items, query.Page, query.PageSize, total);
    }

    public async Task<Result<Instrument>> GetAsync(Caller caller, Guid instrumentId, CancellationToken ct) =>
        await Visible(caller).FirstOrDefaultAsync(i => i.Id == instrumentId, ct) is { } instrument ? instrument : NotFound(instrumentId);

    /// <summary>A private instrument (with a household, up to <paramref name="maxPerHousehold"/> of them) or, for a reference-data keeper, a shared one.</summary>
    public async Task<Result<Instrument>> CreateAsync(InstrumentWriter writer, InstrumentRequest request, int maxPerHousehold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        var instrument = new Instrument { Symbol = "", HouseholdId = request.HouseholdId };
        if (request.HouseholdId is { } householdId)
        {
            if (await writer.HouseholdDenial(householdId) is { } denial)
            {
                return denial.Kind == ProblemKind.Forbidden ? denial : Problem.NotFound(ErrorCodes.HouseholdNotFound, $"Household {householdId} does not exist.");
            }

            var held = await db.Instruments.CountAsync(i => i.HouseholdId == householdId, ct);
            if (held >= maxPerHousehold)
            {
                return Problem.Refused(ErrorCodes.InstrumentLimitReached,
                    $"A household keeps at most {maxPerHousehold} instruments of its own (Glidepath:Instruments:MaxPerHousehold).");
            }
        }
        else if (!writer.MayWriteShared)
        {
            return SharedReadOnly();
        }

        if (Apply(request, instrument) is { Failed: true } errors)
        {
            return errors.ToProblem();
        }

        if (await IsDuplicateAsync(instrument, ct))
        {
            return Duplicate(instrument);
        }

        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
        return instrument;
    }

    public async Task<Result<Instrument>> UpdateAsync(InstrumentWriter writer, Guid instrumentId, InstrumentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await WritableAsync(writer, instrumentId, tracking: true, ct);
        if (!found.TryGet(out var instrument, out var problem))
        {
            return problem;
        }

        if (Apply(request, instrument) is { Failed: true } errors)
        {
            return errors.ToProblem();
        }

        if (await IsDuplicateAsync(instrument, ct))
        {
            return Duplicate(instrument);
        }

        await db.SaveChangesAsync(ct);
        return instrument;
    }

    /// <summary>An instrument that any history or lot refers to stays; its prices go with it.</summary>
    public async Task<Result<Instrument>> DeleteAsync(InstrumentWriter writer, Guid instrumentId, CancellationToken ct)
    {
        var found = await WritableAsync(writer, instrumentId, tracking: true, ct);
        if (!found.TryGet(out var instrument, out var problem))
        {
            return problem;
        }

        if (await db.Transactions.AnyAsync(t => t.InstrumentId == instrumentId, ct))
        {
            return Problem.Conflict(ErrorCodes.InstrumentInUse, $"{instrument.Symbol} appears in transactions; it cannot be deleted.");
        }

        db.Instruments.Remove(instrument);
        await db.SaveChangesAsync(ct);
        return instrument;
    }

    public async Task<Result<List<PriceClose>>> PricesAsync(Caller caller, Guid instrumentId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!await Visible(caller).AnyAsync(i => i.Id == instrumentId, ct))
        {
            return NotFound(instrumentId);
        }

        return await db.Prices.AsNoTracking()
            .Where(p => p.InstrumentId == instrumentId && (from == null || p.Date >= from) && (to == null || p.Date <= to))
            .OrderBy(p => p.Date)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Upserts closes by date (a close for a day that has one replaces it), marks the valuations of every household
    /// that traded the instrument stale from the first date in the same transaction, then tells them.
    /// </summary>
    public async Task<Result<List<PriceDto>>> PutPricesAsync(InstrumentWriter writer, Guid instrumentId, IReadOnlyList<PriceDto?> prices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var found = await WritableAsync(writer, instrumentId, tracking: false, ct);
        if (!found.TryGet(out _, out var problem))
        {
            return problem;
        }

        var errors = new InputChecks();
        for (var i = 0; i < prices.Count; i++)
        {
            if (prices[i] is not { } price)
            {
                errors.Add($"[{i}]", "A close is an object with a date and a close.");
                continue;
            }

            errors.Check(price.Close > 0m, $"[{i}].close", "A close must be positive.");
            errors.Check(price.Close <= Magnitudes.Max, $"[{i}].close", $"A close {Magnitudes.TooLarge(Magnitudes.Max)}");
            errors.Check(ValidDates.Contains(price.Date), $"[{i}].date", $"A date must be {ValidDates.Description}.");
        }

        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var closes = prices.Select(p => p!).ToList();
        if (closes.Select(p => p.Date).Distinct().Count() != closes.Count)
        {
            return Problem.Invalid("date", "Each date may appear once.");
        }

        var dates = closes.Select(p => p.Date).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Prices.Where(p => p.InstrumentId == instrumentId && dates.Contains(p.Date)).ExecuteDeleteAsync(ct);
        db.Prices.AddRange(closes.Select(p => new PriceClose(instrumentId, p.Date, p.Close)));
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

        return closes.OrderBy(p => p.Date).ToList();
    }

    /// <summary>The shared instruments and the private ones of every household the caller reaches (owned, or granted to an advisor).</summary>
    private IQueryable<Instrument> Visible(Caller caller, bool tracking = false)
    {
        var households = caller.VisibleHouseholdIds(db);
        var instruments = tracking ? db.Instruments : db.Instruments.AsNoTracking();
        return instruments.Where(i => i.HouseholdId == null || households.Contains(i.HouseholdId.Value));
    }

    /// <summary>
    /// The instrument, when the writer sees it and may change it: a shared one needs the reference-data scope,
    /// a private one its household's write access.
    /// </summary>
    private async Task<Result<Instrument>> WritableAsync(InstrumentWriter writer, Guid instrumentId, bool tracking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (await Visible(writer.Caller, tracking).FirstOrDefaultAsync(i => i.Id == instrumentId, ct) is not { } instrument)
        {
            return NotFound(instrumentId);
        }

        if (instrument.HouseholdId is not { } householdId)
        {
            return writer.MayWriteShared ? instrument : SharedReadOnly();
        }

        return await writer.HouseholdDenial(householdId) switch
        {
            null => instrument,
            { Kind: ProblemKind.Forbidden } forbidden => forbidden,
            _ => Problem.Forbidden(AuthErrorCodes.Forbidden, "This instrument belongs to a household you may not change."),
        };
    }

    private static Problem SharedReadOnly() => Problem.Forbidden(
        ErrorCodes.ReferenceDataReadOnly,
        "Shared instruments and their prices are kept by the server's operators. Create an instrument private to your household instead (householdId).");

    private static InputChecks Apply(InstrumentRequest request, Instrument instrument)
    {
        var errors = new InputChecks()
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

        if (!errors.Failed)
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
    private Task<bool> IsDuplicateAsync(Instrument instrument, CancellationToken ct) =>
        db.Instruments.AnyAsync(
            i => i.Id != instrument.Id && i.Symbol == instrument.Symbol && i.Exchange == instrument.Exchange
                && (i.HouseholdId == null || i.HouseholdId == instrument.HouseholdId),
            ct);

    private static Problem Duplicate(Instrument instrument) =>
        Problem.Conflict(ErrorCodes.DuplicateInstrument, $"An instrument {instrument.Symbol} on '{instrument.Exchange}' already exists.");
}
