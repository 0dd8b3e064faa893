using System.Net;
using Glidepath.Application.People;
using Glidepath.Domain.Households;
using Glidepath.Server.People;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.People;

public class PeopleEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task People_CreateUpdateDelete_KeepTheRetirementAge_AndValidateIt(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}/people";

        var created = await (await client.PostAsync(url, new PersonRequest("Ada", new DateOnly(1970, 1, 1), FilingStatus.Single, "US", null, RetirementAge: 65)))
            .ReadAsync<PersonDto>(HttpStatusCode.Created);
        Assert.Equal(65, created.RetirementAge);
        var updated = await (await client.PutAsync($"{url}/{created.Id}", new PersonRequest("Ada L", new DateOnly(1971, 2, 3), FilingStatus.MarriedFilingJointly, "US", null, RetirementAge: 62)))
            .ReadAsync<PersonDto>();
        Assert.Equal(("Ada L", new DateOnly(1971, 2, 3), 62), (updated.Name, updated.BirthDate, updated.RetirementAge));
        Assert.Equal(62, (await (await client.GetAsync($"{url}/{created.Id}")).ReadAsync<PersonDto>()).RetirementAge);

        var invalid = await (await client.PutAsync($"{url}/{created.Id}", new PersonRequest("", new DateOnly(1971, 2, 3), FilingStatus.Single, "US", null, RetirementAge: 12)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("retirementAge", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("name", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{created.Id}")).StatusCode);
        Assert.Empty(await (await client.GetAsync(url)).ReadAsync<List<PersonDto>>());
    }
}
