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

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task UnknownIdentityWithAVerifiedEmail_SignsUp_ThenSignsInWithTheProviderAlone(DatabaseProvider provider)
    {
        await using var stub = await OidcStub.StartAsync();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(stub));
        (stub.Subject, stub.Email, stub.EmailVerified) = ("stub-new-user", "newcomer@example.test", true);

        var browser = Browser(app);
        await SignInAtProviderAsync(browser, stub);
        await (await browser.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadProblemAsync(HttpStatusCode.Conflict, "external-login-not-linked");
        var registered = await (await browser.PostAsync("/auth/external/register", new { })).ReadAsync<ExternalRegisteredDto>(HttpStatusCode.Created);
        Assert.True(registered.EmailConfirmed);
        var households = await (await app.CreateClient(registered.Tokens!.AccessToken).GetAsync("/api/households")).ReadAsync<List<Glidepath.Server.Households.HouseholdDto>>();
        Assert.Equal(registered.HouseholdId, Assert.Single(households).Id);
        // The cookie is spent by the sign-up.
        await (await browser.PostAsync("/auth/external/register", new { })).ReadProblemAsync(HttpStatusCode.Unauthorized, "external-sign-in-missing");

        var again = Browser(app);
        await SignInAtProviderAsync(again, stub);
        var tokens = await (await again.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadAsync<TokensDto>();
        Assert.Equal(registered.UserId.ToString(), new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken).Subject);
        // Signing up twice with one identity makes no second account.
        var twice = Browser(app);
        await SignInAtProviderAsync(twice, stub);
        await (await twice.PostAsync("/auth/external/register", new { })).ReadProblemAsync(HttpStatusCode.Conflict, "external-login-taken");

        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == registered.UserId);
        Assert.Equal(("newcomer@example.test", true, null), (user.Email, user.EmailConfirmed, user.PasswordHash));
        var login = await db.UserLogins.SingleAsync();
        Assert.Equal((registered.UserId, "stub-new-user"), (login.UserId, login.ProviderKey));
        Assert.Empty(Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder) : []);
        Assert.Contains("registered", await db.AuditEvents.Where(e => e.UserId == user.Id).Select(e => e.Type).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SignUpWithAnUnverifiedEmail_WaitsForTheUsualConfirmation(DatabaseProvider provider)
    {
        await using var stub = await OidcStub.StartAsync();
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>(Settings(stub)) { ["Auth:RequireConfirmedEmail"] = "true" });
        (stub.Subject, stub.Email, stub.EmailVerified) = ("stub-unverified", "unverified@example.test", false);

        var browser = Browser(app);
        await SignInAtProviderAsync(browser, stub);
        var registered = await (await browser.PostAsync("/auth/external/register", new { })).ReadAsync<ExternalRegisteredDto>(HttpStatusCode.Created);
        Assert.Equal((false, null), (registered.EmailConfirmed, registered.Tokens));

        var early = Browser(app);
        await SignInAtProviderAsync(early, stub);
        await (await early.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        var confirmation = SignInTest.JsonBlock(Assert.Single(Directory.GetFiles(app.MailFolder)));
        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateAnonymousClient().PostAsync("/auth/confirm-email",
            new ConfirmEmailRequest(registered.UserId, confirmation.GetProperty("token").GetString()))).StatusCode);
        var confirmed = Browser(app);
        await SignInAtProviderAsync(confirmed, stub);
        await (await confirmed.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadAsync<TokensDto>();
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SignUp_NeverTakesOverAnExistingAccountsEmail_AndHonoursClosedRegistration(DatabaseProvider provider)
    {
        await using var stub = await OidcStub.StartAsync();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(stub));
        var victim = await app.CreateUserAsync(mfa: false);
        (stub.Email, stub.EmailVerified) = (victim.Email, true);

        // Even a provider vouching for the address does not get the account: 409, nothing linked, no second account.
        var browser = Browser(app);
        await SignInAtProviderAsync(browser, stub);
        await (await browser.PostAsync("/auth/external/register", new { })).ReadProblemAsync(HttpStatusCode.Conflict, "email-taken");
        await (await browser.PostAsync("/auth/external/complete", new ExternalCompleteRequest(null, null))).ReadProblemAsync(HttpStatusCode.Conflict, "external-login-not-linked");
        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(await db.UserLogins.ToListAsync());
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == victim.Email));
        }

        await using var closed = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>(Settings(stub)) { ["Auth:OpenRegistration"] = "false" });
        (stub.Email, stub.Subject) = ("someone-new@example.test", "stub-closed");
        var refused = Browser(closed);
        await SignInAtProviderAsync(refused, stub);
        await (await refused.PostAsync("/auth/external/register", new { })).ReadProblemAsync(HttpStatusCode.Forbidden, "registration-closed");
        await (await closed.CreateAnonymousClient().PostAsync("/auth/register", new RegisterRequest("someone-new@example.test", "a long enough passphrase 42")))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "registration-closed");
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
