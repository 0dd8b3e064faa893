using System.Net;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Server.Lots;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Transactions;

/// <summary>
/// Edits, deletes and the sell preview on the history of <see cref="TransactionEndpointsTest"/>: a FIFO
/// account buys 100 MSFT on 1998-01-02 at 32.78 (+10 fees) and 50 on 1998-06-01 at 41.88.
/// </summary>
public class TransactionEditingTest
{
    private static readonly DateOnly FirstBuy = new(1998, 1, 2);
    private static readonly DateOnly SecondBuy = new(1998, 6, 1);
    private static readonly DateOnly SaleDay = new(1999, 6, 1);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Put_LargerSale_ReplaysLotsAndGains_CacheEqualsRebuild_Audited(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, household, account, msft) = await TwoLotsAsync(app);
        var sale = await (await client.PostAsync($"{url}/transactions", Sell(account, msft, SaleDay, 120m, 78.50m, fees: 10m)))
            .ReadAsync<TransactionDto>(HttpStatusCode.Created);

        var edited = await (await client.PutAsync($"{url}/transactions/{sale.Id}", Sell(account, msft, SaleDay, 130m, 78.50m, fees: 10m) with { Memo = "fixed" }))
            .ReadAsync<TransactionDto>();

        Assert.Equal((sale.Id, 130m, "fixed"), (edited.Id, edited.Quantity, edited.Memo));
        var lot = Assert.Single(await (await client.GetAsync($"{url}/lots")).ReadAsync<List<LotDto>>());
        Assert.Equal((SecondBuy, 20m), (lot.AcquiredDate, lot.Quantity));
        await using var db = app.CreateDbContext();
        var store = new LedgerStore(db);
        var cached = await store.GetLotsAsync(household);
        var rebuilt = (await store.ReplayAsOfAsync(household, DateOnly.MaxValue)).Expect("replay").Lots;
        Assert.Equal(rebuilt.Select(l => (l.LotId, l.Quantity, l.CostBasis)), cached.Select(l => (l.LotId, l.Quantity, l.CostBasis)));
        // 130 × 78.50 − 10 proceeds; basis 3,288 + 30 × 41.88.
        Assert.Equal(130m * 78.50m - 10m - (3_288m + 30m * 41.88m), (await store.GetRealisedGainsAsync(household)).Sum(g => g.Gain));
        Assert.Contains(await db.AuditEvents.Where(e => e.HouseholdId == household).Select(e => e.Type).ToListAsync(), t => t == "transaction-edited");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Put_BuyALaterSaleNeeds_Answers422_AndKeepsTheHistory(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, _, account, msft) = await TwoLotsAsync(app);
        var first = (await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>()).Items.Single(t => t.TradeDate == FirstBuy && t.Type == TransactionType.Buy);
        await (await client.PostAsync($"{url}/transactions", Sell(account, msft, SaleDay, 120m, 78.50m))).ReadAsync<TransactionDto>(HttpStatusCode.Created);

        var response = await client.PutAsync($"{url}/transactions/{first.Id}", Buy(account, msft, FirstBuy, 10m, 32.78m));

        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient-quantity");
        var stored = await (await client.GetAsync($"{url}/transactions/{first.Id}")).ReadAsync<TransactionDto>();
        Assert.Equal(100m, stored.Quantity);
        Assert.Equal(30m, Assert.Single(await (await client.GetAsync($"{url}/lots")).ReadAsync<List<LotDto>>()).Quantity);
        await (await client.DeleteAsync($"{url}/transactions/{first.Id}")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient-quantity");
        Assert.Equal(4, (await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>()).TotalCount);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Delete_OneHalfOfATransfer_DeletesThePair_AndTheUnitsGoBack(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, household, account, msft) = await TwoLotsAsync(app);
        var ira = await client.AccountAsync(household, Domain.Households.AccountType.TraditionalIra, name: "IRA");
        var transferId = Guid.NewGuid();
        var booked = await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Tx(account, TransactionType.TransferOut, SaleDay, msft, 40m) with { TransferId = transferId },
            Tx(ira.Id, TransactionType.TransferIn, SaleDay, msft, 40m) with { TransferId = transferId },
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        Assert.Contains(await (await client.GetAsync($"{url}/lots")).ReadAsync<List<LotDto>>(), l => l.AccountId == ira.Id);

        // An edit of one half carries the quantity to the other.
        await (await client.PutAsync($"{url}/transactions/{booked.Transactions[1].Id}", Tx(ira.Id, TransactionType.TransferIn, SaleDay, msft, 30m) with { TransferId = transferId }))
            .ReadAsync<TransactionDto>();
        Assert.Equal(30m, (await (await client.GetAsync($"{url}/transactions/{booked.Transactions[0].Id}")).ReadAsync<TransactionDto>()).Quantity);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/transactions/{booked.Transactions[0].Id}")).StatusCode);

        var lots = await (await client.GetAsync($"{url}/lots")).ReadAsync<List<LotDto>>();
        Assert.All(lots, l => Assert.Equal(account, l.AccountId));
        Assert.Equal(150m, lots.Sum(l => l.Quantity));
        await (await client.GetAsync($"{url}/transactions/{booked.Transactions[1].Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "transaction-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SellPreview_Fifo_ListsTheLotsItWouldRelieve_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, _, account, msft) = await TwoLotsAsync(app);

        var preview = await (await client.PostAsync($"{url}/transactions/sell-preview", Sell(account, msft, SaleDay, 120m, 78.50m, fees: 10m)))
            .ReadAsync<SellPreviewDto>();

        // The first lot whole (long-term), then 20 of the second, sold on its anniversary: short-term.
        Assert.Equal(LotReliefMethod.Fifo, preview.ReliefMethod);
        Assert.Equal([(FirstBuy, 100m, 3_288m, HoldingTerm.LongTerm), (SecondBuy, 20m, 837.60m, HoldingTerm.ShortTerm)],
            preview.Lots.Select(l => (l.AcquiredDate, l.Quantity, l.CostBasis, l.Term)));
        Assert.Equal((120m, 9_410m, 4_125.60m, 9_410m - 4_125.60m), (preview.Quantity, preview.Proceeds, preview.CostBasis, preview.Gain));
        Assert.Equal(3, (await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>()).TotalCount);

        await (await client.PostAsync($"{url}/transactions/sell-preview", Sell(account, msft, SaleDay, 151m, 78.50m)))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient-quantity");
        await (await client.PostAsync($"{url}/transactions/sell-preview", Buy(account, msft, SaleDay, 1m, 78.50m)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PutAndDelete_AnotherHouseholdsTransaction_Answer404(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, _, _, _) = await TwoLotsAsync(app);
        var deposit = (await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>()).Items.Single(t => t.Type == TransactionType.Deposit);
        var other = await client.HouseholdAsync("Other");
        var otherAccount = await client.AccountAsync(other.Id);
        var otherUrl = $"/api/households/{other.Id}/transactions/{deposit.Id}";

        await (await client.PutAsync(otherUrl, Deposit(otherAccount.Id, FirstBuy, 1m))).ReadProblemAsync(HttpStatusCode.NotFound, "transaction-not-found");
        await (await client.DeleteAsync(otherUrl)).ReadProblemAsync(HttpStatusCode.NotFound, "transaction-not-found");
        // Nor can an edit move a transaction into an account of another household.
        await (await client.PutAsync($"{url}/transactions/{deposit.Id}", Deposit(otherAccount.Id, FirstBuy, 1m))).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        Assert.Equal(10_000m, (await (await client.GetAsync($"{url}/transactions/{deposit.Id}")).ReadAsync<TransactionDto>()).Amount);
    }

    private static async Task<(HttpClient Client, string Url, Guid Household, Guid Account, Guid Msft)> TwoLotsAsync(GlidepathApp app)
    {
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        var url = $"/api/households/{household.Id}";
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([
            Deposit(account.Id, FirstBuy, 10_000m),
            Buy(account.Id, msft.Id, FirstBuy, 100m, 32.78m, fees: 10m),
            Buy(account.Id, msft.Id, SecondBuy, 50m, 41.88m),
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        return (client, url, household.Id, account.Id, msft.Id);
    }
}
