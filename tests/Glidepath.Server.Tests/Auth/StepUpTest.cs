using System.Net;
using System.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Auth;

/// <summary>Every endpoint with the step-up policy refuses a token without a recent second factor.</summary>
public class StepUpTest
{
    /// <summary>The critical actions that exist today; more join automatically when they carry the policy.</summary>
    private static readonly string[] KnownCritical =
    [
        "DELETE /api/me/", "GET /api/me/export", "DELETE /api/households/{householdId:guid}",
        "PUT /api/households/{householdId:guid}/accounts/{accountId:guid}", "DELETE /api/households/{householdId:guid}/accounts/{accountId:guid}",
        "DELETE /api/me/mfa/totp", "PUT /api/admin/users/{userId:guid}/roles", "POST /api/admin/signing-keys/rotate",
        "POST /api/households/{householdId:guid}/connections",
    ];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task EveryCriticalAction_RefusesAStaleOrSingleFactorToken(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var critical = EndpointMatrix.Enumerate(app.Services).Where(e => e.StepUp).ToList();
        foreach (var known in KnownCritical)
        {
            Assert.Contains(known.TrimEnd('/'), critical.Select(e => $"{e.Method} {e.Template}".TrimEnd('/')));
        }

        // Admins, so admin-only critical routes are judged on step-up alone; each owns a household.
        var stale = await app.CreateUserAsync(roles: [Roles.Admin], stepUp: false);
        var singleFactor = await app.CreateUserAsync(roles: [Roles.Admin], mfa: false);
        foreach (var user in new[] { stale, singleFactor })
        {
            var client = app.CreateClient(user);
            foreach (var endpoint in critical)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url(user.HouseholdId!.Value));
                if (endpoint.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = endpoint.Body();
                }

                var response = await client.SendAsync(request);
                await response.ReadProblemAsync(HttpStatusCode.Forbidden, "step-up-required");
                Assert.Contains("insufficient_user_authentication", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task StepUp_WithATotpCode_UnlocksTheCriticalAction(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync(stepUp: false);
        var stale = app.CreateClient(user);
        await (await stale.GetAsync("/api/me/export")).ReadProblemAsync(HttpStatusCode.Forbidden, "step-up-required");
        await (await stale.PostAsync("/api/me/step-up", new StepUpRequest("000000", null))).ReadProblemAsync(HttpStatusCode.Forbidden, "invalid-mfa-code");

        var fresh = await (await stale.PostAsync("/api/me/step-up", new StepUpRequest(Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow), null))).ReadAsync<TokensDto>();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(fresh.AccessToken).GetAsync("/api/me/export")).StatusCode);

        // A refreshed token keeps the original auth_time: refreshing is not a new proof.
        var later = await (await app.CreateAnonymousClient().PostAsync("/auth/refresh", new RefreshRequest(fresh.RefreshToken))).ReadAsync<TokensDto>();
        Assert.Equal(
            new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(fresh.AccessToken).GetClaim("auth_time").Value,
            new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(later.AccessToken).GetClaim("auth_time").Value);
    }

    [Fact]
    public void Totp_MatchesRfc6238Vectors()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", 8 digits.
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("94287082", Totp.Code(key, 59 / 30, 8));
        Assert.Equal("07081804", Totp.Code(key, 1111111109 / 30, 8));
        Assert.Equal("89005924", Totp.Code(key, 1234567890 / 30, 8));
        Assert.Equal(key, Totp.Base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }
}
