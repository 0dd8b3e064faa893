using Glidepath.Domain.Goals;

namespace Glidepath.Domain.Tests.Goals;

public class GoalRulesTest
{
    [Theory]
    [InlineData(0.85, 0.85, GoalStatus.OnTrack)] // at the target
    [InlineData(0.99, 0.85, GoalStatus.OnTrack)]
    [InlineData(0.8499, 0.85, GoalStatus.AtRisk)] // just below
    [InlineData(0.70, 0.85, GoalStatus.AtRisk)] // the band's floor, 0.85 - 0.15
    [InlineData(0.6999, 0.85, GoalStatus.OffTrack)]
    [InlineData(0.0, 0.5, GoalStatus.OffTrack)]
    [InlineData(0.36, 0.5, GoalStatus.AtRisk)]
    public void Status_TargetAndTheFifteenPointBandBelowIt(double probability, double target, GoalStatus expected) =>
        Assert.Equal(expected, GoalRules.Status(probability, target));

    [Theory]
    [InlineData("42500.50", "85001", "0.5")]
    [InlineData("9999", "5000", "1")] // more than needed: fully funded, not 200 %
    [InlineData("-100", "5000", "0")] // an overdrawn account does not count against the goal
    [InlineData("0", "1", "0")]
    public void FundedShare_IsTheValueOverTheTarget_BetweenNothingAndAll(string funded, string target, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), GoalRules.FundedShare(decimal.Parse(funded, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture)));
}
