using Glidepath.Domain.Categories;

namespace Glidepath.Domain.Budgets;

/// <summary>
/// A month of cash flow in the reporting currency: income (the sum of entries in income categories), expense (the negated
/// sum of entries in expense categories), net = income − expense, and the change of each from the month before (null for
/// the first month; the percentage also null when the month before was zero).
/// </summary>
public sealed record CashFlowMonth(
    DateOnly Month, decimal Income, decimal Expense, decimal Net, decimal Uncategorised,
    decimal? IncomeChange, decimal? ExpenseChange, decimal? ExpenseChangePercent);

/// <summary>Spending in one category as categorised (a split line counts in its own), its share of all spending and its number of entries.</summary>
public sealed record CategorySpending(Guid CategoryId, decimal Amount, decimal? Share, int Entries);

/// <summary>Spending (expense categories only) paid to one payee.</summary>
public sealed record PayeeSpending(string Payee, decimal Amount, int Entries);

public sealed record CashFlowSummary(
    IReadOnlyList<CashFlowMonth> Months, decimal TotalIncome, decimal TotalExpense, decimal TotalNet,
    IReadOnlyList<CategorySpending> SpendingByCategory, IReadOnlyList<PayeeSpending> TopPayees);

/// <summary>
/// Income against expense by month, spending by category and the top payees over a range of trade dates (docs/budgets.md,
/// "Cash flow"). Transfers are neither income nor expense; uncategorised entries are shown on their own (their signed sum)
/// and counted in neither. Every amount is rounded to the reporting currency's minor units (half away from zero) after summing; shares to 4 places. Pure.
/// </summary>
public static class CashFlowReporter
{
    public const int TopPayeeCount = 10;

    public static CashFlowSummary Summarise(IEnumerable<ReportingEntry> entries, DateOnly from, DateOnly to, int decimals = 2)
    {
        ArgumentNullException.ThrowIfNull(entries);
        decimal Round(decimal amount) => Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
        var inRange = entries.Where(e => e.Date >= from && e.Date <= to).ToList();
        var byMonth = inRange.ToLookup(e => Budgets.Months.Of(e.Date));
        var months = new List<CashFlowMonth>();
        CashFlowMonth? previous = null;
        foreach (var month in Budgets.Months.Between(from, to))
        {
            var of = byMonth[month].ToList();
            var income = Round(of.Where(e => e.Kind == CategoryKind.Income).Sum(e => e.Amount));
            var expense = Round(-of.Where(e => e.Kind == CategoryKind.Expense).Sum(e => e.Amount));
            var uncategorised = Round(of.Where(e => e.Kind is null).Sum(e => e.Amount));
            var row = new CashFlowMonth(month, income, expense, income - expense, uncategorised,
                income - previous?.Income, expense - previous?.Expense,
                previous is { Expense: not 0m } p ? Math.Round((expense - p.Expense) / p.Expense * 100m, 2, MidpointRounding.AwayFromZero) : null);
            months.Add(row);
            previous = row;
        }

        var spending = inRange.Where(e => e.Kind == CategoryKind.Expense).ToList();
        var totalExpense = Round(-spending.Sum(e => e.Amount));
        var byCategory = spending.GroupBy(e => e.CategoryId!.Value)
            .Select(g => (Id: g.Key, Amount: Round(-g.Sum(e => e.Amount)), Count: g.Count()))
            .OrderByDescending(c => c.Amount).ThenBy(c => c.Id)
            .Select(c => new CategorySpending(c.Id, c.Amount, totalExpense != 0m ? Math.Round(c.Amount / totalExpense, 4, MidpointRounding.AwayFromZero) : null, c.Count))
            .ToList();
        var payees = spending.GroupBy(e => string.IsNullOrWhiteSpace(e.Payee) ? "" : e.Payee, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PayeeSpending(g.First().Payee, Round(-g.Sum(e => e.Amount)), g.Count()))
            .Where(p => p.Amount > 0m)
            .OrderByDescending(p => p.Amount).ThenBy(p => p.Payee, StringComparer.Ordinal)
            .Take(TopPayeeCount)
            .ToList();
        var totalIncome = months.Sum(m => m.Income);
        var totalMonthsExpense = months.Sum(m => m.Expense);
        return new CashFlowSummary(months, totalIncome, totalMonthsExpense, totalIncome - totalMonthsExpense, byCategory, payees);
    }
}
