using System.Net;
using System.Net.Http.Json;
using Glidepath.Application.Transactions;
using Glidepath.Domain.Households;
using Glidepath.Domain.Recommendations;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Recommendations;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Valuation;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Recommendations;

public class RecommendationEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Recommendations_RankedWithTheirNumbers_ADismissalHoldsUntilTheInputsChange(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var checking = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var brokerage = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Deposit(checking.Id, today.AddDays(-40), 1_000m),
            Tx(checking.Id, TransactionType.Withdrawal, today.AddDays(-10), amount: 900m),
            Deposit(brokerage.Id, new DateOnly(1999, 1, 4), 7_100m),
            Buy(brokerage.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.50m),
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var list = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();

        // Spending 900 a year is 75 a month; 3 months is 225; checking holds 100 (1 whole month): 125 short.
        var fund = list.Items[0];
        Assert.Equal((RecommendationKinds.EmergencyFund, 1, 125m, RecommendationStatus.Open), (fund.Kind, fund.Rank, fund.Effect.Amount, fund.Status));
        Assert.Equal((100m, 75m, 1m), (fund.Data["liquidCash"], fund.Data["monthlySpending"], fund.Data["monthsCovered"]));
        // MSFT, a single stock, is all the brokerage holds but 50 of cash: its share is its value over the account's.
        var value = await (await client.GetAsync($"{url}/valuation")).ReadAsync<ValuationDto>();
        var shares = value.Accounts.Single(a => a.AccountId == brokerage.Id);
        var concentration = Assert.Single(list.Items, i => i.Kind == RecommendationKinds.Concentration);
        Assert.Equal(Math.Round(shares.Positions / shares.Total, 4), concentration.Data["share"]);
        Assert.Equal($"concentration:{msft.Id}", concentration.Key);
        foreach (var article in list.Items.Select(i => i.Article).OfType<string>())
        {
            // Each recommendation links a learning article that exists.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/articles/{article}")).StatusCode);
        }

        await (await client.PostAsJsonAsync($"{url}/recommendations/emergency-fund/decision", new { status = "Dismissed" })).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsJsonAsync($"{url}/recommendations/no-such-advice/decision", new { status = "Accepted" })).ReadProblemAsync(HttpStatusCode.NotFound, "recommendation-not-found");
        var dismissed = await (await client.PostAsJsonAsync($"{url}/recommendations/emergency-fund/decision", new { status = "Dismissed", reason = "Our cash sits in a money market fund." })).ReadAsync<RecommendationDto>();
        Assert.Equal(RecommendationStatus.Dismissed, dismissed.Status);
        await (await client.PostAsJsonAsync($"{url}/recommendations/{concentration.Key}/decision", new { status = "Accepted" })).ReadAsync<RecommendationDto>();

        var after = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        Assert.DoesNotContain(after.Items, i => i.Kind == RecommendationKinds.EmergencyFund);
        Assert.Equal(1, after.Dismissed);
        Assert.Equal(RecommendationStatus.Accepted, after.Items.Single(i => i.Key == concentration.Key).Status);

        // 50 more in checking: 150 covers 2 whole months, so the advice rests on new inputs and is open again.
        await (await client.PostAsync($"{url}/transactions", Deposit(checking.Id, today.AddDays(-1), 50m))).ReadAsync<object>(HttpStatusCode.Created);
        var changed = await (await client.GetAsync($"{url}/recommendations")).ReadAsync<RecommendationsDto>();
        var reopened = Assert.Single(changed.Items, i => i.Kind == RecommendationKinds.EmergencyFund);
        Assert.Equal((RecommendationStatus.Open, 75m, 0), (reopened.Status, reopened.Effect.Amount, changed.Dismissed));
    }
}
