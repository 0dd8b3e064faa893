using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Tests.Planning;

public class PlanTests
{
    private static ScenarioDocument Plan(double saving = 1000, double spending = 40000) => new()
    {
        StartBalance = 200_000,
        HorizonMonths = 480,
        Inflation = 0.02,
        Assets = [new AssetDocument("Equity", 0.06, 0.15), new AssetDocument("Bonds", 0.03, 0.05)],
        Correlations = [[1, 0.2], [0.2, 1]],
        Allocation = new AllocationDocument { Weights = [0.6, 0.4] },
        Paths = 1024,
        Seed = 3,
        Plan = new PlanDocument
        {
            People = [new PersonDocument("A", 55, 65), new PersonDocument("B", 53, 64)],
            MonthlySaving = saving,
            Incomes = [new IncomeDocument { Kind = IncomeKind.Pension, AnnualAmount = 12000, Person = 1, FromAge = 65 }],
            Goals =
            [
                new GoalDocument { Name = "Retire", Kind = GoalKind.Retirement, Priority = 1, AnnualAmount = spending, UntilAge = 95 },
                new GoalDocument { Name = "Boat", Kind = GoalKind.LumpSum, Priority = 2, Amount = 50000, AtAge = 66 },
            ],
        },
    };

    [Fact]
    public void Flows_Plan_SavingUntilRetirementThenGoalsAndIncome()
    {
        var flows = ScenarioCompiler.Flows(Plan()).ToList();

        var saving = Assert.Single(flows, f => f.Role == FlowRole.Saving).Flow;
        Assert.Equal((0, 119), (saving.StartMonth, saving.EndMonth));
        var retire = Assert.Single(flows, f => f.Goal == "Retire").Flow;
        Assert.Equal((120, 479, 40000 / 12.0), (retire.StartMonth, retire.EndMonth, retire.Amount));
        Assert.True(retire.InflationIndexed);
        // B is two years younger: pension from B's 65 is month 144.
        Assert.Equal(144, Assert.Single(flows, f => f.Role == FlowRole.Income).Flow.StartMonth);
        Assert.Equal(CashFlowFrequency.Once, Assert.Single(flows, f => f.Goal == "Boat").Flow.Frequency);
    }

    [Fact]
    public void GoalFunding_TwoPriorities_LowerPriorityNoMoreLikely()
    {
        var goals = GoalFunding.Evaluate(Plan(), null).Ok();

        var retire = Assert.Single(goals, g => g.Goal == "Retire");
        var boat = Assert.Single(goals, g => g.Goal == "Boat");
        Assert.True(boat.SuccessProbability <= retire.SuccessProbability);
        Assert.True(retire.SuccessProbability is > 0 and < 1);
    }

    [Fact]
    public void Solve_Spending_AnswerMeetsTargetAndMoreDoesNot()
    {
        var result = PlanSolver.Solve(Plan(), SolveFor.Spending, 0.85).Ok();

        Assert.True(result.SuccessProbability >= 0.85);
        var above = ScenarioCompiler.Compile(Levers.Apply(Plan(), SolveFor.Spending, result.Answer + 20), null).Ok();
        Assert.True(MonteCarloSimulator.Run(above.Input).SuccessProbability < 0.85);
        Assert.Equal(result.Curve.OrderBy(p => p.Value).Select(p => p.SuccessProbability), result.Curve.OrderBy(p => p.Value).Select(p => p.SuccessProbability).OrderDescending());
    }

    [Fact]
    public void Solve_Saving_AnswerIsSmallestMeetingTarget()
    {
        var result = PlanSolver.Solve(Plan(spending: 60000), SolveFor.Saving, 0.85).Ok();

        Assert.True(result.SuccessProbability >= 0.85);
        var below = ScenarioCompiler.Compile(Levers.Apply(Plan(spending: 60000), SolveFor.Saving, result.Answer - 2), null).Ok();
        Assert.True(MonteCarloSimulator.Run(below.Input).SuccessProbability < 0.85);
    }

    [Fact]
    public void Solve_RetirementAge_ReturnsAgeWithSuccessCurve()
    {
        var result = PlanSolver.Solve(Plan(spending: 55000), SolveFor.RetirementAge, 0.85).Ok();

        Assert.Equal(55 + (result.Answer / 12), result.RetirementAge);
        Assert.True(result.SuccessProbability >= 0.85);
        Assert.Contains(result.Curve, p => p.Value < result.Answer && p.SuccessProbability < 0.85);
    }

    [Theory]
    [InlineData(SolveFor.Spending, 40000)]
    [InlineData(SolveFor.Saving, 60000)]
    [InlineData(SolveFor.RetirementAge, 55000)]
    public void Solve_WithProgress_ReportsAGrowingShareEndingAtOne_AndTheSameAnswer(SolveFor lever, double spending)
    {
        var reports = new List<double>();
        var plain = PlanSolver.Solve(Plan(spending: spending), lever, 0.85).Ok();

        // Monotone, so the reports arrive in order even from several worker threads.
        var tracked = PlanSolver.Solve(Plan(spending: spending), lever, 0.85, options: new SimulationOptions { Progress = new Synchronous(r => { lock (reports) { reports.Add(r); } }) }).Ok();

        Assert.Equal(plain, tracked with { Curve = plain.Curve });
        Assert.Equal(plain.Curve, tracked.Curve);
        Assert.True(reports.Count > 10, $"{reports.Count} reports");
        Assert.All(reports, r => Assert.InRange(r, 0, 1));
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports[reports.Count / 2] < 0.9, "progress spreads over the evaluations");
    }

    [Fact]
    public void Solve_Cancelled_StopsWithinAnEvaluation()
    {
        using var cancel = new CancellationTokenSource();
        var reports = 0;
        var options = new SimulationOptions
        {
            CancellationToken = cancel.Token,
            Progress = new Synchronous(_ =>
        {
            if (Interlocked.Increment(ref reports) == 3)
            {
                cancel.Cancel();
            }
        })
        };

        Assert.ThrowsAny<OperationCanceledException>(() => PlanSolver.Solve(Plan(), SolveFor.Spending, 0.85, options: options));
        Assert.InRange(reports, 3, 4);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Synchronous(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
