using Glidepath.Domain.Recommendations;

namespace Glidepath.Domain.Tests.Recommendations;

/// <summary>Which decisions need the plan's solves: the plan levers' keys (kind:plan id) and no other.</summary>
public class PlanLeverKeysTest
{
    [Theory]
    [InlineData("save-more:6f1c2b9e-0d3a-4c55-9a61-2f0b7e8d9c10", true)]
    [InlineData("retire-later:6f1c2b9e-0d3a-4c55-9a61-2f0b7e8d9c10", true)]
    [InlineData("spend-less:6f1c2b9e-0d3a-4c55-9a61-2f0b7e8d9c10", true)]
    [InlineData("save-more", false)]
    [InlineData("harvest", false)]
    [InlineData("concentration:MSFT", false)]
    public void Owns_OnlyThePlanLeversKeys(string key, bool owned) => Assert.Equal(owned, PlanLeverRules.Owns(key));
}
