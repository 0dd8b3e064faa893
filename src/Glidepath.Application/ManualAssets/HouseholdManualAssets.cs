using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.ManualAssets;

/// <summary>
/// Manual assets and liabilities (home, car, mortgage) and their value history. They count in the
/// valuation and net-worth reads (the latest value on or before each date), never in the ledger.
/// Each operation answers the item with its whole history.
/// </summary>
public sealed class HouseholdManualAssets(GlidepathDbContext db, TimeProvider clock)
{
    /// <summary>Values above this are typing errors, not homes (and keep sums far from decimal's limits).</summary>
    private const decimal MaxAmount = 1_000_000_000_000m;

    public async Task<IReadOnlyList<ManualAsset>> ListAsync(Guid householdId, CancellationToken ct)
    {
        var items = await db.ManualAssets.AsNoTracking().Include(m => m.Values).Where(m => m.HouseholdId == householdId).ToListAsync(ct);
        return [.. items.OrderBy(m => m.Kind).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<Result<ManualAsset>> GetAsync(Guid householdId, Guid manualAssetId, CancellationToken ct) =>
        await FindAsync(householdId, manualAssetId, ct) is { } item ? item : NotFound(manualAssetId);

    public async Task<Result<ManualAsset>> CreateAsync(Guid householdId, ManualAssetRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        if (errors.Failed)
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
        return item;
    }

    /// <summary>A stale <see cref="ManualAssetRequest.Version"/> makes the save throw; a concurrency conflict (the server answers 409).</summary>
    public async Task<Result<ManualAsset>> UpdateAsync(Guid householdId, Guid manualAssetId, ManualAssetRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await FindAsync(householdId, manualAssetId, ct);
        if (item is null)
        {
            return NotFound(manualAssetId);
        }

        var errors = Validate(request, out var currency)
            .Check(request.Version is not null, "version", "Send the version you read, so a concurrent change is not overwritten.")
            .Check(request.Amount is null && request.Date is null, "amount", "Values are changed through /values.");
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        db.Entry(item).Property(m => m.Version).OriginalValue = request.Version!.Value;
        item.Name = request.Name!.Trim();
        item.Kind = request.Kind!.Value;
        item.Category = request.Category!.Value;
        item.Currency = currency;
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<Result<ManualAsset>> DeleteAsync(Guid householdId, Guid manualAssetId, CancellationToken ct)
    {
        var item = await FindAsync(householdId, manualAssetId, ct);
        if (item is null)
        {
            return NotFound(manualAssetId);
        }

        db.ManualAssets.Remove(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<Result<ManualAsset>> AddValueAsync(Guid householdId, Guid manualAssetId, ManualAssetValueRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await FindAsync(householdId, manualAssetId, ct);
        if (item is null)
        {
            return NotFound(manualAssetId);
        }

        var errors = ValidateValue(request, clock.Today());
        if (errors.Failed)
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
        return item;
    }

    public async Task<Result<ManualAsset>> UpdateValueAsync(Guid householdId, Guid manualAssetId, Guid valueId, ManualAssetValueRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await FindAsync(householdId, manualAssetId, ct);
        var value = item?.Values.FirstOrDefault(v => v.Id == valueId);
        if (item is null || value is null)
        {
            return item is null ? NotFound(manualAssetId) : ValueNotFound(valueId);
        }

        var errors = ValidateValue(request, clock.Today());
        if (errors.Failed)
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
        return item;
    }

    public async Task<Result<ManualAsset>> DeleteValueAsync(Guid householdId, Guid manualAssetId, Guid valueId, CancellationToken ct)
    {
        var item = await FindAsync(householdId, manualAssetId, ct);
        var value = item?.Values.FirstOrDefault(v => v.Id == valueId);
        if (item is null || value is null)
        {
            return item is null ? NotFound(manualAssetId) : ValueNotFound(valueId);
        }

        item.Values.Remove(value);
        db.ManualAssetValues.Remove(value);
        await db.SaveChangesAsync(ct);
        return item;
    }

    private Task<ManualAsset?> FindAsync(Guid householdId, Guid id, CancellationToken ct) =>
        db.ManualAssets.Include(m => m.Values).FirstOrDefaultAsync(m => m.Id == id && m.HouseholdId == householdId, ct);

    private static InputChecks Validate(ManualAssetRequest request, out Currency currency)
    {
        currency = Currency.Usd;
        var errors = new InputChecks()
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

    private static InputChecks ValidateValue(ManualAssetValueRequest request, DateOnly today)
    {
        var errors = new InputChecks()
            .Check(request.Date is not null, "date", "A date is required.")
            .Check(request.Amount is not null, "amount", "An amount is required.");
        if (request is { Date: { } date, Amount: { } amount })
        {
            CheckValue(errors, date, amount, today);
        }

        return errors;
    }

    private static void CheckValue(InputChecks errors, DateOnly date, decimal amount, DateOnly today) => errors
        .Check(date <= today, "date", $"The date is after today ({today:yyyy-MM-dd}).")
        .Check(amount >= 0m, "amount", "Enter the value, or for a liability the balance owed, as a positive number.")
        .Check(amount <= MaxAmount, "amount", "The amount is too large.");

    private static Problem NotFound(Guid id) => Problem.NotFound(ErrorCodes.ManualAssetNotFound, $"Manual asset or liability {id} is not in this household.");

    private static Problem ValueNotFound(Guid id) => Problem.NotFound(ErrorCodes.ManualAssetValueNotFound, $"Value {id} is not in this item's history.");

    private static Problem SameDay(DateOnly date) =>
        Problem.Conflict(ErrorCodes.DuplicateManualAssetValue, $"There is already a value on {date:yyyy-MM-dd}; edit that one instead.");
}
