using System.Net;
using Glidepath.Application.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Households;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Households;

public class HouseholdEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Households_CreateReadUpdateDelete_RoundTrips(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var created = await client.HouseholdAsync("The Smiths");
        var read = await (await client.GetAsync($"/api/households/{created.Id}")).ReadAsync<HouseholdDto>();
        Assert.Equal("The Smiths", read.Name);
        Assert.Contains(await (await client.GetAsync("/api/households")).ReadAsync<List<HouseholdDto>>(), h => h.Id == created.Id);

        var updated = await (await client.PutAsync($"/api/households/{created.Id}", new UpdateHouseholdRequest("The Smith family", "EUR", read.Version)))
            .ReadAsync<HouseholdDto>();
        Assert.Equal(("The Smith family", "EUR"), (updated.Name, updated.ReportingCurrency));
        Assert.Equal(read.Version + 1, updated.Version);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/households/{created.Id}")).StatusCode);
        await (await client.GetAsync($"/api/households/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Update_StaleVersion_Answers409ConcurrencyConflict(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        await (await client.PutAsync($"/api/households/{household.Id}", new UpdateHouseholdRequest("First writer", null, household.Version)))
            .ReadAsync<HouseholdDto>();

        var stale = await client.PutAsync($"/api/households/{household.Id}", new UpdateHouseholdRequest("Second writer", null, household.Version));

        await stale.ReadProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");
        var kept = await (await client.GetAsync($"/api/households/{household.Id}")).ReadAsync<HouseholdDto>();
        Assert.Equal("First writer", kept.Name);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Create_InvalidFields_Answers400NamingEachField(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);

        var response = await app.CreateClient().PostAsync("/api/households", new CreateHouseholdRequest(" ", "XYZ"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("reportingCurrency", out _));
    }
}
