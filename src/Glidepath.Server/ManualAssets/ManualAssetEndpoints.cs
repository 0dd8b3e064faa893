using Glidepath.Domain.Currencies;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.ManualAssets;

/// <summary>
/// Manual assets and liabilities (home, car, mortgage) and their value history:
/// <c>/api/households/{householdId}/manual-assets[/{id}[/values[/{valueId}]]]</c>. They count in the
/// valuation and net-worth routes (the latest value on or before each date), never in the ledger.
/// </summary>
public static class ManualAssetEndpoints
{
    /// <summary>Values above this are typing errors, not homes (and keep sums far from decimal's limits).</summary>
    private const decimal MaxAmount = 1_000_000_000_000m;

    public static RouteGroupBuilder MapManualAssetEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/manual-assets").WithTags("Manual assets");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{manualAssetId:guid}", Get).WithName("GetManualAsset");
        group.MapPut("/{manualAssetId:guid}", Update);
        group.MapDelete("/{manualAssetId:guid}", Delete);
        group.MapPost("/{manualAssetId:guid}/values", AddValue);
        group.MapPut("/{manualAssetId:guid}/values/{valueId:guid}", UpdateValue);
        group.MapDelete("/{manualAssetId:guid}/values/{valueId:guid}", DeleteValue);
        return household;
    }

    private static async Task<Ok<List<ManualAssetDto>>> List(Guid householdId, GlidepathDbContext db, CancellationToken ct)
    {
        var items = await db.ManualAssets.AsNoTracking().Include(m => m.Values).Where(m => m.HouseholdId == householdId).ToListAsync(ct);
        return TypedResults.Ok(items.OrderBy(m => m.Kind).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).Select(m => m.ToDto()).ToList());
    }

    private static async Task<Results<Ok<ManualAssetDto>, NotFoundProblem>> Get(Guid householdId, Guid manualAssetId, GlidepathDbContext db, CancellationToken ct) =>
        await FindAsync(db, householdId, manualAssetId, ct) is { } item ? TypedResults.Ok(item.ToDto()) : NotFound(manualAssetId);

    private static async Task<Results<CreatedAtRoute<ManualAssetDto>, ValidationProblem>> Create(
        Guid householdId, ManualAssetRequest request, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = Validate(request, out var currency);
        if (request.Amount is { } amount)
        {
            CheckValue(errors, request.Date ?? today, amount, today);
        }
        else
        {
            errors.Check(request.Date is null, "amount", "A date needs an amount.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var item = new ManualAsset { HouseholdId = householdId, Name = request.Name!.Trim(), Kind = request.Kind!.Value, Category = request.Category!.Value, Currency = currency };
        if (request.Amount is { } first)
        {
            item.Values.Add(new ManualAssetValue { ManualAssetId = item.Id, Date = request.Date ?? today, Amount = first });
        }

        db.ManualAssets.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(item.ToDto(), "GetManualAsset", new { householdId, manualAssetId = item.Id });
    }

    /// <summary>A stale <see cref="ManualAssetRequest.Version"/> makes the save throw; the exception handler answers 409.</summary>
    private static async Task<Results<Ok<ManualAssetDto>, NotFoundProblem, ValidationProblem>> Update(
        Guid householdId, Guid manualAssetId, ManualAssetRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var item = await FindAsync(db, householdId, manualAssetId, ct);
        if (item is null)
        {
            return NotFound(manualAssetId);
        }

        var errors = Validate(request, out var currency)
            .Check(request.Version is not null, "version", "Send the version you read, so a concurrent change is not overwritten.")
            .Check(request.Amount is null && request.Date is null, "amount", "Values are changed through /values.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        db.Entry(item).Property(m => m.Version).OriginalValue = request.Version!.Value;
        item.Name = request.Name!.Trim();
        item.Kind = request.Kind!.Value;
        item.Category = request.Category!.Value;
        item.Currency = currency;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(item.ToDto());
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Delete(Guid householdId, Guid manualAssetId, GlidepathDbContext db, CancellationToken ct)
    {
        var item = await FindAsync(db, householdId, manualAssetId, ct);
        if (item is null)
        {
            return NotFound(manualAssetId);
        }

        db.ManualAssets.Remove(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ManualAssetDto>, NotFoundProblem, ValidationProblem, ConflictProblem>> AddValue(
        Guid householdId, Guid manualAssetId, ManualAssetValueRequest request, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await FindAsync(db, householdId, manualAssetId, ct);
        if (item is null)
        {
            return NotFound(manualAssetId);
        }

        var errors = ValidateValue(request, clock.Today());
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (item.Values.Any(v => v.Date == request.Date))
        {
            return SameDay(request.Date!.Value);
        }

        var value = new ManualAssetValue { ManualAssetId = item.Id, Date = request.Date!.Value, Amount = request.Amount!.Value };
        db.ManualAssetValues.Add(value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(item.ToDto());
    }

    private static async Task<Results<Ok<ManualAssetDto>, NotFoundProblem, ValidationProblem, ConflictProblem>> UpdateValue(
        Guid householdId, Guid manualAssetId, Guid valueId, ManualAssetValueRequest request, GlidepathDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await FindAsync(db, householdId, manualAssetId, ct);
        var value = item?.Values.FirstOrDefault(v => v.Id == valueId);
        if (item is null || value is null)
        {
            return item is null ? NotFound(manualAssetId) : ValueNotFound(valueId);
        }

        var errors = ValidateValue(request, clock.Today());
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (item.Values.Any(v => v.Id != valueId && v.Date == request.Date))
        {
            return SameDay(request.Date!.Value);
        }

        value.Date = request.Date!.Value;
        value.Amount = request.Amount!.Value;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(item.ToDto());
    }

    private static async Task<Results<Ok<ManualAssetDto>, NotFoundProblem>> DeleteValue(
        Guid householdId, Guid manualAssetId, Guid valueId, GlidepathDbContext db, CancellationToken ct)
    {
        var item = await FindAsync(db, householdId, manualAssetId, ct);
        var value = item?.Values.FirstOrDefault(v => v.Id == valueId);
        if (item is null || value is null)
        {
            return item is null ? NotFound(manualAssetId) : ValueNotFound(valueId);
        }

        item.Values.Remove(value);
        db.ManualAssetValues.Remove(value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(item.ToDto());
    }

    private static Task<ManualAsset?> FindAsync(GlidepathDbContext db, Guid householdId, Guid id, CancellationToken ct) =>
        db.ManualAssets.Include(m => m.Values).FirstOrDefaultAsync(m => m.Id == id && m.HouseholdId == householdId, ct);

    private static ValidationErrors Validate(ManualAssetRequest request, out Currency currency)
    {
        currency = Currency.Usd;
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .Check(request.Kind is { } k && Enum.IsDefined(k), "kind", "Say whether it is an Asset or a Liability.")
            .Check(request.Category is { } c && Enum.IsDefined(c), "category", "Choose a category: RealEstate, Vehicle, Valuables, Mortgage, Loan or Other.");
        if (request is { Kind: { } kind, Category: { } category } && !Fits(kind, category))
        {
            errors.Add("category", $"{category} is not a category of {(kind == ManualAssetKind.Asset ? "asset" : "liability")}.");
        }

        if (request.Currency is not null && !Currency.TryParse(request.Currency, out currency))
        {
            errors.Add("currency", $"'{request.Currency}' is not a supported ISO-4217 currency code.");
        }

        return errors;
    }

    /// <summary>A mortgage or loan is owed; a home, car or valuables are owned; "other" can be either.</summary>
    private static bool Fits(ManualAssetKind kind, ManualAssetCategory category) => category switch
    {
        ManualAssetCategory.Mortgage or ManualAssetCategory.Loan => kind == ManualAssetKind.Liability,
        ManualAssetCategory.Other => true,
        _ => kind == ManualAssetKind.Asset,
    };

    private static ValidationErrors ValidateValue(ManualAssetValueRequest request, DateOnly today)
    {
        var errors = new ValidationErrors()
            .Check(request.Date is not null, "date", "A date is required.")
            .Check(request.Amount is not null, "amount", "An amount is required.");
        if (request is { Date: { } date, Amount: { } amount })
        {
            CheckValue(errors, date, amount, today);
        }

        return errors;
    }

    private static void CheckValue(ValidationErrors errors, DateOnly date, decimal amount, DateOnly today) => errors
        .Check(date <= today, "date", $"The date is after today ({today:yyyy-MM-dd}).")
        .Check(amount >= 0m, "amount", "Enter the value, or for a liability the balance owed, as a positive number.")
        .Check(amount <= MaxAmount, "amount", "The amount is too large.");

    private static NotFoundProblem NotFound(Guid id) => new(ErrorCodes.ManualAssetNotFound, $"Manual asset or liability {id} is not in this household.");

    private static NotFoundProblem ValueNotFound(Guid id) => new(ErrorCodes.ManualAssetValueNotFound, $"Value {id} is not in this item's history.");

    private static ConflictProblem SameDay(DateOnly date) =>
        new(ErrorCodes.DuplicateManualAssetValue, $"There is already a value on {date:yyyy-MM-dd}; edit that one instead.");
}
