using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Auth.Sessions;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Glidepath.Server.Tests.Auth;

/// <summary><c>/api/me/sessions</c>: a session is a refresh-token family; revoking it makes its refresh token fail.</summary>
public class SessionTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Sessions_ListMarksTheCaller_RevokingOneKillsOnlyItsRefreshToken(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var anonymous = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);
        var laptop = await SignInTest.LoginAsync(anonymous, user.Email, user.Password);
        var phone = await SignInTest.LoginAsync(anonymous, user.Email, user.Password);
        var me = app.CreateClient(laptop.AccessToken);

        var sessions = await (await me.GetAsync("/api/me/sessions")).ReadAsync<List<SessionDto>>();
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.Current);
        Assert.Equal(Sid(laptop.AccessToken), current.Id);
        var other = Assert.Single(sessions, s => !s.Current);
        Assert.Equal(Sid(phone.AccessToken), other.Id);
        Assert.All(sessions, s => Assert.False(s.Mfa));
        Assert.All(sessions, s => Assert.True(s.ExpiresUtc > s.LastRefreshedUtc && s.LastRefreshedUtc >= s.SignedInUtc));

        // Someone else cannot end it (and cannot tell it exists).
        var stranger = app.CreateClient(await app.CreateUserAsync(mfa: false));
        await (await stranger.DeleteAsync($"/api/me/sessions/{other.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "session-not-found");
        Assert.Empty(await (await stranger.GetAsync("/api/me/sessions")).ReadAsync<List<SessionDto>>());

        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync($"/api/me/sessions/{other.Id}")).StatusCode);
        await (await anonymous.PostAsync("/auth/refresh", new RefreshRequest(phone.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await me.DeleteAsync($"/api/me/sessions/{other.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "session-not-found");

        // The caller's own session goes on, through refreshes, under the same id.
        var refreshed = await (await anonymous.PostAsync("/auth/refresh", new RefreshRequest(laptop.RefreshToken))).ReadAsync<TokensDto>();
        Assert.Equal(current.Id, Sid(refreshed.AccessToken));
        var after = Assert.Single(await (await app.CreateClient(refreshed.AccessToken).GetAsync("/api/me/sessions")).ReadAsync<List<SessionDto>>());
        Assert.True(after.Current);
        Assert.Equal(current.SignedInUtc, after.SignedInUtc);
        Assert.True(after.LastRefreshedUtc >= current.LastRefreshedUtc);

        await using var db = app.CreateDbContext();
        Assert.Contains("session-revoked", await db.AuditEvents.Where(e => e.UserId == user.Id).Select(e => e.Type).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RevokeOthers_EndsEverySessionButTheCallers(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var anonymous = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);
        var mine = await SignInTest.LoginAsync(anonymous, user.Email, user.Password);
        var others = new[]
        {
            await SignInTest.LoginAsync(anonymous, user.Email, user.Password),
            await SignInTest.LoginAsync(anonymous, user.Email, user.Password),
        };
        var someoneElse = await app.CreateUserAsync(mfa: false);
        var theirs = await SignInTest.LoginAsync(anonymous, someoneElse.Email, someoneElse.Password);

        var me = app.CreateClient(mine.AccessToken);
        Assert.Equal(2, (await (await me.DeleteAsync("/api/me/sessions")).ReadAsync<SessionsRevokedDto>()).Revoked);
        foreach (var other in others)
        {
            await (await anonymous.PostAsync("/auth/refresh", new RefreshRequest(other.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        }

        await (await anonymous.PostAsync("/auth/refresh", new RefreshRequest(mine.RefreshToken))).ReadAsync<TokensDto>();
        await (await anonymous.PostAsync("/auth/refresh", new RefreshRequest(theirs.RefreshToken))).ReadAsync<TokensDto>();
        Assert.Equal(0, (await (await me.DeleteAsync("/api/me/sessions")).ReadAsync<SessionsRevokedDto>()).Revoked);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task StepUp_ContinuesTheSession_InsteadOfOpeningAnother(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var anonymous = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync();
        var login = await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow), null)))
            .ReadAsync<TokensDto>();

        var stepped = await (await app.CreateClient(login.AccessToken).PostAsync("/api/me/step-up", new StepUpRequest(Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow.AddSeconds(30)), null)))
            .ReadAsync<TokensDto>();
        Assert.Equal(Sid(login.AccessToken), Sid(stepped.AccessToken));
        var session = Assert.Single(await (await app.CreateClient(stepped.AccessToken).GetAsync("/api/me/sessions")).ReadAsync<List<SessionDto>>());
        Assert.True(session.Current && session.Mfa);

        // The refresh token from before the step-up is spent: it no longer works (and counts as reuse).
        await (await anonymous.PostAsync("/auth/refresh", new RefreshRequest(login.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    private static Guid Sid(string accessToken) => Guid.Parse(new JsonWebToken(accessToken).GetClaim("sid").Value);
}
