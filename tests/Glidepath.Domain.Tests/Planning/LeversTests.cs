using Glidepath.Domain.Planning;

namespace Glidepath.Domain.Tests.Planning;

public class LeversTests
{
    private static ScenarioDocument Benchmark() =>
        ScenarioParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "benchmark-retirement.json"))).Ok();

    [Fact]
    public void Current_Benchmark_ReadsSavingSpendingAndRetirementFromFlows()
    {
        var d = Benchmark();

        Assert.Equal(1000, Levers.Current(d, SolveFor.Saving));
        Assert.Equal(18000, Levers.Current(d, SolveFor.Spending));
        Assert.Equal(360, Levers.Current(d, SolveFor.RetirementAge));
    }

    [Fact]
    public void Apply_RawScenario_ChangesOnlyTheLeversFlows()
    {
        var d = Benchmark();

        Assert.Equal(1500, Levers.Apply(d, SolveFor.Saving, 1500).CashFlows[0].Amount);
        Assert.Equal(1500, Levers.Apply(d, SolveFor.Saving, 1500).CashFlows[1].Amount);
        Assert.Equal(2000, Levers.Apply(d, SolveFor.Spending, 24000).CashFlows[1].Amount);
        var later = Levers.Apply(d, SolveFor.RetirementAge, 420);
        Assert.Equal((0, 419), (later.CashFlows[0].StartMonth, later.CashFlows[0].EndMonth));
        Assert.Equal((420, 719), (later.CashFlows[1].StartMonth, later.CashFlows[1].EndMonth));
    }
}
