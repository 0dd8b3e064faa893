using System.Net;
using Glidepath.Application.Accounts;
using Glidepath.Application.Advisors;
using Glidepath.Application.TaxSettings;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Identity;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLots;
using Glidepath.Server.Accounts;
using Glidepath.Server.Advisors;
using Glidepath.Server.Households;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.TaxSettings;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
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
    public async Task Grant_IsReadOnlyUnlessTheOwnerGrantsWrite(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync("Client household");
        var advisorUser = await app.CreateUserAsync(roles: [Roles.Advisor], ownHousehold: false);
        var advisor = app.CreateClient(advisorUser);
        var url = $"/api/households/{household.Id}";
        var newAccount = new CreateAccountRequest("Advisor's account", AccountType.TaxableBrokerage, "USD", "Bank", null, null, LotReliefMethod.Fifo);

        var read = await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(advisorUser.Email))).ReadAsync<GrantDto>(HttpStatusCode.Created);
        Assert.Equal("read", read.Scope);
        await (await advisor.GetAsync($"{url}/accounts")).ReadAsync<List<AccountDto>>();
        await (await advisor.PostAsync($"{url}/accounts", newAccount)).ReadProblemAsync(HttpStatusCode.Forbidden, "grant-read-only");
        await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(advisorUser.Email, "admin"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Write access is a new grant; the read grant stays in the history, revoked.
        var write = await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(advisorUser.Email, "write"))).ReadAsync<GrantDto>(HttpStatusCode.Created);
        Assert.Equal("write", write.Scope);
        await (await advisor.PostAsync($"{url}/accounts", newAccount)).ReadAsync<AccountDto>(HttpStatusCode.Created);
        var history = await (await owner.GetAsync($"{url}/advisor-grants")).ReadAsync<List<GrantDto>>();
        Assert.NotNull(history.Single(g => g.Id == read.Id).RevokedUtc);
        Assert.Null(history.Single(g => g.Id == write.Id).RevokedUtc);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ReadGrant_CallsComputeOnlyPosts_ButStillCannotWrite(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var msft = await app.MsftAsync();
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync("Client household");
        var account = await owner.AccountAsync(household.Id);
        var url = $"/api/households/{household.Id}";
        await (await owner.PostAsync($"{url}/transactions", Fixtures.Deposit(account.Id, new DateOnly(1999, 1, 4), 10_000m)))
            .ReadAsync<Glidepath.Application.Transactions.TransactionDto>(HttpStatusCode.Created);
        await (await owner.PostAsync($"{url}/transactions", Fixtures.Buy(account.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.5m)))
            .ReadAsync<Glidepath.Application.Transactions.TransactionDto>(HttpStatusCode.Created);
        var advisorUser = await app.CreateUserAsync(roles: [Roles.Advisor], ownHousehold: false);
        var advisor = app.CreateClient(advisorUser);
        await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(advisorUser.Email))).ReadAsync<GrantDto>(HttpStatusCode.Created);
        var sell = Fixtures.Tx(account.Id, Glidepath.Domain.Transactions.TransactionType.Sell, new DateOnly(2000, 6, 1), msft.Id, 10m, 64.56m);

        // Previews and proposals compute without changing the household: a read grant may ask for them.
        Assert.Equal(HttpStatusCode.OK, (await advisor.PostAsync($"{url}/transactions/sell-preview", sell)).StatusCode);
        var proposal = await advisor.PostAsync($"{url}/rebalance", new { asOf = "2000-06-01" });
        Assert.True(proposal.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity, $"rebalance answered {(int)proposal.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"{url}/tax-loss-opportunities?asOf=2000-06-01")).StatusCode);

        // Booking the same sale is a write.
        await (await advisor.PostAsync($"{url}/transactions", sell)).ReadProblemAsync(HttpStatusCode.Forbidden, "grant-read-only");
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.Transactions.CountAsync(t => t.AccountId == account.Id));
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
        var changed = await (await admin.PutAsync($"/api/admin/users/{target.Id}/roles", new Application.Users.RolesRequest(["premium", "advisor"]))).ReadAsync<Application.Users.AdminUserDto>();
        Assert.Equal(["advisor", "premium", "user"], changed.Roles);
        await (await admin.PutAsync($"/api/admin/users/{target.Id}/roles", new Application.Users.RolesRequest(["owner"]))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
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

    /// <summary>
    /// Two clients: one holds 100 MSFT bought at 70.50 with a 50% US-equity target (5-point band); at
    /// the latest close (43.38) the target drifts by about +9.5 points and the 2,712 loss at a 15%
    /// long-term rate saves 406.80 (the figures of AlertsEndpointsTest). The other holds a fund
    /// with no price, so its alerts say why they are missing.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Clients_CarryEachClientsAlerts(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var advisorUser = await app.CreateUserAsync(roles: [Roles.Advisor], ownHousehold: false);
        var msft = await app.MsftAsync();

        var drifting = await owner.HouseholdAsync("A drifting client");
        var account = await owner.AccountAsync(drifting.Id);
        var h = $"/api/households/{drifting.Id}";
        (await owner.PostAsync($"{h}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1999, 1, 4), 10_000m),
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.5m),
        ]))).EnsureSuccessStatusCode();
        (await owner.PutAsync($"{h}/tax-profile", new TaxProfileDto(0.35m, 0.15m, 0m, 0m, 0m, 0m, 0m, 0m, 0))).EnsureSuccessStatusCode();
        (await owner.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, null, AssetClass.UsEquity, 0.5m, 0.05m, 0.25m, msft.Id))).EnsureSuccessStatusCode();

        var unpriced = await owner.HouseholdAsync("B unpriced client");
        var other = await owner.AccountAsync(unpriced.Id);
        var fund = await (await (await app.CreateOperatorClientAsync()).PostAsync("/api/instruments", new InstrumentRequest("NOPRICE", "Fund without prices", InstrumentType.Etf, AssetClass.Bonds, "USD", "NYSE", null)))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        (await owner.PostAsync($"/api/households/{unpriced.Id}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(other.Id, new DateOnly(1999, 1, 4), 1_000m),
            Fixtures.Buy(other.Id, fund.Id, new DateOnly(1999, 1, 4), 10m, 50m),
        ]))).EnsureSuccessStatusCode();

        foreach (var household in new[] { drifting, unpriced })
        {
            await (await owner.PostAsync($"/api/households/{household.Id}/advisor-grants", new GrantRequest(advisorUser.Email))).ReadAsync<GrantDto>(HttpStatusCode.Created);
        }

        var clients = await (await app.CreateClient(advisorUser).GetAsync("/api/advisor/clients")).ReadAsync<List<ClientHouseholdDto>>();

        Assert.Equal([drifting.Id, unpriced.Id], clients.Select(c => c.HouseholdId));
        Assert.Equal(new ClientAlerts(1, 1, 406.8m, "USD", null), clients[0].Alerts);
        var missing = clients[1].Alerts;
        Assert.Equal((null, null, null), (missing.OutOfBandTargets, missing.HarvestOpportunities, missing.EstimatedSaving));
        Assert.Contains("NOPRICE", missing.Unavailable, StringComparison.Ordinal);
    }
}
