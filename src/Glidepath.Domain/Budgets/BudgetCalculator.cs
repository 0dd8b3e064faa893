using Glidepath.Domain.Categories;

namespace Glidepath.Domain.Budgets;

/// <summary>One budget in one month, in the reporting currency (docs/budgets.md, "Rollover").</summary>
/// <param name="Budgeted">The month's amount.</param>
/// <param name="CarriedIn">What the previous month left (negative: overspent); 0 without rollover and in the start month.</param>
/// <param name="Available"><paramref name="Budgeted"/> + <paramref name="CarriedIn"/>.</param>
/// <param name="Spent">The month's spending in the category (and its children): outflows less refunds.</param>
/// <param name="Remaining"><paramref name="Available"/> − <paramref name="Spent"/>; carried into the next month with rollover.</param>
/// <param name="Progress"><paramref name="Spent"/> / <paramref name="Available"/> to 4 places (1 is all of it), null when nothing is available.</param>
public sealed record BudgetMonthLine(
    Budget Budget, DateOnly Month, decimal Budgeted, decimal CarriedIn, decimal Available, decimal Spent, decimal Remaining, decimal? Progress);

/// <summary>
/// Budget against actual (docs/budgets.md). Spending is the negated sum of the entries in expense categories: an outflow
/// adds to it, a refund (an inflow in an expense category) takes from it; income, transfers and uncategorised entries are
/// not spending. A budget on a top-level category counts the spending of the category and of all its children. With
/// rollover, month m+1 starts with what month m left: <c>carried(m+1) = budgeted(m) + carried(m) − spent(m)</c>, negative
/// when overspent; without it every month starts at zero. Carrying starts at zero in the budget's start month. Pure.
/// </summary>
public sealed class BudgetCalculator
{
    private readonly CategoryTree _tree;
    private readonly int _decimals;
    private readonly Dictionary<(Guid Category, DateOnly Month), decimal> _spent = [];

    /// <param name="decimals">The reporting currency's minor units: a month's spending is rounded to them (half away from zero) before it is carried.</param>
    public BudgetCalculator(CategoryTree tree, IEnumerable<ReportingEntry> entries, int decimals = 2)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entries);
        _tree = tree;
        _decimals = decimals;
        foreach (var e in entries.Where(e => e.Kind == CategoryKind.Expense && e.CategoryId is not null))
        {
            var key = (e.CategoryId!.Value, Months.Of(e.Date));
            _spent[key] = _spent.GetValueOrDefault(key) - e.Amount;
        }
    }

    /// <summary>The spending in a category (and its children, for a top-level one) in a month, rounded to the reporting currency's minor units.</summary>
    public decimal SpentIn(Guid categoryId, DateOnly month)
    {
        var m = Months.Of(month);
        var spent = _spent.GetValueOrDefault((categoryId, m));
        foreach (var child in _tree.All.Where(c => c.ParentId == categoryId))
        {
            spent += _spent.GetValueOrDefault((child.Id, m));
        }

        return Math.Round(spent, _decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>The budget in <paramref name="month"/>, carrying from its start month; null before it starts.</summary>
    public BudgetMonthLine? Line(Budget budget, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var target = Months.Of(month);
        var start = Months.Of(budget.StartMonth);
        if (target < start)
        {
            return null;
        }

        var carried = 0m;
        for (var m = start; ; m = m.AddMonths(1))
        {
            var available = budget.Amount + carried;
            var spent = SpentIn(budget.CategoryId, m);
            var remaining = available - spent;
            if (m == target)
            {
                return new BudgetMonthLine(budget, m, budget.Amount, carried, available, spent, remaining, available > 0m ? Math.Round(spent / available, 4, MidpointRounding.AwayFromZero) : null);
            }

            carried = budget.Rollover ? remaining : 0m;
        }
    }
}
