namespace Glidepath.Domain.Goals;

/// <summary>Progress and status of a goal (docs/goals.md, "Progress and status").</summary>
public static class GoalRules
{
    /// <summary>How far below the plan's target success a goal is still "at risk" rather than "off track".</summary>
    public const double AtRiskBand = 0.15;

    /// <summary>
    /// On track when the success probability reaches the plan's target; at risk within
    /// <see cref="AtRiskBand"/> below it; off track further below.
    /// </summary>
    public static GoalStatus Status(double successProbability, double targetSuccess) =>
        successProbability >= targetSuccess ? GoalStatus.OnTrack
        : successProbability >= targetSuccess - AtRiskBand ? GoalStatus.AtRisk
        : GoalStatus.OffTrack;

    /// <summary>
    /// The funded share today: the funding accounts' value over the target, between 0 and 1 (an
    /// account in debt counts as 0, not against the goal).
    /// </summary>
    public static decimal FundedShare(decimal fundingValue, decimal targetAmount) =>
        targetAmount <= 0 ? 0 : Math.Clamp(fundingValue / targetAmount, 0m, 1m);
}
