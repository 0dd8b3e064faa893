using System.Net;
using System.Net.Http.Json;
using Glidepath.Application.Advisors;
using Glidepath.Application.Transactions;
using Glidepath.Domain.Households;
using Glidepath.Domain.Recommendations;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Advisors;
using Glidepath.Server.Recommendations;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Recommendations;

/// <summary>A granted advisor reads the same recommendations as the owner; a read grant cannot decide; no grant, no list.</summary>
public class RecommendationAdvisorTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task GrantedAdvisor_ReadsTheOwnersList_ButAReadGrantCannotDecide(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync("Client household");
        var url = $"/api/households/{household.Id}";
        var checking = await owner.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await (await owner.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Deposit(checking.Id, today.AddDays(-40), 1_000m),
            Tx(checking.Id, TransactionType.Withdrawal, today.AddDays(-10), amount: 900m),
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        var advisorUser = await app.CreateUserAsync(roles: [Roles.Advisor], ownHousehold: false);
        var advisor = app.CreateClient(advisorUser);

        // No grant: the household does not exist for the advisor.
        await (await advisor.GetAsync($"{url}/recommendations")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        await (await owner.PostAsync($"{url}/advisor-grants", new GrantRequest(advisorUser.Email))).ReadAsync<GrantDto>(HttpStatusCode.Created);
        var mine = await (await owner.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        var theirs = await (await advisor.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        Assert.Equal(mine.Items.Select(i => (i.Key, i.Effect.Amount)), theirs.Items.Select(i => (i.Key, i.Effect.Amount)));
        Assert.Contains(theirs.Items, i => i.Kind == RecommendationKinds.EmergencyFund);

        // A read grant sees but does not decide; the owner's dismissal hides it from the advisor too.
        await (await advisor.PostAsJsonAsync($"{url}/recommendations/emergency-fund/decision", new { status = "Accepted" })).ReadProblemAsync(HttpStatusCode.Forbidden, "grant-read-only");
        await (await owner.PostAsJsonAsync($"{url}/recommendations/emergency-fund/decision", new { status = "Dismissed", reason = "Savings sit elsewhere." })).ReadAsync<RecommendationDto>();
        var after = await (await advisor.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        Assert.DoesNotContain(after.Items, i => i.Kind == RecommendationKinds.EmergencyFund);
        Assert.Equal(1, after.Dismissed);
    }
}
