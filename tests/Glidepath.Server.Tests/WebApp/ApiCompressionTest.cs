using System.Net.Http.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.WebApp;

/// <summary>
/// The API's JSON is compressed for a client that accepts it; responses that carry the caller's
/// secrets (/auth tokens, /api/me) never are, so no secret's length leaks through compression (BREACH).
/// </summary>
public class ApiCompressionTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ApiJson_IsCompressed_SecretsAreNot(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync(mfa: false, password: "correct horse battery staple compression");
        var client = app.CreateClient(user);
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        var households = await client.GetAsync("/api/households");
        Assert.Equal(["br"], households.Content.Headers.ContentEncoding);

        Assert.Equal(["br"], (await client.GetAsync("/api/v1/households")).Content.Headers.ContentEncoding);

        foreach (var path in new[] { "/api/me", "/api/v1/me" })
        {
            var me = await client.GetAsync(path);
            Assert.True(me.IsSuccessStatusCode, path);
            Assert.Empty(me.Content.Headers.ContentEncoding);
        }

        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        Assert.True(login.IsSuccessStatusCode);
        Assert.Empty(login.Content.Headers.ContentEncoding);
    }
}
