using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Budgets;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Application.Budgets;

/// <summary>
/// The cash-flow and spending report (docs/budgets.md, "Cash flow"): income against expense by month with the change from
/// the month before, spending by category and the top payees, in the reporting currency (<see cref="CashFlowReporter"/>).
/// </summary>
public sealed class CashFlowReports(GlidepathDbContext db, TimeProvider clock)
{
    /// <summary>The longest range one report covers.</summary>
    public const int MaxMonths = 120;

    /// <summary>From <paramref name="from"/> (default: the first day of the month eleven months before <paramref name="to"/>) to <paramref name="to"/> (default today).</summary>
    public async Task<Result<CashFlowDto>> GetAsync(Guid householdId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var end = to ?? clock.Today();
        var start = from ?? Months.Of(end).AddMonths(-11);
        var errors = new InputChecks()
            .Check(start <= end, "from", "The range starts after it ends.")
            .Check(start > end || Months.Of(start).AddMonths(MaxMonths) > end, "to", $"A report covers at most {MaxMonths} months.");
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        if (await SpendingData.LoadAsync(db, householdId, start, end, ct) is not { } data)
        {
            return Problem.NotFound(ErrorCodes.HouseholdNotFound, $"Household {householdId} was not found.");
        }

        var summary = CashFlowReporter.Summarise(data.Entries, start, end, data.Reporting.MinorUnits);
        return new CashFlowDto(
            start, end, data.Reporting.Code,
            [.. summary.Months.Select(m => new CashFlowMonthDto(Months.Format(m.Month), m.Income, m.Expense, m.Net, m.Uncategorised, m.IncomeChange, m.ExpenseChange, m.ExpenseChangePercent))],
            summary.TotalIncome, summary.TotalExpense, summary.TotalNet,
            [.. summary.SpendingByCategory.Select(c =>
            {
                var category = data.Tree.Find(c.CategoryId)!;
                var top = category.ParentId is { } p && data.Tree.Find(p) is { } parent ? parent : category;
                return new CategorySpendingDto(c.CategoryId, data.Tree.PathOf(category), top.Name, c.Amount, c.Share, c.Entries);
            })],
            [.. summary.TopPayees.Select(p => new PayeeSpendingDto(p.Payee, p.Amount, p.Entries))],
            [.. data.Unconverted.Select(SpendingData.ToDto)]);
    }
}
