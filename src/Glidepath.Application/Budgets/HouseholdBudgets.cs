using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Budgets;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Budgets;

/// <summary>
/// A household's monthly budgets per expense category, their month against actual spending with rollover
/// (<see cref="BudgetCalculator"/>), and the FX rates fixed for a budget month (docs/budgets.md).
/// </summary>
public sealed class HouseholdBudgets(GlidepathDbContext db, TimeProvider clock)
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public async Task<IReadOnlyList<BudgetDto>> ListAsync(Guid householdId, CancellationToken ct)
    {
        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        var currency = await ReportingCurrencyAsync(householdId, ct);
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.HouseholdId == householdId).ToListAsync(ct);
        return [.. budgets.Select(b => ToDto(b, tree, currency)).OrderBy(b => b.CategoryPath, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Creates or replaces the budget of an expense category.</summary>
    public async Task<Result<BudgetDto>> SetAsync(Guid householdId, Guid categoryId, BudgetRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        if (tree.Find(categoryId) is not { } category)
        {
            return Problem.NotFound(ErrorCodes.CategoryNotFound, $"Category {categoryId} is not in this household.");
        }

        var start = request.StartMonth is null ? Months.Of(clock.Today()) : Months.Parse(request.StartMonth);
        var errors = new InputChecks()
            .Check(tree.KindOf(category) == CategoryKind.Expense, "categoryId", $"'{tree.PathOf(category)}' is not an expense category: budgets are for spending.")
            .Check(request.Amount is not null, "amount", "An amount is required.")
            .Check(request.Amount is null or (>= 0m and <= MaxAmount), "amount", "The amount must be zero or more (and below 10^12).")
            .Check(start is not null, "startMonth", "The start month is written yyyy-MM (2026-11).");
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var currency = await ReportingCurrencyAsync(householdId, ct);
        var budget = await db.Budgets.FirstOrDefaultAsync(b => b.HouseholdId == householdId && b.CategoryId == categoryId, ct);
        if (budget is null)
        {
            budget = new Budget { HouseholdId = householdId, CategoryId = categoryId };
            db.Budgets.Add(budget);
        }

        budget.Amount = Math.Round(request.Amount!.Value, currency.MinorUnits, MidpointRounding.AwayFromZero);
        budget.Rollover = request.Rollover ?? false;
        budget.StartMonth = start!.Value;
        await db.SaveChangesAsync(ct);
        return ToDto(budget, tree, currency);
    }

    public async Task<Result<bool>> DeleteAsync(Guid householdId, Guid categoryId, CancellationToken ct)
    {
        var deleted = await db.Budgets.Where(b => b.HouseholdId == householdId && b.CategoryId == categoryId).ExecuteDeleteAsync(ct);
        return deleted > 0 ? true : Problem.NotFound(ErrorCodes.BudgetNotFound, $"Category {categoryId} has no budget in this household.");
    }

    /// <summary>Every budget that has started by <paramref name="month"/> ("yyyy-MM"), against that month's spending, with rollover from its start month.</summary>
    public async Task<Result<BudgetMonthDto>> MonthAsync(Guid householdId, string month, CancellationToken ct)
    {
        if (Months.Parse(month) is not { } target)
        {
            return Problem.Invalid("month", "The month is written yyyy-MM (2026-11).");
        }

        var budgets = await db.Budgets.AsNoTracking().Where(b => b.HouseholdId == householdId && b.StartMonth <= target).ToListAsync(ct);
        var from = budgets.Count == 0 ? target : new[] { target, budgets.Min(b => b.StartMonth) }.Min();
        if (await SpendingData.LoadAsync(db, householdId, from, Months.LastDay(target), ct) is not { } data)
        {
            return Problem.NotFound(ErrorCodes.HouseholdNotFound, $"Household {householdId} was not found.");
        }

        var calculator = new BudgetCalculator(data.Tree, data.Entries, data.Reporting.MinorUnits);
        var lines = budgets.Select(b => calculator.Line(b, target)!).Where(l => l is not null)
            .Select(l => new BudgetLineDto(l.Budget.Id, l.Budget.CategoryId, PathOf(data.Tree, l.Budget.CategoryId), l.Budget.Rollover, Months.Format(l.Budget.StartMonth),
                l.Budgeted, l.CarriedIn, l.Available, l.Spent, l.Remaining, l.Progress))
            .OrderBy(l => l.CategoryPath, StringComparer.OrdinalIgnoreCase)
            .ToList();

        // Spending in expense categories that no budget (nor its top-level parent's budget) covers.
        var covered = budgets.SelectMany(b => data.Tree.All.Where(c => c.ParentId == b.CategoryId).Select(c => c.Id).Append(b.CategoryId)).ToHashSet();
        var unbudgeted = data.Tree.All.Where(c => data.Tree.KindOf(c) == CategoryKind.Expense && !covered.Contains(c.Id))
            .Sum(c => calculator.SpentIn(c.Id, target) - data.Tree.All.Where(child => child.ParentId == c.Id).Sum(child => calculator.SpentIn(child.Id, target)));
        return new BudgetMonthDto(
            Months.Format(target), data.Reporting.Code, lines,
            lines.Sum(l => l.Budgeted), lines.Sum(l => l.Available), lines.Sum(l => l.Spent), lines.Sum(l => l.Remaining), unbudgeted,
            [.. data.Unconverted.Where(u => u.Month == target).Select(SpendingData.ToDto)],
            [.. data.Overrides.Where(o => o.Month == target && o.ReportingCurrency == data.Reporting).OrderBy(o => o.Currency.Code, StringComparer.Ordinal).Select(ToDto)]);
    }

    /// <summary>Fixes the rate of <paramref name="currency"/> into the reporting currency for every transaction traded in <paramref name="month"/>.</summary>
    public async Task<Result<BudgetFxOverrideDto>> SetRateAsync(Guid householdId, string month, string currency, BudgetFxOverrideRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = Months.Parse(month);
        var reporting = await ReportingCurrencyAsync(householdId, ct);
        var errors = new InputChecks()
            .Check(target is not null, "month", "The month is written yyyy-MM (2026-11).")
            .Check(Currency.TryParse(currency, out var from), "currency", $"'{currency}' is not a supported ISO-4217 currency code.")
            .Check(from == default || from != reporting, "currency", $"{reporting} is the reporting currency: its rate is 1.")
            .Check(request.Rate is > 0m and < 1_000_000m, "rate", "The rate must be a positive number (units of the reporting currency per unit of this one).");
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var rate = new BudgetFxOverride { HouseholdId = householdId, Month = target!.Value, Currency = from, ReportingCurrency = reporting, Rate = request.Rate!.Value };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.BudgetFxOverrides.Where(o => o.HouseholdId == householdId && o.Month == rate.Month && o.Currency == from && o.ReportingCurrency == reporting).ExecuteDeleteAsync(ct);
        db.BudgetFxOverrides.Add(rate);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ToDto(rate);
    }

    public async Task<Result<bool>> DeleteRateAsync(Guid householdId, string month, string currency, CancellationToken ct)
    {
        var reporting = await ReportingCurrencyAsync(householdId, ct);
        var deleted = Months.Parse(month) is { } target && Currency.TryParse(currency, out var from)
            ? await db.BudgetFxOverrides.Where(o => o.HouseholdId == householdId && o.Month == target && o.Currency == from && o.ReportingCurrency == reporting).ExecuteDeleteAsync(ct)
            : 0;
        return deleted > 0 ? true : Problem.NotFound(ErrorCodes.FxRateNotFound, $"This household fixed no {currency} rate for {month}.");
    }

    private async Task<Currency> ReportingCurrencyAsync(Guid householdId, CancellationToken ct) =>
        await db.Households.Where(h => h.Id == householdId).Select(h => h.ReportingCurrency).FirstOrDefaultAsync(ct) is var c && c != default ? c : Currency.Usd;

    private static string PathOf(CategoryTree tree, Guid id) => tree.Find(id) is { } c ? tree.PathOf(c) : "";

    private static BudgetDto ToDto(Budget b, CategoryTree tree, Currency currency) =>
        new(b.Id, b.CategoryId, PathOf(tree, b.CategoryId), b.Amount, currency.Code, b.Rollover, Months.Format(b.StartMonth));

    private static BudgetFxOverrideDto ToDto(BudgetFxOverride o) => new(Months.Format(o.Month), o.Currency.Code, o.ReportingCurrency.Code, o.Rate);
}
