using System.Net;
using System.Text.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Glidepath.Server.Authorization;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Glidepath.Server.Tests.Auth;

/// <summary>
/// Calls every endpoint of the running app as anonymous, the household owner, another user, an
/// advisor without a grant, an advisor with a read grant, an advisor with a write grant and an admin, and checks each answer against
/// what the route and its metadata say (see <see cref="EndpointMatrix"/>).
/// </summary>
public class AuthorizationMatrixTest
{
    private enum Caller
    {
        Anonymous,
        OtherUser,
        AdvisorWithoutGrant,
        Admin,
        AdvisorWithReadGrant,
        AdvisorWithGrant,
        Owner,
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task EveryEndpoint_AnswersEveryCallerAsItsPolicyAndOwnershipSay(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var endpoints = EndpointMatrix.Enumerate(app.Services);
        Assert.Empty(EndpointMatrix.Unprotected(app.Services.GetRequiredService<EndpointDataSource>().Endpoints));
        Assert.True(endpoints.Count(e => e.HouseholdScoped) >= 30, $"only {endpoints.Count(e => e.HouseholdScoped)} household routes found");
        Assert.Equal(ComputeOnlyRoutes, endpoints.Where(e => e.ComputeOnly).Select(e => e.ToString()).Order(StringComparer.Ordinal));

        var owner = await app.CreateUserAsync();
        var advisorWithGrant = await app.CreateUserAsync(roles: [Roles.Advisor]);
        var advisorWithReadGrant = await app.CreateUserAsync(roles: [Roles.Advisor]);
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = app.CreateAnonymousClient(),
            [Caller.OtherUser] = app.CreateClient(await app.CreateUserAsync()),
            [Caller.AdvisorWithoutGrant] = app.CreateClient(await app.CreateUserAsync(roles: [Roles.Advisor])),
            [Caller.Admin] = app.CreateClient(await app.CreateUserAsync(roles: [Roles.Admin])),
            [Caller.AdvisorWithReadGrant] = app.CreateClient(advisorWithReadGrant),
            [Caller.AdvisorWithGrant] = app.CreateClient(advisorWithGrant),
            [Caller.Owner] = app.CreateClient(owner),
        };

        // Destructive user-level routes (DELETE /api/me erases the caller) go last, /api/me itself at the very end.
        var ordered = endpoints
            .OrderBy(e => e.Method == "DELETE" && !e.HouseholdScoped ? 1 : 0)
            .ThenBy(e => e.Template is "/api/me/" or "/api/me" ? 1 : 0)
            .ThenBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        var failures = new List<string>();
        foreach (var endpoint in ordered)
        {
            // Each household route gets a fresh household, so one caller's DELETE cannot hide another's answer.
            var householdId = endpoint.HouseholdScoped ? await NewGrantedHouseholdAsync(app, owner.Id, advisorWithGrant.Id, advisorWithReadGrant.Id) : Guid.Empty;
            var url = endpoint.Url(householdId);
            foreach (var (caller, client) in clients)
            {
                if (endpoint.Anonymous && caller != Caller.Anonymous)
                {
                    continue;
                }

                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
                if (endpoint.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = endpoint.Body();
                }

                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var verdict = Judge(endpoint, caller, response.StatusCode, Code(body));
                if (verdict is not null)
                {
                    failures.Add($"{endpoint} as {caller}: {verdict} (got {(int)response.StatusCode} {Code(body)})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The POSTs a read grant may call because they only compute (previews, proposals, simulation runs). Listed
    /// here so that marking another route compute-only is a reviewed change, not a side effect.
    /// </summary>
    private static readonly string[] ComputeOnlyRoutes =
    [
        "POST /api/accounts/{accountId:guid}/rebalance",
        "POST /api/households/{householdId:guid}/plans/{planId:guid}/preview",
        "POST /api/households/{householdId:guid}/plans/{planId:guid}/simulations",
        "POST /api/households/{householdId:guid}/plans/{planId:guid}/solve",
        "POST /api/households/{householdId:guid}/rebalance",
        "POST /api/households/{householdId:guid}/rebalance/preview",
        "POST /api/households/{householdId:guid}/tax-loss-opportunities/proposals",
        "POST /api/households/{householdId:guid}/transactions/sell-preview",
    ];

    [Fact]
    public void Unprotected_FlagsEveryEndpointWithoutAPolicyOffTheAnonymousList()
    {
        static RouteEndpoint Endpoint(string route, params object[] metadata) =>
            new(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), 0, new EndpointMetadataCollection(metadata), route);

        var endpoints = new[]
        {
            Endpoint("/api/new-feature"),                                                      // forgot the policy
            Endpoint("/hubs/prices"),                                                          // outside /api, no policy
            Endpoint("/api/open", new AuthorizeAttribute(), new AllowAnonymousAttribute()),    // opened up by hand
            Endpoint("/api/guarded", new AuthorizeAttribute()),
            Endpoint("/api/critical", new AuthorizeAttribute(AuthPolicies.StepUp)),
            Endpoint("/health/ready"),
            Endpoint("/auth/login", new AllowAnonymousAttribute()),
        };

        Assert.Equal(["* /api/new-feature", "* /hubs/prices", "* /api/open"], EndpointMatrix.Unprotected(endpoints));
    }

    /// <summary>Null when the answer is what <paramref name="caller"/> should get, else why not.</summary>
    private static string? Judge(MatrixEndpoint endpoint, Caller caller, HttpStatusCode status, string? code)
    {
        var s = (int)status;
        if (s >= 500)
        {
            return "server error";
        }

        if (endpoint.Anonymous)
        {
            // A 401 about the request itself (a bad refresh token) is fine; the framework's generic refusal is not.
            return s is 401 or 403 && code is "unauthorized" or "forbidden" ? "an anonymous route refused an anonymous caller" : null;
        }

        if (caller == Caller.Anonymous)
        {
            return s == 401 ? null : "expected 401";
        }

        if (endpoint.AdminOnly && caller != Caller.Admin)
        {
            return s == 403 ? null : "expected 403 (admin only)";
        }

        if (endpoint.AdvisorOnly && caller is not (Caller.AdvisorWithGrant or Caller.AdvisorWithReadGrant or Caller.AdvisorWithoutGrant))
        {
            return s == 403 ? null : "expected 403 (advisor only)";
        }

        if (endpoint.HouseholdScoped)
        {
            switch (caller)
            {
                case Caller.OtherUser or Caller.AdvisorWithoutGrant or Caller.Admin:
                    return s == 404 && code == "household-not-found" ? null : "expected 404 household-not-found";
                case Caller.AdvisorWithGrant or Caller.AdvisorWithReadGrant when endpoint.OwnerOnly:
                    return s == 403 && code == "owner-only" ? null : "expected 403 owner-only";
                case Caller.AdvisorWithReadGrant when endpoint.Method is not ("GET" or "HEAD") && !endpoint.ComputeOnly:
                    return s == 403 && code == "grant-read-only" ? null : "expected 403 grant-read-only (a read grant does not write)";
            }
        }

        // Writing a shared instrument (POST /api/instruments without a householdId) is for operators only.
        if (code == "reference-data-read-only")
        {
            return caller == Caller.Admin ? "an operator was refused reference data" : null;
        }

        return s is 401 or 403 || (s == 404 && code == "household-not-found") ? "expected to be let through" : null;
    }

    private static string? Code(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("code", out var code)
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<Guid> NewGrantedHouseholdAsync(GlidepathApp app, Guid ownerId, Guid writeAdvisorId, Guid readAdvisorId)
    {
        await using var db = app.CreateDbContext();
        var household = new Domain.Households.Household { Name = "Matrix", CreatedUtc = DateTimeOffset.UtcNow };
        db.Households.Add(household);
        db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = household.Id, UserId = ownerId });
        db.AdvisorGrants.Add(new AdvisorGrant { HouseholdId = household.Id, AdvisorId = writeAdvisorId, GrantedBy = ownerId, GrantedUtc = DateTimeOffset.UtcNow, Scope = GrantScopes.Write });
        db.AdvisorGrants.Add(new AdvisorGrant { HouseholdId = household.Id, AdvisorId = readAdvisorId, GrantedBy = ownerId, GrantedUtc = DateTimeOffset.UtcNow, Scope = GrantScopes.Read });
        await db.SaveChangesAsync();
        return household.Id;
    }
}
