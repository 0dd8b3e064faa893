using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Auth;

/// <summary>The per-user API limit and the per-IP and per-account login limits answer 429 with Retry-After.</summary>
public class RateLimitTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Api_PerUserLimit_Answers429WithRetryAfter_AndOtherUsersGoOn(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "5" });
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/households")).StatusCode);
        }

        var refused = await client.GetAsync("/api/households");
        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(await app.CreateUserAsync()).GetAsync("/api/households")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ExpensiveReads_OverTheUsersCostBudget_Answer429_WhileCheapReadsAndOtherUsersAreServed(DatabaseProvider provider)
    {
        // 30 units a minute at 10 a read: three expensive reads, then 429 until the bucket refills (3 units every 6 s).
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["RateLimits:ReadCostPerMinute"] = "30",
            ["RateLimits:ExpensiveReadCost"] = "10",
        });
        Assert.Equal(
        [
            "GET /api/advisor/clients",
            "GET /api/households/{householdId:guid}/accounts/{accountId:guid}/values",
            "GET /api/households/{householdId:guid}/advisors/",
            "GET /api/households/{householdId:guid}/alerts",
            "GET /api/households/{householdId:guid}/net-worth",
            "GET /api/households/{householdId:guid}/performance",
            "GET /api/households/{householdId:guid}/positions",
            "GET /api/households/{householdId:guid}/recommendations/",
            "GET /api/households/{householdId:guid}/tax-loss-opportunities",
            "GET /api/households/{householdId:guid}/valuation",
            "GET /api/strategies/{strategyId:guid}/performance",
            "POST /api/accounts/{accountId:guid}/orders/process",
            "POST /api/households/{householdId:guid}/anomalies/scan",
            "POST /api/households/{householdId:guid}/categoriser/train",
            "POST /api/households/{householdId:guid}/recommendations/{key}/decision",
            "POST /api/households/{householdId:guid}/tax-loss-opportunities/proposals",
        ], EndpointMatrix.Enumerate(app.Services).Where(e => e.ExpensiveRead).Select(e => e.ToString()).Order(StringComparer.Ordinal));
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}/positions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}/net-worth")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}/positions")).StatusCode);

        var refused = await client.GetAsync($"{url}/net-worth");
        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        await (await client.GetAsync($"{url}/positions")).ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        // Cheap reads do not draw on the budget.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}/accounts")).StatusCode);

        // Another user has a budget of their own.
        var other = app.CreateClient(await app.CreateUserAsync());
        var theirs = await other.HouseholdAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/households/{theirs.Id}/net-worth")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/households/{theirs.Id}/positions")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Login_PerAccountLimit_HoldsAcrossAddresses_AndPerIpLimitHoldsAcrossAccounts(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["RateLimits:AuthPerAccountPerMinute"] = "3",
            ["RateLimits:AuthPerIpPerMinute"] = "8",
            ["Auth:MaxFailedAttempts"] = "100",
        });
        var client = app.CreateAnonymousClient();
        var wrong = new LoginRequest("target@example.test", "not the right password", null, null);
        for (var i = 0; i < 3; i++)
        {
            await (await client.PostAsync("/auth/login", wrong)).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        var perAccount = await client.PostAsync("/auth/login", wrong);
        await perAccount.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(perAccount.Headers.Contains("Retry-After"));

        // Four requests so far from this IP; four more to other accounts reach the per-IP limit of 8.
        for (var i = 0; i < 4; i++)
        {
            await (await client.PostAsync("/auth/login", new LoginRequest($"other{i}@example.test", "x y z w v u t", null, null))).ReadProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        var perIp = await client.PostAsync("/auth/refresh", new RefreshRequest("anything"));
        await perIp.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(perIp.Headers.Contains("Retry-After"));
    }
}
