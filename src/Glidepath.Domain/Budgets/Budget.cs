using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Budgets;

/// <summary>
/// A household's monthly budget for one expense category (docs/budgets.md): <see cref="Amount"/> in the household's
/// reporting currency every month from <see cref="StartMonth"/> on. With <see cref="Rollover"/> what is left of a month
/// (or overspent, as a negative amount) is carried into the next.
/// </summary>
public sealed class Budget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid HouseholdId { get; set; }

    /// <summary>An expense category; a top-level one counts the spending of its children too.</summary>
    public Guid CategoryId { get; set; }

    /// <summary>The monthly amount, non-negative, in the household's reporting currency.</summary>
    public decimal Amount { get; set; }

    public bool Rollover { get; set; }

    /// <summary>The first day of the first month the budget applies to; rollover starts at zero there.</summary>
    public DateOnly StartMonth { get; set; }
}

/// <summary>
/// A rate the household fixed for one budget month: every transaction in <see cref="Currency"/> traded in that month is
/// converted to <see cref="ReportingCurrency"/> at <see cref="Rate"/> (units of the reporting currency per unit of
/// <see cref="Currency"/>) instead of the stored rate of its trade date. Used only while the household reports in
/// <see cref="ReportingCurrency"/>.
/// </summary>
public sealed class BudgetFxOverride
{
    public Guid HouseholdId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public Currency Currency { get; set; }

    public Currency ReportingCurrency { get; set; }

    public decimal Rate { get; set; }
}
