using System.Net;
using Glidepath.Application.Accounts;
using Glidepath.Application.Alerts;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing;
using Glidepath.Testing.Databases;
using Glidepath.Testing.MarketData;

namespace Glidepath.Server.Tests.Orders;

/// <summary>
/// Fill reconciliation: an Interactive Brokers account whose gateway (a loopback stub answering with the
/// documented positions example: SPY 5, TSLA 7, META 11) holds what the ledger does not raises one
/// position alert per difference, shown with the household's alerts.
/// </summary>
public class ReconciliationTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BrokerPositionsTheLedgerLacks_RaisePositionAlerts(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        var positions = await File.ReadAllTextAsync(Path.Combine(ApiSamples.Apis(), "ibkr_positions.response.json"));
        stub.Answer = r => r.Path == "/v1/api/portfolio/U1234567/positions/0" ? StubAnswer.Ok(positions, "application/json") : new StubAnswer(404, "{\"error\":\"not found\"}");
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Brokers:Ibkr:BaseUrl"] = stub.BaseUrl + "/v1/api/",
            ["Jobs:Enabled"] = "false",
        });
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await (await client.PostAsync($"/api/households/{household.Id}/accounts",
                new CreateAccountRequest("IBKR", AccountType.TaxableBrokerage, "USD", "Interactive Brokers", null, null, null, Broker: "ibkr", BrokerAccountId: "U1234567")))
            .ReadAsync<AccountDto>(HttpStatusCode.Created);
        Assert.Equal(("ibkr", "U1234567"), (account.Broker, account.BrokerAccountId));

        var run = await OrderEndpointsTest.ProcessAsync(app, new DateOnly(2023, 12, 11));

        Assert.Equal(3, run.Mismatches);
        var alerts = await (await client.GetAsync($"/api/households/{household.Id}/alerts")).ReadAsync<AlertsDto>();
        Assert.Equal(
            [("META", 11m, 0m), ("SPY", 5m, 0m), ("TSLA", 7m, 0m)],
            alerts.Positions!.Select(p => (p.Symbol, p.BrokerQuantity, p.LedgerQuantity)));
        Assert.All(alerts.Positions!, p => Assert.Equal(account.Id, p.AccountId));
    }
}
