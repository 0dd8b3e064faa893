namespace Glidepath.Application.Budgets;

/// <summary>A budget: <paramref name="Amount"/> a month in the household's reporting currency from <paramref name="StartMonth"/> ("yyyy-MM") on.</summary>
public sealed record BudgetDto(Guid Id, Guid CategoryId, string CategoryPath, decimal Amount, string Currency, bool Rollover, string StartMonth);

/// <summary>
/// Sets the budget of an expense category: <paramref name="Amount"/> a month (zero or more, in the reporting currency),
/// <paramref name="Rollover"/> (default off) and <paramref name="StartMonth"/> ("yyyy-MM"; default the current month).
/// </summary>
public sealed record BudgetRequest(decimal? Amount, bool? Rollover = null, string? StartMonth = null);

/// <summary>One budget in one month (docs/budgets.md): progress is spent / available, null when nothing is available.</summary>
public sealed record BudgetLineDto(
    Guid BudgetId, Guid CategoryId, string CategoryPath, bool Rollover, string StartMonth,
    decimal Budgeted, decimal CarriedIn, decimal Available, decimal Spent, decimal Remaining, decimal? Progress);

/// <summary>Amounts left out of a report for want of an FX rate: per month and currency, in that currency.</summary>
public sealed record UnconvertedAmountDto(string Month, string Currency, decimal Amount, int Entries);

/// <summary>A rate fixed for a budget month: units of the reporting currency per unit of <paramref name="Currency"/>.</summary>
public sealed record BudgetFxOverrideDto(string Month, string Currency, string ReportingCurrency, decimal Rate);

public sealed record BudgetFxOverrideRequest(decimal? Rate);

/// <summary>
/// Budget against actual for one month in the reporting currency: a line per budget that has started, the totals, the
/// spending in expense categories no budget covers, the amounts without a rate and the month's fixed rates.
/// </summary>
public sealed record BudgetMonthDto(
    string Month, string Currency, IReadOnlyList<BudgetLineDto> Lines,
    decimal TotalBudgeted, decimal TotalAvailable, decimal TotalSpent, decimal TotalRemaining, decimal UnbudgetedSpending,
    IReadOnlyList<UnconvertedAmountDto> Unconverted, IReadOnlyList<BudgetFxOverrideDto> FxOverrides);

/// <summary>A month of cash flow; the changes are against the month before (null for the first), the percentage null after a zero month.</summary>
public sealed record CashFlowMonthDto(
    string Month, decimal Income, decimal Expense, decimal Net, decimal Uncategorised,
    decimal? IncomeChange, decimal? ExpenseChange, decimal? ExpenseChangePercent);

/// <summary>Spending in one category as categorised (split lines in their own), its share of all spending (0–1).</summary>
public sealed record CategorySpendingDto(Guid CategoryId, string CategoryPath, string TopLevel, decimal Amount, decimal? Share, int Entries);

public sealed record PayeeSpendingDto(string Payee, decimal Amount, int Entries);

/// <summary>Income against expense by month, spending by category and the top payees from <paramref name="From"/> to <paramref name="To"/> (trade dates, both included).</summary>
public sealed record CashFlowDto(
    DateOnly From, DateOnly To, string Currency, IReadOnlyList<CashFlowMonthDto> Months,
    decimal TotalIncome, decimal TotalExpense, decimal TotalNet,
    IReadOnlyList<CategorySpendingDto> SpendingByCategory, IReadOnlyList<PayeeSpendingDto> TopPayees,
    IReadOnlyList<UnconvertedAmountDto> Unconverted);
