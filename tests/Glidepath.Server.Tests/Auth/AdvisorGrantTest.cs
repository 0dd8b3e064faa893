using System.Net;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Advisors;
using Glidepath.Server.Households;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Auth;

/// <summary>An owner grants and revokes an advisor's access; the advisor sees the household only meanwhile; both steps are audited.</summary>
public class AdvisorGrantTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Grant_OpensTheHouseholdToTheAdvisor_AndRevokeClosesIt(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync("Client household");
        var advisorUser = await app.CreateUserAsync(roles: [Roles.Advisor], ownHousehold: false);
        var advisor = app.CreateClient(advisorUser);
        var url = $"/api/households/{household.Id}";

        await (await advisor.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(app.DefaultUser.Email))).ReadProblemAsync(HttpStatusCode.NotFound, "not-an-advisor");
        var grant = await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(advisorUser.Email))).ReadAsync<GrantDto>(HttpStatusCode.Created);

        await (await advisor.GetAsync(url)).ReadAsync<HouseholdDto>();
        var clients = await (await advisor.GetAsync("/api/advisor/clients")).ReadAsync<List<ClientHouseholdDto>>();
        Assert.Equal(household.Id, Assert.Single(clients).HouseholdId);
        Assert.Contains(household.Id, (await (await advisor.GetAsync("/api/households")).ReadAsync<List<HouseholdDto>>()).Select(h => h.Id));
        // The advisor cannot manage grants, nor reach the household without a second factor.
        await (await advisor.PostAsync($"{url}/advisor-grants", new GrantRequest(advisorUser.Email))).ReadProblemAsync(HttpStatusCode.Forbidden, "owner-only");
        var noMfa = await app.CreateUserAsync(roles: [Roles.Advisor], mfa: false, ownHousehold: false);
        await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(noMfa.Email))).ReadAsync<GrantDto>(HttpStatusCode.Created);
        await (await app.CreateClient(noMfa).GetAsync(url)).ReadProblemAsync(HttpStatusCode.Forbidden, "mfa-required");

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"{url}/advisor-grants/{grant.Id}")).StatusCode);
        await (await advisor.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        Assert.Empty(await (await advisor.GetAsync("/api/advisor/clients")).ReadAsync<List<ClientHouseholdDto>>());
        var history = await (await owner.GetAsync($"{url}/advisor-grants")).ReadAsync<List<GrantDto>>();
        Assert.NotNull(history.Single(g => g.Id == grant.Id).RevokedUtc);

        await using var db = app.CreateDbContext();
        var events = await db.AuditEvents.Where(e => e.HouseholdId == household.Id).Select(e => e.Type).ToListAsync();
        Assert.Contains("grant-created", events);
        Assert.Contains("grant-revoked", events);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AdminChangesRoles_ButReadsNoFinancialData(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var household = await app.CreateClient().HouseholdAsync();
        var admin = app.CreateClient(await app.CreateUserAsync(roles: [Roles.Admin]));
        await (await admin.GetAsync($"/api/households/{household.Id}/accounts")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        var target = await app.CreateUserAsync(mfa: false);
        var changed = await (await admin.PutAsync($"/api/admin/users/{target.Id}/roles", new Admin.RolesRequest(["premium", "advisor"]))).ReadAsync<Admin.AdminUserDto>();
        Assert.Equal(["advisor", "premium", "user"], changed.Roles);
        await (await admin.PutAsync($"/api/admin/users/{target.Id}/roles", new Admin.RolesRequest(["owner"]))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await app.CreateClient().GetAsync("/api/admin/users")).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // The new roles reach the next token: a refresh re-reads them.
        var tokens = await SignInTest.LoginAsync(app.CreateAnonymousClient(), target.Email, target.Password);
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken);
        Assert.Contains(jwt.Claims, c => c.Type == "role" && c.Value == "advisor");
        Assert.Contains("read:clients", jwt.GetClaim("scope").Value.Split(' '));
        // An advisor without a second factor is refused the advisor routes.
        await (await app.CreateClient(tokens.AccessToken).GetAsync("/api/advisor/clients")).ReadProblemAsync(HttpStatusCode.Forbidden, "mfa-required");

        await using var db = app.CreateDbContext();
        Assert.Contains("roles-changed", await db.AuditEvents.Where(e => e.UserId == target.Id).Select(e => e.Type).ToListAsync());
    }
}
