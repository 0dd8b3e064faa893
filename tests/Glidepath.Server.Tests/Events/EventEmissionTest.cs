using System.Net;
using Glidepath.Application.Events;
using Glidepath.Application.TaxSettings;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Rebalancing;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Events;

/// <summary>The existing writes publish their events in the same transaction (docs/webhooks.md).</summary>
public class EventEmissionTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task LedgerWrites_BookedAndRefused_OneEventPerBookedTransactionOnly(DatabaseProvider provider)
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

        // Selling more than is held: the ledger refuses and rolls back, its event with it.
        var refused = await client.PostAsync($"{h}/transactions", Fixtures.Sell(account.Id, msft.Id, new DateOnly(1999, 2, 1), 500m, 80m));
        Assert.False(refused.IsSuccessStatusCode);

        await using var db = app.CreateDbContext();
        var events = await db.OutboxEvents.AsNoTracking().Where(e => e.Type == EventTypes.TransactionCreated).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(household.Id, e.HouseholdId));
        Assert.Contains(events, e => e.PayloadJson.Contains("\"type\":\"Buy\"", StringComparison.Ordinal) && e.PayloadJson.Contains(msft.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(2, await db.Transactions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Propose_StoredProposal_PublishesRebalanceProposedWithItsId(DatabaseProvider provider)
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
        (await client.PostAsync($"{h}/rebalance-targets", new RebalanceTargetRequest(null, null, AssetClass.UsEquity, 0.5m, 0.05m, 0.25m, msft.Id))).EnsureSuccessStatusCode();

        var proposal = await (await client.PostAsync($"{h}/rebalance", new RebalanceRequest(false, new DateOnly(2000, 12, 29)))).ReadAsync<ProposalDto>(HttpStatusCode.Created);

        await using var db = app.CreateDbContext();
        var e = Assert.Single(await db.OutboxEvents.AsNoTracking().Where(e => e.Type == EventTypes.RebalanceProposed).ToListAsync());
        Assert.Contains($"\"proposalId\":\"{proposal.Id}\"", e.PayloadJson, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PriceStaleness_HeldInstrumentWithOldClose_PublishesOncePerLastClose(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        (await client.PostAsync($"/api/households/{household.Id}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1999, 1, 4), 10_000m),
            Fixtures.Buy(account.Id, msft.Id, new DateOnly(1999, 1, 4), 100m, 70.5m),
        ]))).EnsureSuccessStatusCode();
        await using var db = app.CreateDbContext();
        var lastClose = await db.Prices.Where(p => p.InstrumentId == msft.Id).MaxAsync(p => p.Date);

        async Task<int> PublishAsync(DateOnly today)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PriceStaleness>().PublishAsync(today);
        }

        Assert.Equal(0, await PublishAsync(lastClose.AddDays(PriceStaleness.DefaultMaxAgeDays)));
        Assert.Equal(1, await PublishAsync(lastClose.AddDays(PriceStaleness.DefaultMaxAgeDays + 1)));
        Assert.Equal(0, await PublishAsync(lastClose.AddDays(30))); // already told about this close
        var e = Assert.Single(await db.OutboxEvents.AsNoTracking().Where(e => e.Type == EventTypes.PriceStale).ToListAsync());
        Assert.Equal(household.Id, e.HouseholdId);
    }
}
