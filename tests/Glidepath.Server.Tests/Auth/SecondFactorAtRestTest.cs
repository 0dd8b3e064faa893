using System.Net;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Auth;

/// <summary>
/// A copied database gives away no second factor: authenticator keys and recovery codes are encrypted
/// (codes hashed first), plaintext ones from before are converted at start, key rotation covers them,
/// and a TOTP code works once.
/// </summary>
public class SecondFactorAtRestTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task EnrolledSecondFactor_IsStoredEncrypted_AndRecoveryCodesHashed(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync(mfa: false);
        var me = app.CreateClient(user);
        var enrolment = await (await me.PostAsync("/api/me/mfa/totp", new { })).ReadAsync<TotpEnrolmentDto>();
        var codes = await (await me.PostAsync("/api/me/mfa/totp/confirm", new TotpCodeRequest(Totp.Code(enrolment.SharedKey, DateTimeOffset.UtcNow))))
            .ReadAsync<RecoveryCodesDto>();

        var raw = await RawTokenValuesAsync(app);
        Assert.NotEmpty(raw);
        Assert.All(raw, value => Assert.NotNull(FieldKeyRing.KeyIdOf(value)));
        Assert.All(raw, value => Assert.DoesNotContain(enrolment.SharedKey, value, StringComparison.Ordinal));

        // Decrypted, the stored codes are still hashes: the key ring alone does not give them away either.
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.UserTokens.Where(t => t.UserId == user.Id && t.Name == SecondFactorUserStore.RecoveryCodesName).Select(t => t.Value).SingleAsync();
            Assert.Equal(10, stored!.Split(';').Length);
            Assert.All(codes.RecoveryCodes, code => Assert.DoesNotContain(code, stored, StringComparison.Ordinal));
            Assert.All(stored.Split(';'), hash => Assert.True(RecoveryCodeHash.IsHash(hash)));
        }

        var anonymous = app.CreateAnonymousClient();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, codes.RecoveryCodes[3]))).ReadAsync<TokensDto>();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, codes.RecoveryCodes[3])))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-mfa-code");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PlaintextSecondFactorsFromBefore_AreEncryptedAndHashedAtStart_AndStillWork(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync(mfa: false);
        const string key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await using (var db = app.CreateDbContext())
        {
            object id = provider == DatabaseProvider.Sqlite ? user.Id.ToString().ToUpperInvariant() : user.Id;
            // As Identity's own store wrote them before: plaintext, codes joined by ';'.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO user_tokens (user_id, login_provider, name, value) VALUES ({0}, '[AspNetUserStore]', 'AuthenticatorKey', {1}), ({0}, '[AspNetUserStore]', 'RecoveryCodes', {2})",
                id, key, "AAAAA-BBBBB;CCCCC-DDDDD");
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true));
        }

        Assert.Equal(2, await app.Services.ProtectPlaintextSecondFactorsAsync()); // what every start runs after the migrations
        Assert.Equal(0, await app.Services.ProtectPlaintextSecondFactorsAsync());
        var raw = await RawTokenValuesAsync(app);
        Assert.All(raw, value => Assert.NotNull(FieldKeyRing.KeyIdOf(value)));

        var anonymous = app.CreateAnonymousClient();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, Totp.Code(key, DateTimeOffset.UtcNow), null))).ReadAsync<TokensDto>();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, "CCCCC-DDDDD"))).ReadAsync<TokensDto>();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, null, "CCCCC-DDDDD"))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-mfa-code");
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.UserTokens.Where(t => t.UserId == user.Id && t.Name == SecondFactorUserStore.RecoveryCodesName).Select(t => t.Value).SingleAsync();
            Assert.True(RecoveryCodeHash.IsHash(stored!), "the remaining code is stored hashed");
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task KeyRotation_ReencryptsAuthenticatorKeys(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.Keys = TestKeys.New(1);
        TestUser user;
        await using (var app = await GlidepathApp.StartOnAsync(database))
        {
            user = await app.CreateUserAsync();
        }

        database.Keys = database.Keys.WithNewActiveKey(2);
        await using (var db = database.CreateDbContext())
        {
            var summary = await new KeyRotation(db, database.Keys.Ring).RotateAsync();
            Assert.True(summary.Columns.Single(c => c.Column == ProtectedColumns.UserTokenValue).Reencrypted >= 1);
        }

        database.Keys = database.Keys.Without(1);
        await using var rotated = await GlidepathApp.StartOnAsync(database);
        Assert.All(await RawTokenValuesAsync(rotated), value => Assert.Equal(2u, FieldKeyRing.KeyIdOf(value)));
        await (await rotated.CreateAnonymousClient().PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow), null)))
            .ReadAsync<TokensDto>();
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TotpCode_IsAcceptedOncePerTimeStep(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync();
        var anonymous = app.CreateAnonymousClient();
        var code = Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow);

        var first = await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, code, null))).ReadAsync<TokensDto>();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, code, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-mfa-code");
        await (await app.CreateClient(first.AccessToken).PostAsync("/api/me/step-up", new StepUpRequest(code, null))).ReadProblemAsync(HttpStatusCode.Forbidden, "invalid-mfa-code");

        // The next step's code is new, and works once.
        var next = Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow.AddSeconds(30));
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, next, null))).ReadAsync<TokensDto>();
        await (await anonymous.PostAsync("/auth/login", new LoginRequest(user.Email, user.Password, next, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-mfa-code");
    }

    private static async Task<List<string>> RawTokenValuesAsync(GlidepathApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>("SELECT value AS \"Value\" FROM user_tokens WHERE value IS NOT NULL").ToListAsync();
    }
}
