using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Api;

/// <summary>If-Match as the header form of an update's version (docs/api.md, "Conditional requests").</summary>
public class IfMatchTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AnUpdateWithTheCurrentVersionInIfMatch_Saves_AndTheSameTagAgainIsAFailedPrecondition(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var path = await NewHousehold(client);
        var read = (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("version").GetInt64();

        // The body's version (0, stale) is ignored: the header names the version read.
        var saved = await Put(client, path, new { name = "Renamed by If-Match", version = 0 }, $"\"{read}\"");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("Renamed by If-Match", after.GetProperty("name").GetString());
        Assert.True(after.GetProperty("version").GetInt64() > read);

        var stale = await Put(client, path, new { name = "Lost update", version = 0 }, $"\"{read}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("precondition-failed", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("Renamed by If-Match", (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("name").GetString());

        // Without the header the body's version still decides, and a stale one is 409 as before.
        Assert.Equal(HttpStatusCode.Conflict, (await Put(client, path, new { name = "Body form", version = read }, null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TheTaxProfile_WhoseUseCaseAnswersTheConflictItself_IsAFailedPreconditionToo(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var path = await NewHousehold(client) + "/tax-profile";
        var profile = await client.GetFromJsonAsync<JsonElement>(path);
        var read = profile.GetProperty("version").GetInt64();
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(profile.GetRawText())!;

        Assert.Equal(HttpStatusCode.OK, (await Put(client, path, body, $"\"{read}\"")).StatusCode);
        var stale = await Put(client, path, body, $"\"{read}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"one\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("*")]
    public async Task AnIfMatchThatNamesNoSingleVersion_IsRefused_AndNothingChanges(string header)
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var path = await NewHousehold(client);
        var before = await client.GetStringAsync(path);

        var refused = await Put(client, path, new { name = "Not saved", version = 0 }, header);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, await client.GetStringAsync(path));
    }

    private static async Task<string> NewHousehold(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/v1/households", new { name = "If-Match household", reportingCurrency = "USD" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return $"/api/v1/households/{(await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}";
    }

    private static async Task<HttpResponseMessage> Put(HttpClient client, string path, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }
}
