using Glidepath.Application.Validation;
using Glidepath.Domain.Goals;

namespace Glidepath.Application.Goals;

/// <summary>
/// Creates or replaces a goal: a target amount (today's money, the household's reporting currency)
/// by <paramref name="TargetDate"/> or by <paramref name="TargetAge"/> of <paramref name="PersonId"/>,
/// funded by <paramref name="FundingAccountIds"/>, tested by <paramref name="PlanId"/>. A replace sends
/// the <paramref name="Version"/> it read.
/// </summary>
public sealed record GoalRequest(
    string? Name,
    GoalCategory? Kind,
    decimal? TargetAmount,
    DateOnly? TargetDate = null,
    Guid? PersonId = null,
    int? TargetAge = null,
    int? Priority = null,
    Guid? PlanId = null,
    IReadOnlyList<Guid>? FundingAccountIds = null,
    long? Version = null) : IVersionedRequest
{
    public IVersionedRequest WithVersion(long version) => this with { Version = version };
}
