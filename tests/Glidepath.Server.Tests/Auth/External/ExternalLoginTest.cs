using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.External;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Auth.External;

/// <summary>
/// Sign in with an existing identity against <see cref="OidcStub"/>: the browser's round trip is driven by
/// hand (challenge, the provider's authorisation endpoint, the callback), the server's code exchange and
/// id_token validation are real. Linking needs the Glidepath account's password; a forged id_token is refused.
/// </summary>
public class ExternalLoginTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ExternalIdentity_LinksOnlyWithThePassword_ThenSignsIn(DatabaseProvider provider)
    {
        await using var stub = await OidcStub.StartAsync();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(stub));
        var owner = await app.CreateUserAsync(mfa: false);
        var victim = await app.CreateUserAsync(mfa: false);

        var providers = await (await app.CreateAnonymousClient().GetAsync("/auth/external")).ReadAsync<List<ExternalProviderDto>>();
        Assert.Equal(new ExternalProviderDto("stub", "Stub ID", "/auth/external/stub"), Assert.Single(providers));

        // The identity asserts the victim's e-mail address: that alone links nothing.
        stub.Email = victim.Email;
        var browser = Browser(app);
        await SignInAtProviderAsync(browser, stub);
        await (await browser.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadProblemAsync(HttpStatusCode.Conflict, "external-login-not-linked");
        await (await browser.PostAsync("/auth/external/link", new LoginRequest(victim.Email, "not the victim's password", null, null)))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        // The account's owner proves ownership with the password: linked, and signed in.
        var linked = await (await browser.PostAsync("/auth/external/link", new LoginRequest(owner.Email, owner.Password, null, null))).ReadAsync<TokensDto>();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(linked.AccessToken).GetAsync("/api/households")).StatusCode);
        // The cookie is spent: the same browser cannot complete again without a new provider round trip.
        await (await browser.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "external-sign-in-missing");

        // Next time the provider alone signs the owner in.
        var again = Browser(app);
        await SignInAtProviderAsync(again, stub);
        var tokens = await (await again.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadAsync<TokensDto>();
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken);
        Assert.Equal(owner.Id.ToString(), jwt.Subject);
        Assert.Contains(jwt.Claims, c => c.Type == "amr" && c.Value == "fed");
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "amr" && c.Value == "mfa");
        Assert.Equal(2, stub.VerifiedPkceExchanges); // two provider round trips, each code exchanged with its verifier

        await using var db = app.CreateDbContext();
        var login = await db.UserLogins.SingleAsync();
        Assert.Equal((owner.Id, "stub", "stub-subject-1"), (login.UserId, login.LoginProvider, login.ProviderKey));
        Assert.Contains("external-login-linked", await db.AuditEvents.Where(e => e.UserId == owner.Id).Select(e => e.Type).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task LinkedAccountWithASecondFactor_StillNeedsTheCode(DatabaseProvider provider)
    {
        await using var stub = await OidcStub.StartAsync();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(stub));
        var user = await app.CreateUserAsync(mfa: true);
        var browser = Browser(app);
        await SignInAtProviderAsync(browser, stub);
        await (await browser.PostAsync("/auth/external/link", new LoginRequest(user.Email, user.Password, null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "mfa-required");
        await (await browser.PostAsync("/auth/external/link", new LoginRequest(user.Email, user.Password, Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow), null)))
            .ReadAsync<TokensDto>();

        var again = Browser(app);
        await SignInAtProviderAsync(again, stub);
        await (await again.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "mfa-required");
        var tokens = await (await again.PostAsync("/auth/external/complete", new ExternalCompleteRequest(Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow.AddSeconds(30)), null)))
            .ReadAsync<TokensDto>();
        Assert.Contains(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken).Claims, c => c.Type == "amr" && c.Value == "mfa");
    }

    [Fact]
    public async Task ForgedIdToken_IsRefused_AndLeavesNoSignIn()
    {
        await using var stub = await OidcStub.StartAsync();
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings(stub));
        stub.SignWithUnpublishedKey = true;
        var browser = Browser(app);
        var landing = await SignInAtProviderAsync(browser, stub);
        Assert.Equal("/signin/external?error=external-sign-in-failed", landing);
        await (await browser.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "external-sign-in-missing");
        await (await browser.GetAsync("/auth/external/nobody")).ReadProblemAsync(HttpStatusCode.NotFound, "external-provider-not-found");
    }

    private static Dictionary<string, string?> Settings(OidcStub stub) => new()
    {
        ["Auth:External:stub:DisplayName"] = "Stub ID",
        ["Auth:External:stub:Authority"] = stub.Authority,
        ["Auth:External:stub:ClientId"] = OidcStub.ClientId,
        ["Auth:External:stub:ClientSecret"] = OidcStub.ClientSecret,
        ["Auth:External:stub:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A browser: keeps cookies, does not follow redirects (the test follows them across the two servers).</summary>
    private static HttpClient Browser(GlidepathApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Challenge, sign in at the provider, come back through the callback; answers where the server sends the browser then.</summary>
    private static async Task<string> SignInAtProviderAsync(HttpClient browser, OidcStub stub)
    {
        var challenge = await browser.GetAsync("/auth/external/stub");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(stub.Authority + "/authorize?", authorize.ToString(), StringComparison.Ordinal);

        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await provider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith("https://localhost/auth/external/stub/callback?", callback.ToString(), StringComparison.Ordinal);

        var landing = await browser.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        return landing.Headers.Location!.OriginalString;
    }
}
