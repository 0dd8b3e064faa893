using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Quant.MonteCarlo;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Planning;

public partial class PlanningEndpointsTest
{
    /// <summary>examples/benchmark-retirement.json.</summary>
    internal const string Benchmark = """
        {"startBalance": 100000, "horizonMonths": 720, "inflation": 0.025,
         "assets": [{"name": "US equity", "expectedReturn": 0.065, "volatility": 0.16},
                    {"name": "Intl equity", "expectedReturn": 0.06, "volatility": 0.18},
                    {"name": "Bonds", "expectedReturn": 0.025, "volatility": 0.06}],
         "correlations": [[1, 0.8, 0.1], [0.8, 1, 0.1], [0.1, 0.1, 1]],
         "allocation": {"weights": [0.5, 0.3, 0.2], "rebalance": "monthly"},
         "cashFlows": [
           {"kind": "contribution", "amount": 1000, "startMonth": 0, "endMonth": 359,
            "frequency": "monthly", "inflationIndexed": false},
           {"kind": "withdrawal", "amount": 1500, "startMonth": 360, "endMonth": 719,
            "frequency": "monthly", "inflationIndexed": true}]}
        """;

    internal static PlanRequest Request(string name, string scenario, long? version = null) =>
        new(name, JsonDocument.Parse(scenario).RootElement.Clone(), version);

    internal static async Task<PlanDto> CreatePlanAsync(HttpClient client, Guid householdId, string name = "Retirement") =>
        await (await client.PostAsync($"/api/households/{householdId}/plans", Request(name, Benchmark))).ReadAsync<PlanDto>(HttpStatusCode.Created);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Plans_CreateReadUpdateDelete_RoundTrip(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans";

        var plan = await CreatePlanAsync(client, household.Id);
        Assert.Equal(("Retirement", 1L), (plan.Name, plan.Version));
        Assert.Equal(100000, plan.Scenario.GetProperty("startBalance").GetDouble());
        Assert.Equal(plan.Id, (await (await client.GetAsync($"{url}/{plan.Id}")).ReadAsync<PlanDto>()).Id);
        Assert.Single(await (await client.GetAsync(url)).ReadAsync<List<PlanDto>>());

        var updated = await (await client.PutAsync($"{url}/{plan.Id}", Request("Early retirement", Benchmark, plan.Version))).ReadAsync<PlanDto>();
        Assert.Equal(("Early retirement", 2L), (updated.Name, updated.Version));
        await (await client.PutAsync($"{url}/{plan.Id}", Request("Stale", Benchmark, plan.Version))).ReadProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{plan.Id}")).StatusCode);
        await (await client.GetAsync($"{url}/{plan.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Simulate_FixedSeed_StoresListsAndRepeats(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}/simulations";

        var first = await (await client.PostAsync(url + "?wait=true", new SimulateRequest(2_000, 42))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal((SimulationRunKind.Simulate, 2_000, 42UL), (first.Kind, first.Paths, first.Seed));
        Assert.Equal((SimulationRunStatus.Succeeded, 1.0), (first.Status, first.Progress));
        // The engine's own run of the same scenario (written out here, not compiled by the server) with the same seed.
        var engine = MonteCarloSimulator.Run(new SimulationInput
        {
            StartBalance = 100_000,
            HorizonMonths = 720,
            Inflation = 0.025,
            Returns = new NormalReturns(
                [MonthlyLogNormal.FromAnnual(0.065, 0.16), MonthlyLogNormal.FromAnnual(0.06, 0.18), MonthlyLogNormal.FromAnnual(0.025, 0.06)],
                new double[,] { { 1, 0.8, 0.1 }, { 0.8, 1, 0.1 }, { 0.1, 0.1, 1 } }),
            Allocation = new Allocation([0.5, 0.3, 0.2]),
            CashFlows =
            [
                new CashFlow(CashFlowKind.Contribution, 1000, 0, 359),
                new CashFlow(CashFlowKind.Withdrawal, 1500, 360, 719, CashFlowFrequency.Monthly, InflationIndexed: true),
            ],
            Paths = 2_000,
            Seed = 42,
        });
        Assert.Equal(engine.SuccessProbability, first.SuccessProbability);
        var result = first.Result!.Value;
        Assert.Equal(engine.SuccessStandardError, result.GetProperty("successStandardError").GetDouble());
        Assert.Equal(first.SuccessProbability, result.GetProperty("successProbability").GetDouble());
        Assert.NotNull(first.StartedUtc);
        Assert.True(first.FinishedUtc >= first.StartedUtc && first.StartedUtc >= first.CreatedUtc);
        Assert.Equal(2_000, result.GetProperty("paths").GetInt32());
        Assert.True(result.GetProperty("terminalWealth").GetProperty("p95").GetDouble() > result.GetProperty("terminalWealth").GetProperty("p5").GetDouble());
        Assert.Equal(60, result.GetProperty("years").GetArrayLength());

        var list = await (await client.GetAsync(url)).ReadAsync<List<SimulationRunDto>>();
        var listed = Assert.Single(list);
        Assert.Equal(first.Id, listed.Id);
        Assert.Null(listed.Result);

        var read = await (await client.GetAsync($"{url}/{first.Id}")).ReadAsync<SimulationRunDto>();
        Assert.Equal((first.SuccessProbability, 42UL), (read.SuccessProbability, read.Seed));
        Assert.Equal(result.GetRawText(), read.Result!.Value.GetRawText());

        var again = await (await client.PostAsync(url + "?wait=true", new SimulateRequest(2_000, 42))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(result.GetRawText(), again.Result!.Value.GetRawText());
        Assert.Equal(2, (await (await client.GetAsync(url)).ReadAsync<List<SimulationRunDto>>()).Count);

        // The full 64-bit seed range round-trips through the signed column.
        var big = await (await client.PostAsync(url + "?wait=true", new SimulateRequest(100, ulong.MaxValue))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(ulong.MaxValue, (await (await client.GetAsync($"{url}/{big.Id}")).ReadAsync<SimulationRunDto>()).Seed);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task InvalidScenario_Answers400NamingTheField_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/plans";

        var unknownField = Benchmark.Replace("\"inflation\"", "\"inflashun\": 1, \"inflation\"", StringComparison.Ordinal);
        var problem = await (await client.PostAsync(url, Request("Bad", unknownField))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Contains("inflashun", StringComparison.Ordinal));

        var badWeights = Benchmark.Replace("[0.5, 0.3, 0.2]", "[0.5, 0.3, 0.3]", StringComparison.Ordinal);
        problem = await (await client.PostAsync(url, Request("Bad", badWeights))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Contains("weights", StringComparison.Ordinal));

        await (await client.PostAsync(url, new PlanRequest("No scenario", null))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var historical = Benchmark.Replace("\"inflation\"", "\"returnModel\": {\"kind\": \"historical\", \"series\": {\"file\": \"/etc/passwd\", \"columns\": [\"a\", \"b\", \"c\"]}}, \"inflation\"", StringComparison.Ordinal);
        problem = await (await client.PostAsync(url, Request("Files", historical))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("scenario.returnModel.series.file", out _), problem.ToString());

        var plan = await CreatePlanAsync(client, household.Id);
        await (await client.PutAsync($"{url}/{plan.Id}", Request("Bad", badWeights))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(1L, (await (await client.GetAsync($"{url}/{plan.Id}")).ReadAsync<PlanDto>()).Version);
        Assert.Single(await (await client.GetAsync(url)).ReadAsync<List<PlanDto>>());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BadRunParameters_Answer400NamingTheField_AndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}";

        foreach (var paths in new[] { 0, -5, 2_000_001 })
        {
            var problem = await (await client.PostAsync($"{url}/simulations", new SimulateRequest(paths, 1))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("paths", out _));
        }

        var lever = await (await client.PostAsync($"{url}/solve", new SolveRequest("luck", 0.85))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(lever.GetProperty("errors").TryGetProperty("for", out _));
        foreach (var target in new[] { 0.0, 1.0, 1.5 })
        {
            var problem = await (await client.PostAsync($"{url}/solve", new SolveRequest("saving", target))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("target", out _));
        }

        // A scenario asking for more paths than the server runs needs paths in the request.
        var huge = await (await client.PostAsync($"/api/households/{household.Id}/plans", Request("Huge", Benchmark.Replace("\"inflation\"", "\"paths\": 5000000, \"inflation\"", StringComparison.Ordinal))))
            .ReadAsync<PlanDto>(HttpStatusCode.Created);
        var hugeProblem = await (await client.PostAsync($"/api/households/{household.Id}/plans/{huge.Id}/simulations", new SimulateRequest(null, 1)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(hugeProblem.GetProperty("errors").TryGetProperty("paths", out _));

        Assert.Empty(await (await client.GetAsync($"{url}/simulations")).ReadAsync<List<SimulationRunDto>>());
        Assert.Empty(await (await client.GetAsync($"/api/households/{household.Id}/plans/{huge.Id}/simulations")).ReadAsync<List<SimulationRunDto>>());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task OtherHouseholdsPlans_Answer404(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var mine = await client.HouseholdAsync("Mine");
        var theirs = await client.HouseholdAsync("Theirs");
        var theirPlan = await CreatePlanAsync(client, theirs.Id);
        var theirRun = await (await client.PostAsync($"/api/households/{theirs.Id}/plans/{theirPlan.Id}/simulations?wait=true", new SimulateRequest(100, 1)))
            .ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        var url = $"/api/households/{mine.Id}/plans/{theirPlan.Id}";

        await (await client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");
        await (await client.PutAsync(url, Request("Mine now", Benchmark))).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");
        await (await client.DeleteAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");
        await (await client.PostAsync($"{url}/simulations", new SimulateRequest(100, 1))).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");
        await (await client.GetAsync($"{url}/simulations")).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");
        await (await client.GetAsync($"{url}/simulations/{theirRun.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "simulation-run-not-found");
        await (await client.PostAsync($"{url}/simulations/{theirRun.Id}/cancel", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "simulation-run-not-found");
        await (await client.PostAsync($"{url}/solve", new SolveRequest("saving", 0.85))).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");
        await (await client.GetAsync($"/api/households/{Guid.NewGuid()}/plans")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        Assert.Empty(await (await client.GetAsync($"/api/households/{mine.Id}/plans")).ReadAsync<List<PlanDto>>());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Solve_Saving_ReturnsAnAnswerStoredAsASolveRun(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}";

        var run = await (await client.PostAsync($"{url}/solve?wait=true", new SolveRequest("saving", 0.85, 500, 7))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(SimulationRunKind.Solve, run.Kind);
        var result = run.Result!.Value;
        Assert.True(result.GetProperty("answer").GetDouble() > 0);
        Assert.Equal(0.85, result.GetProperty("target").GetDouble());
        Assert.Equal("saving", run.Parameters.GetProperty("for").GetString());

        var listed = Assert.Single(await (await client.GetAsync($"{url}/simulations")).ReadAsync<List<SimulationRunDto>>());
        Assert.Equal((run.Id, SimulationRunKind.Solve), (listed.Id, listed.Kind));
    }
}
