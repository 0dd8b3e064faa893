namespace Glidepath.Domain.Planning;

/// <summary>
/// A household plan: people, goals in priority order, income streams and saving. Month 0 is
/// today; ages are converted to months with the first person's age.
/// </summary>
public sealed record PlanDocument
{
    public required IReadOnlyList<PersonDocument> People { get; init; }

    public IReadOnlyList<GoalDocument> Goals { get; init; } = [];

    public IReadOnlyList<IncomeDocument> Incomes { get; init; } = [];

    /// <summary>Saved every month until the first person retires (today's money, inflation-indexed).</summary>
    public double MonthlySaving { get; init; }
}

public sealed record PersonDocument(string Name, double Age, double RetirementAge);

public enum GoalKind
{
    /// <summary>AnnualAmount a year in today's money from the first person's retirement to UntilAge.</summary>
    Retirement,

    /// <summary>Amount in today's money once, at AtAge.</summary>
    LumpSum,
}

public sealed record GoalDocument
{
    public required string Name { get; init; }

    public required GoalKind Kind { get; init; }

    /// <summary>1 is funded first.</summary>
    public int Priority { get; init; } = 1;

    public double AnnualAmount { get; init; }

    public double UntilAge { get; init; } = 95;

    public double Amount { get; init; }

    public double AtAge { get; init; }
}

public enum IncomeKind
{
    /// <summary>Paid until the person retires, growing by Growth a year (real).</summary>
    Salary,

    /// <summary>Paid from FromAge for life, inflation-indexed.</summary>
    Pension,

    SocialSecurity,
}

/// <summary>An income stream in today's money a year; it reduces the retirement withdrawals it overlaps.</summary>
public sealed record IncomeDocument
{
    public required IncomeKind Kind { get; init; }

    public required double AnnualAmount { get; init; }

    /// <summary>Index into People.</summary>
    public int Person { get; init; }

    public double Growth { get; init; }

    public double FromAge { get; init; }
}
