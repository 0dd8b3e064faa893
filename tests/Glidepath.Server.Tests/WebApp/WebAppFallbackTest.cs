using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.WebApp;

/// <summary>The web UI's fallback to index.html must not swallow the server's own routes.</summary>
public class WebAppFallbackTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ServerPrefixes_NeverFallBackToThePage(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        foreach (var path in new[] { "/api/no-such-thing", "/auth/no-such-thing", "/health/no-such-thing", "/openapi/v2.json/x" })
        {
            await (await client.GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound, "not-found");
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task WrongMethodOnARealRoute_StillAnswers405(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var response = await client.DeleteAsync("/api/households");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
