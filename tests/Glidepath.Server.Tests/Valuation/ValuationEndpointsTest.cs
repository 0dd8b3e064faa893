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
}
