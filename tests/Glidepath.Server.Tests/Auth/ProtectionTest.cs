using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Auth;

/// <summary>Security headers on every answer, HSTS only over TLS, and CORS only for configured origins.</summary>
public class ProtectionTest
{
    [Fact]
    public async Task Responses_CarrySecurityHeaders_HstsOnlyOverTls()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        foreach (var (client, path) in new[] { (app.CreateClient(), "/api/households"), (app.CreateAnonymousClient(), "/api/households"), (app.CreateAnonymousClient(), "/health") })
        {
            var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
        }

        var tls = app.CreateClient();
        tls.BaseAddress = new Uri("https://localhost");
        var secure = await tls.GetAsync("/api/households");
        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_AllowsOnlyConfiguredOrigins()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://app.example.test" });
        var client = app.CreateAnonymousClient();
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/households");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            request.Headers.Add("Access-Control-Request-Headers", "authorization");
            return await client.SendAsync(request);
        }

        var allowed = await Preflight("https://app.example.test");
        Assert.Equal("https://app.example.test", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var refused = await Preflight("https://evil.example.test");
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnonymousApiCall_Is401ProblemDetails()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.CreateAnonymousClient().GetAsync("/api/households");
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestBody_OverTheLimit_Is413_AndStoresNothing()
    {
        await using var app = await GlidepathApp.StartOnKestrelAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "1024" });
        var client = app.CreateClient();
        using var tooLarge = new StringContent($$"""{"name":"{{new string('x', 2000)}}","reportingCurrency":"USD"}""", System.Text.Encoding.UTF8, "application/json");
        var refused = await client.PostAsync("/api/households", tooLarge);
        await refused.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

        Assert.Equal("[]", await client.GetStringAsync("/api/households"));
        using var small = new StringContent("""{"name":"Small","reportingCurrency":"USD"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/households", small)).StatusCode);
    }
}
