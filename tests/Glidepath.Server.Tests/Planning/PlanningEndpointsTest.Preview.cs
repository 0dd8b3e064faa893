using System.Net;
using System.Text.Json;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Planning;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Planning;

/// <summary>Live what-if: <c>POST …/plans/{planId}/preview</c> simulates at once, with the body's edits, and stores nothing.</summary>
public partial class PlanningEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Preview_SameAsAStoredRunOfTheScenario_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}";

        var preview = await (await client.PostAsync($"{url}/preview", new PreviewRequest(null, 2_000, 11))).ReadAsync<JsonElement>();

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.SimulationRuns.CountAsync());
        }

        var run = await (await client.PostAsync($"{url}/simulations?wait=true", new SimulateRequest(2_000, 11))).ReadAsync<SimulationRunDto>(HttpStatusCode.Created);
        Assert.Equal(SimulationRunStatus.Succeeded, run.Status);
        Assert.Equal(run.Result!.Value.GetRawText(), preview.GetRawText());
        Assert.Equal(2_000, preview.GetProperty("paths").GetInt32());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Preview_EditsInTheBody_ChangeTheAnswerNotThePlan(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans/{plan.Id}";
        var richer = JsonDocument.Parse(Benchmark.Replace("\"startBalance\": 100000", "\"startBalance\": 400000", StringComparison.Ordinal)).RootElement.Clone();

        var asStored = await (await client.PostAsync($"{url}/preview", new PreviewRequest(null, 2_000, 3))).ReadAsync<JsonElement>();
        var edited = await (await client.PostAsync($"{url}/preview", new PreviewRequest(richer, 2_000, 3))).ReadAsync<JsonElement>();

        Assert.True(edited.GetProperty("successProbability").GetDouble() > asStored.GetProperty("successProbability").GetDouble());
        var stored = await (await client.GetAsync(url)).ReadAsync<PlanDto>();
        Assert.Equal((100000.0, plan.Version), (stored.Scenario.GetProperty("startBalance").GetDouble(), stored.Version));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Preview_BadInput_AnswersNamingTheField(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var plan = await CreatePlanAsync(client, household.Id);
        var url = $"/api/households/{household.Id}/plans";
        var negative = JsonDocument.Parse(Benchmark.Replace("\"volatility\": 0.06", "\"volatility\": -0.06", StringComparison.Ordinal)).RootElement.Clone();

        var tooMany = await (await client.PostAsync($"{url}/{plan.Id}/preview", new PreviewRequest(null, 20_001))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var invalid = await (await client.PostAsync($"{url}/{plan.Id}/preview", new PreviewRequest(negative))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync($"{url}/{Guid.NewGuid()}/preview", new PreviewRequest(null))).ReadProblemAsync(HttpStatusCode.NotFound, "plan-not-found");

        Assert.True(tooMany.GetProperty("errors").TryGetProperty("paths", out _), tooMany.ToString());
        Assert.True(invalid.GetProperty("errors").TryGetProperty("scenario.assets[2].volatility", out _), invalid.ToString());
    }
}
