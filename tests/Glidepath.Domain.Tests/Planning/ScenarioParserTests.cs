using Glidepath.Domain.Results;
using Glidepath.Domain.Planning;

namespace Glidepath.Domain.Tests.Planning;

public class ScenarioParserTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    private static string Benchmark => Example("benchmark-retirement.json");

    [Theory]
    [InlineData("benchmark-retirement.json")]
    [InlineData("household-plan.json")]
    [InlineData("guardrails-student-t.json")]
    [InlineData("historical-sequences.json")]
    [InlineData("household-plan-taxes.json")]
    public void Parse_Examples_Succeed(string name)
    {
        var result = ScenarioParser.Parse(Example(name));

        Assert.True(result.Succeeded, result.Problem?.ToString());
    }

    /// <summary>A run stores its snapshot with Write: it must read back as the same scenario, and simulate to the same numbers.</summary>
    [Theory]
    [InlineData("benchmark-retirement.json")]
    [InlineData("household-plan.json")]
    [InlineData("guardrails-student-t.json")]
    [InlineData("historical-sequences.json")]
    [InlineData("household-plan-taxes.json")]
    public void Write_Examples_ParseBackToTheSameScenario(string name)
    {
        var document = ScenarioParser.Parse(Example(name)).Ok();

        var written = ScenarioParser.Write(document);
        var reread = ScenarioParser.Parse(written);

        Assert.True(reread.Succeeded, reread.Problem?.ToString());
        Assert.Equal(written, ScenarioParser.Write(reread.Ok()));
        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
        if (document.ReturnModel?.Series is null)
        {
            Assert.Equal(Simulated(document), Simulated(reread.Ok()));
        }
    }

    private static string Simulated(ScenarioDocument document)
    {
        var input = ScenarioCompiler.Compile(document with { Paths = 200 }, seriesLoader: null).Ok().Input;
        var result = Quant.MonteCarlo.MonteCarloSimulator.Run(input);
        return System.Text.Json.JsonSerializer.Serialize(SimulationReport.From(result, null, document.Plan?.People[0].Age), SimulationReport.Json);
    }

    [Fact]
    public void Parse_Benchmark_ReadsTheIssueKeys()
    {
        var d = ScenarioParser.Parse(Benchmark).Ok();

        Assert.Equal(100000, d.StartBalance);
        Assert.Equal(720, d.HorizonMonths);
        Assert.Equal(0.025, d.Inflation);
        Assert.Equal(["US equity", "Intl equity", "Bonds"], d.Assets.Select(a => a.Name));
        Assert.Equal(0.8, d.Correlations![0][1]);
        Assert.Equal(RebalanceRule.Monthly, d.Allocation.Rebalance);
        Assert.Equal(FlowKind.Withdrawal, d.CashFlows[1].Kind);
        Assert.True(d.CashFlows[1].InflationIndexed);
        Assert.Equal(359, d.CashFlows[0].EndMonth);
    }

    [Theory]
    [InlineData("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"colour\": 1", "allocation.colour", "unknown field")]
    [InlineData("[0.1, 0.1, 1]]", "[0.1, 0.1, 1]], \"extra\": true", "extra", "unknown field")]
    [InlineData("[[1, 0.8, 0.1], [0.8, 1, 0.1], [0.1, 0.1, 1]]", "[[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]", "correlations", "positive definite")]
    [InlineData("[0.5, 0.3, 0.2]", "[0.5, 0.3, 0.3]", "allocation.weights", "not 1")]
    [InlineData("\"volatility\": 0.18", "\"volatility\": -0.18", "assets[1].volatility", ">= 0")]
    [InlineData("\"endMonth\": 719", "\"endMonth\": 720", "cashFlows[1].endMonth", "719")]
    [InlineData("\"startMonth\": 0,", "\"startMonth\": -1,", "cashFlows[0].startMonth", "[0, 719]")]
    [InlineData("\"rebalance\": \"monthly\"", "\"rebalance\": \"weekly\"", "allocation.rebalance", "")]
    [InlineData("\"startBalance\": 100000, ", "", "startBalance", "fromLedger")]
    [InlineData("\"amount\": 1000", "\"amount\": \"1000\"", "cashFlows[0].amount", "")]
    public void Parse_BadInput_NamesTheField(string find, string replace, string field, string messagePart)
    {
        var json = Benchmark.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Benchmark, json);

        var result = ScenarioParser.Parse(json);

        Assert.False(result.TryGet(out _, out var problem));
        Assert.Equal((ProblemKind.Invalid, field), (problem.Kind, problem.Field));
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_Benchmark_MatchesEngineInput()
    {
        var compiled = ScenarioCompiler.Compile(ScenarioParser.Parse(Benchmark).Ok(), null).Ok();

        Assert.Equal(2, compiled.Input.CashFlows.Count);
        Assert.Equal(FlowRole.Saving, compiled.Flows[0].Role);
        Assert.Equal(FlowRole.Spending, compiled.Flows[1].Role);
        Assert.Equal(3, compiled.Input.Returns.AssetCount);
    }
}
