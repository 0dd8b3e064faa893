using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Households;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Auth;

/// <summary>Register, login, refresh, logout, lockout, password policy, TOTP and the e-mailed tokens, over HTTP.</summary>
public partial class SignInTest
{
    private const string Password = "a long passphrase of plain words";

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Register_ThenLogin_GivesTokensAndAHouseholdOfTheirOwn(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var anonymous = app.CreateAnonymousClient();
        var registered = await (await anonymous.PostAsync("/auth/register", new RegisterRequest("ana@example.test", Password)))
            .ReadAsync<RegisteredDto>(HttpStatusCode.Created);

        var tokens = await LoginAsync(anonymous, "ana@example.test", Password);
        Assert.Equal(900, tokens.ExpiresIn);
        var households = await (await app.CreateClient(tokens.AccessToken).GetAsync("/api/households")).ReadAsync<List<HouseholdDto>>();
        Assert.Equal(registered.HouseholdId, Assert.Single(households).Id);

        await (await anonymous.PostAsync("/auth/register", new RegisterRequest("ana@example.test", Password)))
            .ReadProblemAsync(HttpStatusCode.Conflict, "email-taken");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Register_RefusesShortAndCommonPasswords_AcceptsLongPlainOnes(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateAnonymousClient();
        foreach (var weak in new[] { "short", "passwordpassword", "123456789012", "Qwertyuiop123" })
        {
            var problem = await (await client.PostAsync("/auth/register", new RegisterRequest($"{Guid.NewGuid():N}@example.test", weak)))
                .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), weak);
        }

        // No composition rules: twelve lower-case letters and spaces are fine.
        await (await client.PostAsync("/auth/register", new RegisterRequest("plain@example.test", "blue tea cups"))).ReadAsync<RegisteredDto>(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_RotatesEveryUse_AndReuseRevokesTheWholeFamily(DatabaseProvider provider)
    {
        // No grace: the first token comes back at once and still counts as reuse (RefreshGraceTest covers the grace).
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Auth:RefreshReuseGraceSeconds"] = "0" });
        var client = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);
        var first = await LoginAsync(client, user.Email, user.Password);

        var second = await (await client.PostAsync("/auth/refresh", new RefreshRequest(first.RefreshToken))).ReadAsync<TokensDto>();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        var third = await (await client.PostAsync("/auth/refresh", new RefreshRequest(second.RefreshToken))).ReadAsync<TokensDto>();

        // The spent first token comes back (stolen): refused, and the live third one dies with its family.
        await (await client.PostAsync("/auth/refresh", new RefreshRequest(first.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await client.PostAsync("/auth/refresh", new RefreshRequest(third.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");

        // Another sign-in is another family, untouched by the revocation.
        var other = await LoginAsync(client, user.Email, user.Password);
        await (await client.PostAsync("/auth/refresh", new RefreshRequest(other.RefreshToken))).ReadAsync<TokensDto>();

        await using var db = app.CreateDbContext();
        var stored = await db.RefreshTokens.Select(t => t.TokenHash).ToListAsync();
        Assert.DoesNotContain(first.RefreshToken, stored);
        Assert.All(stored, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.Contains(await db.AuditEvents.Select(e => e.Type).ToListAsync(), t => t == "refresh-token-reused");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Logout_RevokesTheRefreshToken(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);
        var tokens = await LoginAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/auth/logout", new RefreshRequest(tokens.RefreshToken))).StatusCode);
        await (await client.PostAsync("/auth/refresh", new RefreshRequest(tokens.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Login_UnknownUserAndWrongPassword_AnswerAlike_AndFailuresLockTheAccount(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);

        var unknown = await (await client.PostAsync("/auth/login", new LoginRequest("nobody@example.test", "whatever it is today", null, null)))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        var wrong = await (await client.PostAsync("/auth/login", new LoginRequest(user.Email, "whatever it is today", null, null)))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
        Assert.Equal(unknown.GetProperty("title").GetString(), wrong.GetProperty("title").GetString());

        for (var i = 1; i < 5; i++)
        {
            await (await client.PostAsync("/auth/login", new LoginRequest(user.Email, "still the wrong one", null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        // Five failures: now even the right password is refused, with the same answer.
        await (await client.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await using var db = app.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Contains("locked-out", await db.AuditEvents.Where(e => e.UserId == user.Id).Select(e => e.Type).ToListAsync());
    }

    /// <summary>
    /// An unknown e-mail, a wrong password and a locked account each cost exactly one password
    /// verification, so they take as long as each other (counted, not timed: a wall-clock ratio
    /// depends on the machine). Without the dummy hash the unknown e-mail would cost none.
    /// </summary>
    [Fact]
    public async Task Login_UnknownUserWrongPasswordAndLockedAccount_EachVerifyOnePasswordHash()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);
        await LoginFailsAsync(client, "warm-up@example.test"); // the first unknown e-mail also makes the dummy hash

        Assert.Equal((0, 1), await HashesForAsync(app, () => LoginFailsAsync(client, "nobody@example.test")));
        Assert.Equal((0, 1), await HashesForAsync(app, () => LoginFailsAsync(client, user.Email)));
        for (var i = 0; i < 4; i++)
        {
            await LoginFailsAsync(client, user.Email);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd > DateTimeOffset.UtcNow);
        }

        Assert.Equal((0, 1), await HashesForAsync(app, () => LoginFailsAsync(client, user.Email)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Totp_EnrolConfirmAndLogin_RequiresTheCode_AndAcceptsARecoveryCodeOnce(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var anonymous = app.CreateAnonymousClient();
        var user = await app.CreateUserAsync(mfa: false);
        var me = app.CreateClient(user);

        var enrolment = await (await me.PostAsync("/api/me/mfa/totp", new { })).ReadAsync<TotpEnrolmentDto>();
        Assert.StartsWith("otpauth://totp/Glidepath%3A", enrolment.ProvisioningUri, StringComparison.Ordinal);
        Assert.Contains("secret=" + enrolment.SharedKey, enrolment.ProvisioningUri, StringComparison.Ordinal);
        await (await me.PostAsync("/api/me/mfa/totp/confirm", new TotpCodeRequest("000000"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var codes = await (await me.PostAsync("/api/me/mfa/totp/confirm", new TotpCodeRequest(Totp.Code(enrolment.SharedKey, DateTimeOffset.UtcNow))))
            .ReadAsync<RecoveryCodesDto>();
        Assert.Equal(10, codes.RecoveryCodes.Count);

        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "mfa-required");
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, "123456", null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-mfa-code");
        // The confirmation spent this time step's code (each step is accepted once): sign in with the next one.
        var tokens = await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, Totp.Code(enrolment.SharedKey, DateTimeOffset.UtcNow.AddSeconds(30)), null)))
            .ReadAsync<TokensDto>();
        var claims = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken);
        Assert.Contains(claims.Claims, c => c.Type == "amr" && c.Value == "mfa");

        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, codes.RecoveryCodes[0]))).ReadAsync<TokensDto>();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, codes.RecoveryCodes[0])))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-mfa-code");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task EmailConfirmationAndPasswordReset_GoThroughTheMailedTokens(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateAnonymousClient();
        var registered = await (await client.PostAsync("/auth/register", new RegisterRequest("bea@example.test", Password))).ReadAsync<RegisteredDto>(HttpStatusCode.Created);
        var confirmation = JsonBlock(Assert.Single(Directory.GetFiles(app.MailFolder)));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/auth/confirm-email",
            new ConfirmEmailRequest(registered.UserId, confirmation.GetProperty("token").GetString()))).StatusCode);
        await (await client.PostAsync("/auth/confirm-email", new ConfirmEmailRequest(registered.UserId, "forged"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var session = await LoginAsync(client, "bea@example.test", Password);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/auth/forgot-password", new ForgotPasswordRequest("nobody@example.test"))).StatusCode);
        Assert.Single(Directory.GetFiles(app.MailFolder));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/auth/forgot-password", new ForgotPasswordRequest("bea@example.test"))).StatusCode);
        var reset = JsonBlock(Directory.GetFiles(app.MailFolder).Order(StringComparer.Ordinal).Last());
        var token = reset.GetProperty("token").GetString();

        await (await client.PostAsync("/auth/reset-password", new ResetPasswordRequest("bea@example.test", token, "password1234"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/auth/reset-password", new ResetPasswordRequest("bea@example.test", token, "an entirely new passphrase"))).StatusCode);
        await LoginAsync(client, "bea@example.test", "an entirely new passphrase");
        await (await client.PostAsync("/auth/refresh", new RefreshRequest(session.RefreshToken))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    internal static async Task<TokensDto> LoginAsync(HttpClient client, string email, string password) =>
        await (await client.PostAsync("/auth/login", new LoginRequest(email, password, null, null))).ReadAsync<TokensDto>();

    private static async Task LoginFailsAsync(HttpClient client, string email) =>
        await (await client.PostAsync("/auth/login", new LoginRequest(email, "not the password at all", null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

    /// <summary>Password hashes made and verified while <paramref name="request"/> ran.</summary>
    private static async Task<(int Hashes, int Verifications)> HashesForAsync(GlidepathApp app, Func<Task> request)
    {
        var (hashes, verifications) = (app.PasswordHashes.Hashes, app.PasswordHashes.Verifications);
        await request();
        return (app.PasswordHashes.Hashes - hashes, app.PasswordHashes.Verifications - verifications);
    }

    internal static JsonElement JsonBlock(string mailFile)
    {
        var text = File.ReadAllText(mailFile);
        return JsonDocument.Parse(JsonObjectPattern().Match(text).Value).RootElement.Clone();
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex JsonObjectPattern();
}
