using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Api;

/// <summary>The conventions every /api route follows (docs/api.md): RateLimit headers, ETags on reads, Idempotency-Key on POSTs.</summary>
public class ApiConventionsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task EveryAnswer_CarriesTheRateLimitHeaders_CountingDownToThe429(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "3" });
        var client = app.CreateClient();

        var remaining = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var answer = await client.GetAsync("/api/households");
            Assert.Equal(i < 3 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, answer.StatusCode);
            Assert.Equal("\"api\";q=3;w=60", answer.Headers.GetValues("RateLimit-Policy").Single());
            var state = answer.Headers.GetValues("RateLimit").Single();
            Assert.Matches("^\"api\";r=[0-9]+;t=[0-9]+$", state);
            remaining.Add(state.Split(';')[1]);
        }

        Assert.Equal(["r=2", "r=1", "r=0", "r=0"], remaining);
        var login = await app.CreateAnonymousClient().PostAsJsonAsync("/auth/login", new { email = "nobody@example.test", password = "wrong password here" });
        Assert.StartsWith("\"auth\";", login.Headers.GetValues("RateLimit-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Reads_CarryAnETag_AndIfNoneMatchIs304UntilTheAnswerChanges(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var first = await client.GetAsync("/api/households");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/households");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/households", new { name = "Second", reportingCurrency = "USD" })).StatusCode);
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/households");
        after.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task APostRetriedWithItsIdempotencyKey_CreatesOnce_AndAnotherBodyIsRefused(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Create(string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/households") { Content = JsonContent.Create(new { name, reportingCurrency = "USD" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var created = await Create("Retried");
        var replayed = await Create("Retried");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(created.Headers.Location, replayed.Headers.Location);
        Assert.Equal(await created.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());

        var households = await (await client.GetAsync("/api/households")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(households.EnumerateArray(), h => h.GetProperty("name").GetString() == "Retried");
        await (await Create("Another body")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }
}
