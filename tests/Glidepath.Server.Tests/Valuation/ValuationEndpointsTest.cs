using System.Net;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Server.Valuation;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Valuation;

public class ValuationEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task NetWorth_DailySeries_ValuesHoldingsAtLastCloseAndCountsLiabilitiesNegative(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        var card = await client.AccountAsync(household.Id, AccountType.CreditCard, name: "Card");
        var msft = await app.MsftAsync();
        var history = new TransactionBatchRequest([
            Deposit(brokerage.Id, new DateOnly(1999, 1, 4), 7_050m),
            Buy(brokerage.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.50m),
            Tx(card.Id, Glidepath.Domain.Transactions.TransactionType.Withdrawal, new DateOnly(1999, 6, 1), amount: 250m),
        ]);
        await (await client.PostAsync($"{url}/transactions/batch", history)).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var series = await (await client.GetAsync($"{url}/net-worth?from=1999-05-31&to=1999-06-02&currency=USD")).ReadAsync<NetWorthDto>();

        // 31 May: last close 70.50 (4 Jan); 1 June: 78.50 and the card's 250 owed; 2 June carries 1 June's close.
        Assert.Equal([7_050m, 7_600m, 7_600m], series.Points.Select(p => p.Value));
        var valuation = await (await client.GetAsync($"{url}/valuation?date=1999-12-31")).ReadAsync<ValuationDto>();
        Assert.Equal((11_675m, -250m, 11_425m), (valuation.Assets, valuation.Liabilities, valuation.NetWorth));
        await (await client.GetAsync($"{url}/net-worth?from=2000-01-02&to=2000-01-01")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync($"{url}/valuation?currency=EUR&date=1999-12-31")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "missing-fx-rate");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AccountValues_DailySeriesOfOneAccount_AddUpToTheNetWorth(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        var brokerage = await client.AccountAsync(household.Id);
        var card = await client.AccountAsync(household.Id, AccountType.CreditCard, name: "Card");
        var msft = await app.MsftAsync();
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Deposit(brokerage.Id, new DateOnly(1999, 1, 4), 7_100m),
            Buy(brokerage.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.50m),
            Tx(card.Id, Glidepath.Domain.Transactions.TransactionType.Withdrawal, new DateOnly(1999, 6, 1), amount: 250m),
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var range = "from=1999-05-31&to=1999-06-02";
        var shares = await (await client.GetAsync($"{url}/accounts/{brokerage.Id}/values?{range}")).ReadAsync<AccountValuesDto>();
        var owed = await (await client.GetAsync($"{url}/accounts/{card.Id}/values?{range}&currency=USD")).ReadAsync<AccountValuesDto>();
        var total = await (await client.GetAsync($"{url}/net-worth?{range}")).ReadAsync<NetWorthDto>();

        // 100 MSFT at the last close (70.50 from 4 January, 78.50 on 1 June) plus 50 of cash; the card owes 250 from 1 June.
        Assert.Equal((brokerage.Id, "USD"), (shares.AccountId, shares.Currency));
        Assert.Equal([7_100m, 7_900m, 7_900m], shares.Points.Select(p => p.Value));
        Assert.Equal([0m, -250m, -250m], owed.Points.Select(p => p.Value));
        Assert.Equal(total.Points.Select(p => p.Value), shares.Points.Zip(owed.Points, (a, b) => a.Value + b.Value));
        await (await client.GetAsync($"{url}/accounts/{Guid.NewGuid()}/values")).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.GetAsync($"{url}/accounts/{card.Id}/values?from=2000-01-02&to=2000-01-01")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync($"{url}/accounts/{brokerage.Id}/values?{range}&currency=EUR")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "missing-fx-rate");
    }
}
