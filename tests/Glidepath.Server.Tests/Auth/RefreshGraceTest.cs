using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Auth;

/// <summary>Refresh-token rotation with a reuse grace: two tabs refreshing at once stay signed in; a stale token still revokes.</summary>
public class RefreshGraceTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_TenSimultaneousWithOneToken_AllSucceedWithTheSameSuccessor(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync(mfa: false);
        var first = await SignInTest.LoginAsync(app.CreateAnonymousClient(), user.Email, user.Password);

        using var start = new ManualResetEventSlim();
        var refreshes = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var response = await app.CreateAnonymousClient().PostAsync("/auth/refresh", new RefreshRequest(first.RefreshToken));
            return await response.ReadAsync<TokensDto>();
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(refreshes);

        var successor = Assert.Single(answers.Select(a => a.RefreshToken).Distinct(StringComparer.Ordinal));
        Assert.NotEqual(first.RefreshToken, successor);

        // The session lives on: the successor refreshes, and the access tokens all work.
        var next = await (await app.CreateAnonymousClient().PostAsync("/auth/refresh", new RefreshRequest(successor))).ReadAsync<TokensDto>();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(next.AccessToken).GetAsync("/api/households")).StatusCode);
        Assert.All(answers, a => Assert.False(string.IsNullOrEmpty(a.AccessToken)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_SpentTokenPastTheGrace_RevokesTheFamily(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Auth:RefreshReuseGraceSeconds"] = "1" });
        var client = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);
        var first = await SignInTest.LoginAsync(client, user.Email, user.Password);
        var second = await (await client.PostAsync("/auth/refresh", new RefreshRequest(first.RefreshToken))).ReadAsync<TokensDto>();

        // Within the grace the spent token answers the same successor ...
        var again = await (await client.PostAsync("/auth/refresh", new RefreshRequest(first.RefreshToken))).ReadAsync<TokensDto>();
        Assert.Equal(second.RefreshToken, again.RefreshToken);

        // ... past it, it is a stolen token: refused, and the live successor dies with the family.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await (await client.PostAsync("/auth/refresh", new RefreshRequest(first.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await client.PostAsync("/auth/refresh", new RefreshRequest(second.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }
}
