using Glidepath.Application.Goals;
using Glidepath.Domain.Goals;

namespace Glidepath.Server.Goals;

/// <summary>
/// A goal with its progress today and the status its plan's newest simulation gave it (docs/goals.md).
/// </summary>
/// <param name="TargetAmount">In <paramref name="Currency"/> (the household's reporting currency), today's money.</param>
/// <param name="FundedValue">The funding accounts' value today; null when they cannot be valued (a missing FX rate).</param>
/// <param name="FundedShare">FundedValue over TargetAmount, 0..1, to 6 decimals; null with FundedValue.</param>
/// <param name="SuccessProbability">What the status was read from; null while NotTested.</param>
public sealed record GoalDto(
    Guid Id,
    string Name,
    GoalCategory Kind,
    decimal TargetAmount,
    string Currency,
    DateOnly? TargetDate,
    Guid? PersonId,
    int? TargetAge,
    int Priority,
    Guid? PlanId,
    IReadOnlyList<Guid> FundingAccountIds,
    decimal? FundedValue,
    decimal? FundedShare,
    GoalStatus Status,
    double? SuccessProbability,
    Guid? StatusRunId,
    DateTimeOffset? StatusUpdatedUtc,
    long Version);

internal static class GoalMapping
{
    public static GoalDto ToDto(this GoalProgress p)
    {
        var g = p.Goal;
        return new(
            g.Id, g.Name, g.Kind, g.TargetAmount, p.Currency, g.TargetDate, g.PersonId, g.TargetAge, g.Priority, g.PlanId,
            [.. g.FundingAccounts.Select(f => f.AccountId).Order()], p.FundedValue is { } v ? Math.Round(v, 2) : null,
            p.FundedShare is { } s ? Math.Round(s, 6) : null, g.Status, g.SuccessProbability, g.StatusRunId, g.StatusUpdatedUtc, g.Version);
    }
}
