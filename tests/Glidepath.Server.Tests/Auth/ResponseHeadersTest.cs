using System.Net;
using System.Text.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Auth;

/// <summary>What the answers give away: no cached copies of API data, no server banner, no client-chosen base URL.</summary>
public class ResponseHeadersTest
{
    [Fact]
    public async Task ApiAndAuthAnswers_AreNoStore()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var api = await app.CreateClient().GetAsync("/api/households");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(api.Headers.CacheControl?.NoStore, "GET /api/households");
        var login = await app.CreateAnonymousClient().PostAsync("/auth/login", new LoginRequest(app.DefaultUser.Email, app.DefaultUser.Password, null, null));
        Assert.True(login.Headers.CacheControl?.NoStore, "POST /auth/login");
        var refused = await app.CreateAnonymousClient().GetAsync("/api/households");
        Assert.True(refused.Headers.CacheControl?.NoStore, "401 on /api");
    }

    [Fact]
    public async Task Kestrel_SendsNoServerHeader()
    {
        await using var app = await GlidepathApp.StartOnKestrelAsync(DatabaseProvider.Sqlite);
        var response = await app.CreateAnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task OpenApiServers_ComeFromConfiguration_NotTheHostHeader()
    {
        await using var app = await GlidepathApp.StartAsync(
            DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Auth:PublicBaseUrl"] = "https://glidepath.example.test/" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";
        var response = await app.CreateAnonymousClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        var servers = JsonDocument.Parse(text).RootElement.GetProperty("servers");
        Assert.Equal("https://glidepath.example.test", Assert.Single(servers.EnumerateArray()).GetProperty("url").GetString());
    }
}
