namespace Glidepath.Domain.Goals;

/// <summary>
/// Something a household saves for (docs/goals.md): an amount in today's money by a date or a
/// person's age, funded by some of its accounts, tested by one of its plans. Its status comes from
/// the newest succeeded simulation of that plan.
/// </summary>
public sealed class Goal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Name { get; set; }

    public GoalCategory Kind { get; set; }

    /// <summary>In the household's reporting currency, today's money; more than 0.</summary>
    public decimal TargetAmount { get; set; }

    /// <summary>When the money is needed; or <see cref="TargetAge"/> of <see cref="PersonId"/>.</summary>
    public DateOnly? TargetDate { get; set; }

    public Guid? PersonId { get; set; }

    public int? TargetAge { get; set; }

    /// <summary>1 is funded first.</summary>
    public int Priority { get; set; } = 1;

    /// <summary>The plan whose runs give the status; null: not tested.</summary>
    public Guid? PlanId { get; set; }

    public List<GoalFundingAccount> FundingAccounts { get; set; } = [];

    public GoalStatus Status { get; set; } = GoalStatus.NotTested;

    /// <summary>The success probability the status was read from (the plan goal's of the same name, else the plan's).</summary>
    public double? SuccessProbability { get; set; }

    public Guid? StatusRunId { get; set; }

    public DateTimeOffset? StatusUpdatedUtc { get; set; }

    /// <summary>Optimistic-concurrency version, bumped on every change.</summary>
    public long Version { get; set; }
}

/// <summary>An account whose value counts towards a goal's progress.</summary>
public sealed class GoalFundingAccount
{
    public Guid GoalId { get; set; }

    public Guid AccountId { get; set; }
}

public enum GoalCategory
{
    Retirement,
    Home,
    Education,
    EmergencyFund,
    Vehicle,
    Travel,
    Other,
}

public enum GoalStatus
{
    /// <summary>No plan, or the plan has no succeeded simulation since the goal was linked.</summary>
    NotTested,
    OnTrack,
    AtRisk,
    OffTrack,
}
