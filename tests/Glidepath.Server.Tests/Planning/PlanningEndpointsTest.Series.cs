using System.Net;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Planning;

/// <summary>Bootstrap and historical models through the API: a shipped dataset by name, or returns inline.</summary>
public partial class PlanningEndpointsTest
{
    private static string WithReturnModel(string returnModel) =>
        Benchmark.Replace("\"inflation\"", $"\"returnModel\": {returnModel}, \"inflation\"", StringComparison.Ordinal);

    /// <summary>One asset, a 30-year horizon, so a series of a few years replays.</summary>
    private static string OneAsset(string returnModel) => $$$"""
        {"startBalance": 100000, "horizonMonths": 360, "inflation": 0.02,
         "assets": [{"name": "Stocks", "expectedReturn": 0.07, "volatility": 0.16}],
         "allocation": {"weights": [1]},
         "cashFlows": [{"kind": "withdrawal", "amount": 400, "startMonth": 0, "endMonth": 359, "frequency": "monthly", "inflationIndexed": true}],
         "returnModel": {{{returnModel}}}}
        """;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_ShippedDatasetAndInlineReturns_Run(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans";

        // 864 months of CRSP excess returns in percent, plus a stated T-bill offset: 72 start years.
        var historical = OneAsset("""{"kind": "historical", "series": {"dataset": "us-stocks-excess-1931-2002", "columns": ["returns"], "units": "percent", "monthlyOffset": 0.003}}""");
        var plan = await (await client.PostAsync(url, Request("CRSP", historical))).ReadAsync<PlanDto>(HttpStatusCode.Created);
        var run = await (await client.PostAsync($"{url}/{plan.Id}/simulations?wait=true", new SimulateRequest(null, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(SimulationRunStatus.Succeeded, run.Status);
        Assert.Equal(72, run.Result!.Value.GetProperty("paths").GetInt32());

        // Two assets of the small-cap file (market and T-bill), block bootstrap.
        var bootstrap = WithReturnModel("""{"kind": "bootstrap", "blockMonths": 6, "series": {"dataset": "smallcap-1997-2001", "columns": ["MARKET", "T90", "T90"]}}""");
        plan = await (await client.PostAsync(url, Request("Small caps", bootstrap))).ReadAsync<PlanDto>(HttpStatusCode.Created);
        run = await (await client.PostAsync($"{url}/{plan.Id}/simulations?wait=true", new SimulateRequest(1_000, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal((SimulationRunStatus.Succeeded, 1_000), (run.Status, run.Result!.Value.GetProperty("paths").GetInt32()));

        // Inline: a constant 0.5 % a month replayed from every start year is one deterministic
        // path per year; 100000 * 1.005^360 minus the indexed withdrawals is the same for all.
        var inline = OneAsset($$$"""{"kind": "historical", "series": {"monthlyReturns": [[{{{string.Join(", ", Enumerable.Repeat("0.5", 24))}}}]], "units": "percent"}}""");
        plan = await (await client.PostAsync(url, Request("Inline", inline))).ReadAsync<PlanDto>(HttpStatusCode.Created);
        run = await (await client.PostAsync($"{url}/{plan.Id}/simulations?wait=true", new SimulateRequest(null, 1))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        var terminal = run.Result!.Value.GetProperty("terminalWealth");
        Assert.Equal(2, run.Result.Value.GetProperty("paths").GetInt32());
        Assert.Equal(terminal.GetProperty("p5").GetDouble(), terminal.GetProperty("p95").GetDouble());
        // Single-precision balances: ~2e-6 of the ~600,000 the start grows to, of which the withdrawals take most.
        Assert.Equal(ExpectedConstantGrowth(), terminal.GetProperty("p50").GetDouble(), 100000 * Math.Pow(1.005, 360) * 2.5e-6);
    }

    /// <summary>Start of month: pay 400 indexed at 2 % a year, then grow 0.5 %; 360 months.</summary>
    private static double ExpectedConstantGrowth()
    {
        var balance = 100000.0;
        for (var t = 0; t < 360; t++)
        {
            balance = (balance - (400 * Math.Pow(1.02, t / 12.0))) * 1.005;
        }

        return balance;
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BadSeries_Answer400NamingTheField_AndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans";

        var cases = new (string Scenario, string Field)[]
        {
            (OneAsset("""{"kind": "bootstrap", "series": {"dataset": "sp500-forever", "columns": ["x"]}}"""), "scenario.returnModel.series.dataset"),
            (OneAsset("""{"kind": "bootstrap", "series": {"dataset": "us-stocks-excess-1931-2002", "columns": ["price"]}}"""), "scenario.returnModel.series.columns[0]"),
            (OneAsset("""{"kind": "bootstrap", "series": {"file": "/etc/passwd", "columns": ["root"]}}"""), "scenario.returnModel.series.file"),
            (OneAsset("""{"kind": "historical", "series": {"monthlyReturns": [[0.01, 0.02, 0.01, -1.5]]}}"""), "scenario.returnModel.series.monthlyReturns[0][3]"),
            (OneAsset("""{"kind": "historical", "series": {"monthlyReturns": [[0.01], [0.02]]}}"""), "scenario.returnModel.series.monthlyReturns"),
            (OneAsset("""{"kind": "historical", "series": {"monthlyReturns": [[0.01, 0.02]], "dataset": "smallcap-1997-2001"}}"""), "scenario.returnModel.series"),
            (OneAsset("""{"kind": "historical", "series": {"monthlyReturns": [["a"]]}}"""), "scenario.returnModel.series.monthlyReturns[0][0]"),
            (OneAsset("""{"kind": "bootstrap", "blockMonths": 25, "series": {"monthlyReturns": [[0.01, 0.02]]}}"""), "scenario.returnModel.blockMonths"),
            (OneAsset("""{"kind": "bootstrap", "series": {"monthlyReturns": [[0.01]], "columns": ["a"]}}"""), "scenario.returnModel.series.columns"),
        };
        foreach (var (scenario, field) in cases)
        {
            var problem = await (await client.PostAsync(url, Request("Bad", scenario))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not in {problem}");
        }

        Assert.Empty(await (await client.GetAsync(url)).ReadAsync<List<PlanDto>>());
        await using var db = app.CreateDbContext();
        Assert.Empty(db.SimulationRuns);
    }
}
