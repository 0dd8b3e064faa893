using System.Net;
using Glidepath.Application.TaxSettings;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Rebalancing;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.TaxSettings;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

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

        // Still open once the broker has it (submitted, or partly filled): still counted as done.
        foreach (var status in new[] { OrderStatus.Submitted, OrderStatus.PartiallyFilled })
        {
            await using (var db = app.CreateDbContext())
            {
                await db.Orders.Where(o => o.Id == orders[0].Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, status));
            }

            var open = await (await client.PostAsync($"{h}/rebalance", new RebalanceRequest(false, YearEnd))).ReadAsync<ProposalDto>(HttpStatusCode.Created);
            Assert.Empty(open.Proposal.Trades);
        }
    }

    /// <summary>
    /// 100 MSFT bought at 70.50, at the year-end close of 43.38 a loss of 2,712: the harvest suggestion is
    /// stored as a proposal (a sale of the lot) and accepted through the rebalance accept, which places the
    /// sell order as for any proposal (once). While that sale is open, proposing the harvest again finds nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task HarvestSuggestion_BecomesOrdersThroughTheProposalAccept_OpenSaleNotSuggestedAgain(DatabaseProvider provider)
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
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.5m),
        ]))).EnsureSuccessStatusCode();

        var proposal = await (await client.PostAsync($"{h}/tax-loss-opportunities/proposals", new HarvestProposalRequest(YearEnd)))
            .ReadAsync<ProposalDto>(HttpStatusCode.Created);
        var sale = Assert.Single(proposal.Proposal.Trades);
        Assert.Equal((TradeSide.Sell, msft.Id, 100m, 43.38m), (sale.Side, sale.InstrumentId, sale.Quantity, sale.Price));
        var lot = Assert.Single(sale.LotsToSell);
        Assert.Equal((100m, -2_712m), (lot.Quantity, lot.Gain));
        Assert.Equal(proposal.Id, (await (await client.GetAsync($"{h}/rebalance-proposals/{proposal.Id}")).ReadAsync<ProposalDto>()).Id);

        var orders = await (await client.PostAsync($"{h}/rebalance-proposals/{proposal.Id}/accept", new { })).ReadAsync<List<OrderDto>>();
        var order = Assert.Single(orders);
        Assert.Equal((TradeSide.Sell, 100m, OrderStatus.Pending, proposal.Id), (order.Side, order.Quantity, order.Status, order.ProposalId));
        await using (var db = app.CreateDbContext())
        {
            // The lot the scan chose rides on the order, as a rebalance sale's do (specific identification at the fill).
            Assert.Contains(lot.LotId.ToString(), db.Orders.Single(o => o.Id == order.Id).LotsJson, StringComparison.Ordinal);
        }

        var again = await (await client.PostAsync($"{h}/tax-loss-opportunities/proposals", new HarvestProposalRequest(YearEnd, AccountId: account.Id)))
            .ReadAsync<ProposalDto>(HttpStatusCode.Created);
        Assert.Empty(again.Proposal.Trades);
        await (await client.PostAsync($"{h}/tax-loss-opportunities/proposals", new HarvestProposalRequest(new DateOnly(1, 1, 1))))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Another household's account, or no account at all, is not this household's: 404, nothing stored (was a 500).
        var other = await app.CreateUserAsync();
        var foreign = await app.CreateClient(other).AccountAsync(other.HouseholdId!.Value);
        foreach (var id in new[] { foreign.Id, Guid.NewGuid() })
        {
            await (await client.PostAsync($"{h}/tax-loss-opportunities/proposals", new HarvestProposalRequest(YearEnd, AccountId: id)))
                .ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        }

        await using var check = app.CreateDbContext();
        Assert.Equal(2, await check.Proposals.CountAsync(p => p.HouseholdId == household.Id));
    }
}
