using System.Net;
using Glidepath.Application.Recommendations;
using Glidepath.Domain.Recommendations;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Planning;
using Glidepath.Server.Recommendations;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Planning;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Recommendations;

/// <summary>
/// The plan's advice is kept per household under its inputs (PlanAdviceCache, docs/recommendations.md "Cost of a read"):
/// a repeated read answers the same list without running the solves again, and a write to what they read (here the plan)
/// runs them afresh, with the new plan's numbers (checked against the engine run by hand, not against the cache).
/// </summary>
public class RecommendationCacheTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RepeatedRead_IsAnsweredFromTheCache_AndAPlanWriteRecomputesIt(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var cache = app.Services.GetRequiredService<PlanAdviceCache>();
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var plan = await (await client.PostAsync($"{url}/plans", PlanningEndpointsTest.Request("Retirement", PlanRecommendationsTest.Scenario(2_000)))).ReadAsync<PlanDto>(HttpStatusCode.Created);

        var computed = cache.Computed;
        var first = await (await client.GetAsync($"{url}/recommendations")).Content.ReadAsStringAsync();
        Assert.Equal(computed + 1, cache.Computed);
        var second = await (await client.GetAsync($"{url}/recommendations")).Content.ReadAsStringAsync();
        Assert.Equal(computed + 1, cache.Computed); // the solves did not run again
        Assert.Equal(first, second);

        // A write to the plan (more saving, still short of the target) is a new version and scenario: the solves run again.
        await (await client.PutAsync($"{url}/plans/{plan.Id}", PlanningEndpointsTest.Request("Retirement", PlanRecommendationsTest.Scenario(2_000, monthlySaving: 700), plan.Version))).ReadAsync<PlanDto>();
        var changed = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        Assert.Equal(computed + 2, cache.Computed);
        var save = Assert.Single(changed.Items, i => i.Kind == RecommendationKinds.SaveMore);
        var without = PlanRecommendationsTest.Success(PlanRecommendationsTest.Scenario(2_000, monthlySaving: 700));
        Assert.Equal(Math.Round((decimal)without, 6), save.Data["successProbability"]);
        Assert.NotEqual(first, await (await client.GetAsync($"{url}/recommendations")).Content.ReadAsStringAsync());
        Assert.Equal(computed + 2, cache.Computed);
    }
}
