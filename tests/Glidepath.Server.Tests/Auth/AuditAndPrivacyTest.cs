using System.Net;
using System.Text.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Auth;

/// <summary>Audit events in their table and their own log stream, no secret in any log, the privacy export and erasure.</summary>
public class AuditAndPrivacyTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SignInFlows_AreAudited_AndNoSecretReachesAnyLog(DatabaseProvider provider)
    {
        // JSON console logs (the production default) are checked too: what the console would print.
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Logging:Format"] = "json" });
        var client = app.CreateAnonymousClient();
        const string password = "the secret passphrase nobody logs";
        await (await client.PostAsync("/auth/register", new RegisterRequest("cat@example.test", password))).ReadAsync<RegisteredDto>(HttpStatusCode.Created);
        await (await client.PostAsync("/auth/login", new LoginRequest("cat@example.test", "a wrong passphrase to log", null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        var tokens = await SignInTest.LoginAsync(client, "cat@example.test", password);
        var refreshed = await (await client.PostAsync("/auth/refresh", new RefreshRequest(tokens.RefreshToken))).ReadAsync<TokensDto>();
        var me = app.CreateClient(refreshed.AccessToken);
        var enrolment = await (await me.PostAsync("/api/me/mfa/totp", new { })).ReadAsync<TotpEnrolmentDto>();
        var code = Totp.Code(enrolment.SharedKey, DateTimeOffset.UtcNow);
        var recovery = await (await me.PostAsync("/api/me/mfa/totp/confirm", new TotpCodeRequest(code))).ReadAsync<RecoveryCodesDto>();
        await (await client.PostAsync("/auth/forgot-password", new ForgotPasswordRequest("cat@example.test"))).Content.ReadAsStringAsync();
        await client.PostAsync("/auth/logout", new RefreshRequest(refreshed.RefreshToken));

        var mails = string.Join("\n", Directory.GetFiles(app.MailFolder).Select(File.ReadAllText));
        var secrets = new List<string> { password, "a wrong passphrase to log", tokens.AccessToken, tokens.RefreshToken, refreshed.AccessToken, refreshed.RefreshToken, enrolment.SharedKey };
        secrets.AddRange(recovery.RecoveryCodes);
        secrets.AddRange(System.Text.RegularExpressions.Regex.Matches(mails, "\"token\": \"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.True(secrets.Count >= 14);
        var logs = app.Logs.Entries;
        Assert.NotEmpty(logs);
        foreach (var entry in logs)
        {
            var text = entry.Message + entry.Exception + string.Join(' ', entry.State.Select(p => p.Value?.ToString()));
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret reached the log: [{entry.Category}] {entry.Message}");
            }
        }

        var lines = app.ConsoleLines;
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            // One event per line: a JSON object, no line break inside (stack traces are escaped).
            Assert.Equal(line.TrimEnd('\n').Length, line.TrimEnd('\n').ReplaceLineEndings("").Length);
            using var json = JsonDocument.Parse(line);
            foreach (var secret in secrets)
            {
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"a secret reached the JSON console log: {line}");
            }
        }

        // Events logged while serving a request name its trace.
        var signIn = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("Category").GetString() == "Glidepath.Audit");
        Assert.Contains(signIn.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("TraceId", out var id) && id.GetString()!.Length == 32);

        var stream = logs.Where(e => e.Category == "Glidepath.Audit").Select(e => e.State.First(p => p.Key == "AuditType").Value?.ToString() ?? "").ToList();
        await using var db = app.CreateDbContext();
        var table = await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Type).ToListAsync();
        Assert.Equal(table, stream);
        foreach (var expected in new[] { "registered", "sign-in-failed", "sign-in", "mfa-enabled", "password-reset-requested", "sign-out" })
        {
            Assert.Contains(expected, table);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Export_HoldsTheUsersData_AndErasureRemovesItKeepingAnonymisedAudit(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var user = await app.CreateUserAsync(email: "dee@example.test");
        var client = app.CreateClient(user);
        var household = await client.HouseholdAsync("Dee's money");
        var account = await client.AccountAsync(household.Id);
        await (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2024, 1, 2), 1234.56m))).Content.ReadAsStringAsync();
        var bystander = await app.CreateClient().HouseholdAsync("Someone else");

        var export = JsonDocument.Parse(await (await client.GetAsync("/api/me/export")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("dee@example.test", export.GetProperty("user").GetProperty("email").GetString());
        var households = export.GetProperty("households").EnumerateArray().ToList();
        Assert.Equal(2, households.Count); // the one made with the user, and Dee's money
        var dees = households.Single(h => h.GetProperty("household").GetProperty("name").GetString() == "Dee's money");
        Assert.Equal(1234.56m, dees.GetProperty("transactions")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("1234567890", dees.GetProperty("accounts")[0].GetProperty("number").GetString());
        Assert.DoesNotContain("Someone else", export.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", export.GetRawText(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me")).StatusCode);

        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "dee@example.test"));
        Assert.False(await db.Households.AnyAsync(h => h.Id == household.Id || h.Id == user.HouseholdId));
        Assert.False(await db.Accounts.AnyAsync(a => a.Id == account.Id));
        Assert.True(await db.Households.AnyAsync(h => h.Id == bystander.Id));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.UserId == user.Id || e.ActorId == user.Id));
        var kept = await db.AuditEvents.Where(e => e.Type == "data-exported" || e.Type == "account-deleted").ToListAsync();
        Assert.Equal(2, kept.Count);
        Assert.All(kept, e => Assert.Null(e.UserId));
        Assert.All(kept, e => Assert.Null(e.IpAddress));
        await (await client.GetAsync("/api/me")).ReadProblemAsync(HttpStatusCode.NotFound, "user-not-found");
    }
}
