using System.Net;
using Glidepath.Application.TaxSettings;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Rebalancing;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.TaxSettings;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Rebalancing;

public class PendingOrdersTest
{
    private static readonly DateOnly YearEnd = new(2000, 12, 29);

    /// <summary>
    /// 10,000 deposited, 50 MSFT bought at 70.50 (cash 6,475); at the year-end close of 43.38 MSFT is
    /// 2,169 of 8,644, far under a 90% US-equity target, so the preview buys MSFT. Once that buy is a
    /// pending order, a second preview starts from the holdings the order will leave and proposes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Preview_AfterAcceptedOrders_DoesNotProposeThemAgain(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        var h = $"/api/households/{household.Id}";
        (await client.PostAsync($"{h}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1999, 1, 4), 10_000m),
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(1999, 1, 4), 50m, 70.5m),
        ]))).EnsureSuccessStatusCode();
        (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, null, AssetClass.UsEquity, 0.9m, 0.05m, 0.25m, msft.Id))).EnsureSuccessStatusCode();

        var first = await (await client.PostAsync($"{h}/rebalance", new RebalanceRequest(false, YearEnd))).ReadAsync<ProposalDto>(HttpStatusCode.Created);
        var buy = Assert.Single(first.Proposal.Trades);
        Assert.Equal((TradeSide.Buy, msft.Id), (buy.Side, buy.InstrumentId));
        var orders = await (await client.PostAsync($"{h}/rebalance-proposals/{first.Id}/accept", new { })).ReadAsync<List<OrderDto>>();
        Assert.Equal(OrderStatus.Pending, Assert.Single(orders).Status);

        var second = await (await client.PostAsync($"{h}/rebalance", new RebalanceRequest(false, YearEnd))).ReadAsync<ProposalDto>(HttpStatusCode.Created);

        Assert.Empty(second.Proposal.Trades);
        Assert.All(second.Proposal.Drifts, d => Assert.True(d.InBandAfter));
    }
}
