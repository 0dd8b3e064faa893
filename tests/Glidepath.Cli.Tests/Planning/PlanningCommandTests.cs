using System.CommandLine;
using System.Text.Json;
using Glidepath.Cli.Planning;

namespace Glidepath.Cli.Tests.Planning;

public class PlanningCommandTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static async Task<(int Code, string Out, string Err)> Invoke(Command command, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Simulate_BenchmarkJson_HasTheIssueFields()
    {
        var (code, output, error) = await Invoke(SimulateCommand.Create(), Example("benchmark-retirement.json"), "--paths", "2000", "--seed", "7", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2000, root.GetProperty("paths").GetInt32());
        Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
        Assert.InRange(root.GetProperty("successProbability").GetDouble(), 0.6, 0.8);
        Assert.True(root.GetProperty("successStandardError").GetDouble() > 0);
        foreach (var p in new[] { "p5", "p10", "p25", "p50", "p75", "p90", "p95" })
        {
            Assert.True(root.GetProperty("terminalWealth").GetProperty(p).GetDouble() >= 0);
        }

        var years = root.GetProperty("years");
        Assert.Equal(60, years.GetArrayLength());
        Assert.True(years[0].GetProperty("nominal").GetProperty("p50").GetDouble() > years[0].GetProperty("real").GetProperty("p50").GetDouble());
    }

    [Fact]
    public async Task Simulate_TaxedPlan_ReportsTaxesByYearAndLifetime()
    {
        var (code, output, error) = await Invoke(SimulateCommand.Create(), Example("household-plan-taxes.json"), "--paths", "2000", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var taxes = json.RootElement.GetProperty("taxes");
        var years = taxes.GetProperty("years");
        Assert.Equal(50, years.GetArrayLength());
        Assert.Equal(45, years[0].GetProperty("age").GetDouble());
        Assert.Equal(94, years[49].GetProperty("age").GetDouble());

        // Each path's lifetime tax is the sum of its years' taxes in today's money, so the mean
        // lifetime tax is the sum of the yearly means (linearity of the mean over the same paths).
        var sumOfYears = years.EnumerateArray().Sum(y => y.GetProperty("meanReal").GetDouble());
        Assert.Equal(sumOfYears, taxes.GetProperty("meanLifetimeReal").GetDouble(), sumOfYears * 1e-9);
        Assert.True(sumOfYears > 0);
        var lifetime = taxes.GetProperty("lifetimeReal");
        Assert.True(lifetime.GetProperty("p10").GetDouble() <= lifetime.GetProperty("p50").GetDouble());
        Assert.True(lifetime.GetProperty("p50").GetDouble() <= lifetime.GetProperty("p90").GetDouble());
    }

    [Fact]
    public async Task Simulate_TaxedPlan_SummaryNamesLifetimeTaxes_UntaxedHasNone()
    {
        var taxed = await Invoke(SimulateCommand.Create(), Example("household-plan-taxes.json"), "--paths", "1000");
        var untaxed = await Invoke(SimulateCommand.Create(), Example("household-plan.json"), "--paths", "1000", "--json");

        Assert.True(taxed.Code == 0, taxed.Err);
        Assert.Contains("lifetime taxes, today's money: mean ", taxed.Out, StringComparison.Ordinal);
        Assert.Contains("highest tax year ", taxed.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(untaxed.Out);
        Assert.False(json.RootElement.TryGetProperty("taxes", out _));
    }

    [Fact]
    public async Task Compare_RunsEveryFileWithTheSameSeedAndPaths_AsSimulateWouldEach()
    {
        var files = new[] { Example("household-plan.json"), Example("household-plan-taxes.json") };
        var (code, output, error) = await Invoke(CompareCommand.Create(), files[0], files[1], "--paths", "1500", "--seed", "11", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        for (var i = 0; i < 2; i++)
        {
            var alone = await Invoke(SimulateCommand.Create(), files[i], "--paths", "1500", "--seed", "11", "--json");
            using var expected = JsonDocument.Parse(alone.Out);
            var result = json.RootElement[i].GetProperty("result");
            Assert.Equal(files[i], json.RootElement[i].GetProperty("scenario").GetString());
            Assert.Equal(expected.RootElement.GetProperty("successProbability").GetDouble(), result.GetProperty("successProbability").GetDouble());
            Assert.Equal(expected.RootElement.GetProperty("terminalWealthReal").GetProperty("p50").GetDouble(), result.GetProperty("terminalWealthReal").GetProperty("p50").GetDouble());
            Assert.Equal((1500, 11UL), (result.GetProperty("paths").GetInt32(), result.GetProperty("seed").GetUInt64()));
        }

        var table = await Invoke(CompareCommand.Create(), files[0], files[1], "--paths", "500");
        Assert.Contains("for every scenario (common random numbers)", table.Out, StringComparison.Ordinal);
        Assert.Contains("not modelled", table.Out, StringComparison.Ordinal);
        var one = await Invoke(CompareCommand.Create(), files[0]);
        Assert.NotEqual(0, one.Code);
    }

    [Fact]
    public async Task Simulate_HistoricalSequences_OnePathPerStartYear()
    {
        var (code, output, error) = await Invoke(SimulateCommand.Create(), Example("historical-sequences.json"), "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(72, json.RootElement.GetProperty("paths").GetInt32());
    }

    [Fact]
    public async Task Simulate_MissingFile_OneLineOnStderrAndNonZeroExit()
    {
        var (code, output, error) = await Invoke(SimulateCommand.Create(), "no-such-scenario.json");

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: scenario file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_InvalidScenario_NamesTheField()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Example("benchmark-retirement.json"))).Replace("0.06}", "-0.06}", StringComparison.Ordinal));
        try
        {
            var (code, _, error) = await Invoke(SimulateCommand.Create(), file);

            Assert.NotEqual(0, code);
            Assert.Contains("assets[2].volatility", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Solve_Spending_ReturnsAnswerAndCurve()
    {
        var (code, output, error) = await Invoke(SolveCommand.Create(), Example("benchmark-retirement.json"), "--for", "spending", "--target", "0.85", "--paths", "1024", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var answer = json.RootElement.GetProperty("answer").GetDouble();
        // 1500 a month fails about 28 % of the time, so the 85 % answer is below 18000 a year.
        Assert.InRange(answer, 5000, 18000);
        Assert.True(json.RootElement.GetProperty("successProbability").GetDouble() >= 0.85);
        Assert.Equal(7, json.RootElement.GetProperty("curve").GetArrayLength());
    }

    [Fact]
    public async Task Simulate_BackendIlgpuCpu_ReportsTheKernelsSuccessBesideTheCpuEngine()
    {
        var (cpuCode, cpuOut, cpuError) = await Invoke(SimulateCommand.Create(), Example("benchmark-retirement.json"), "--paths", "1024", "--seed", "5", "--json");
        var (code, output, error) = await Invoke(SimulateCommand.Create(), Example("benchmark-retirement.json"), "--paths", "1024", "--seed", "5", "--json", "--backend", "ilgpu-cpu");

        Assert.True(cpuCode == 0, cpuError);
        Assert.True(code == 0, error);
        using var cpu = JsonDocument.Parse(cpuOut);
        using var kernel = JsonDocument.Parse(output);
        Assert.Contains("CPU", kernel.RootElement.GetProperty("backend").GetString(), StringComparison.Ordinal);
        Assert.Equal(1024, kernel.RootElement.GetProperty("paths").GetInt32());
        // Same per-path streams: the two agree up to the few paths that sit on a failure edge (float rounding).
        Assert.Equal(cpu.RootElement.GetProperty("successProbability").GetDouble(), kernel.RootElement.GetProperty("successProbability").GetDouble(), 0.003);
        Assert.Equal(60, kernel.RootElement.GetProperty("depletionByYear").GetArrayLength());
    }

    [Fact]
    public async Task Simulate_BackendGpuWithATaxedScenario_OneLineErrorNamingWhatTheKernelLacks()
    {
        var (code, _, error) = await Invoke(SimulateCommand.Create(), Example("household-plan-taxes.json"), "--paths", "64", "--backend", "ilgpu-cpu");

        Assert.NotEqual(0, code);
        Assert.Contains("taxes run on the CPU engine only", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_BackendGpuWithAStoredPlan_RefusedBeforeAnyDatabaseIsOpened()
    {
        var (code, _, error) = await Invoke(SimulateCommand.Create(), "--household", Guid.NewGuid().ToString(), "--plan", Guid.NewGuid().ToString(), "--backend", "gpu");

        Assert.NotEqual(0, code);
        Assert.Contains("--backend other than cpu runs a scenario file only", error, StringComparison.Ordinal);
    }
}
