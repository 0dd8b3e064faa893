using System.Net;
using Glidepath.Application.RealisedGains;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Lots;
using Glidepath.Server.Positions;
using Glidepath.Server.RealisedGains;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Transactions;

/// <summary>
/// One FIFO account trading real MSFT closes: buy 100 on 1998-01-02 at 32.78 (+10 fees), buy 50 on
/// 1998-06-01 at 41.88, sell 120 on 1999-06-01 at 78.50 (−10 fees). The sale relieves the first
/// lot whole (held over a year: long-term) and 20 of the second (sold on its anniversary:
/// short-term, IRS Pub. 550). Proceeds 120 × 78.50 − 10 = 9,410; basis 3,288 + 20 × 41.88 = 4,125.60.
/// </summary>
public class TransactionEndpointsTest
{
    private static readonly DateOnly FirstBuy = new(1998, 1, 2);
    private static readonly DateOnly SecondBuy = new(1998, 6, 1);
    private static readonly DateOnly SaleDay = new(1999, 6, 1);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BuysAndSale_ShowInPositionsLotsAndRealisedGains(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account, msft) = await TradingAccountAsync(app);

        var batch = new TransactionBatchRequest([
            Deposit(account, FirstBuy, 10_000m),
            Buy(account, msft, FirstBuy, 100m, 32.78m, fees: 10m),
            Buy(account, msft, SecondBuy, 50m, 41.88m),
            Sell(account, msft, SaleDay, 120m, 78.50m, fees: 10m),
        ]);
        var booked = await (await client.PostAsync($"{url}/transactions/batch", batch)).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);
        Assert.Equal((4, 0), (booked.Created, booked.Replayed));

        var positions = await (await client.GetAsync($"{url}/positions?asOf=2000-12-29")).ReadAsync<PositionsDto>();
        var position = Assert.Single(positions.Positions);
        Assert.Equal((30m, 1_256.40m, 43.38m, 1_301.40m), (position.Quantity, position.CostBasis, position.Price, position.MarketValue));
        Assert.Equal(10_000m - 3_288m - 2_094m + 9_410m, Assert.Single(positions.Cash).Amount);

        var before = await (await client.GetAsync($"{url}/positions?asOf=1998-12-31")).ReadAsync<PositionsDto>();
        Assert.Equal(150m, Assert.Single(before.Positions).Quantity);

        var lot = Assert.Single(await (await client.GetAsync($"{url}/lots")).ReadAsync<List<LotDto>>());
        Assert.Equal((SecondBuy, 30m, 41.88m), (lot.AcquiredDate, lot.Quantity, lot.CostPerUnit));

        var gains = await (await client.GetAsync($"{url}/realised-gains?from=1999-01-01&to=1999-12-31")).ReadAsync<RealisedGainsDto>();
        Assert.Equal(9_410m - 4_125.60m, gains.ShortTermGain + gains.LongTermGain);
        Assert.Equal(100m, gains.Gains.Where(g => g.Term == HoldingTerm.LongTerm).Sum(g => g.Quantity));
        Assert.Equal(20m, gains.Gains.Where(g => g.Term == HoldingTerm.ShortTerm).Sum(g => g.Quantity));
        Assert.Empty((await (await client.GetAsync($"{url}/realised-gains?to=1998-12-31")).ReadAsync<RealisedGainsDto>()).Gains);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaleOfMoreThanHeld_Answers422InsufficientQuantity_AndStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account, msft) = await TradingAccountAsync(app);
        await (await client.PostAsync($"{url}/transactions", Buy(account, msft, FirstBuy, 10m, 32.78m))).ReadAsync<TransactionDto>(HttpStatusCode.Created);

        var response = await client.PostAsync($"{url}/transactions", Sell(account, msft, SaleDay, 11m, 78.50m));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient-quantity");
        Assert.Equal(0, problem.GetProperty("errors")[0].GetProperty("row").GetInt32());
        var page = await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>();
        Assert.Equal(TransactionType.Buy, Assert.Single(page.Items).Type);
        Assert.Equal(10m, Assert.Single((await (await client.GetAsync($"{url}/positions")).ReadAsync<PositionsDto>()).Positions).Quantity);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RetriedPost_WithIdempotencyKeyOrExternalIds_BooksOnce(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account, msft) = await TradingAccountAsync(app);

        async Task<HttpResponseMessage> PostWithKey()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/transactions")
            {
                Content = System.Net.Http.Json.JsonContent.Create(Deposit(account, FirstBuy, 500m), options: ApiClient.Json),
            };
            request.Headers.Add("Idempotency-Key", "deposit-2024-001");
            return await client.SendAsync(request);
        }

        var first = await (await PostWithKey()).ReadAsync<TransactionDto>(HttpStatusCode.Created);
        var retry = await (await PostWithKey()).ReadAsync<TransactionDto>(HttpStatusCode.OK);
        Assert.Equal(first.Id, retry.Id);

        var batch = new TransactionBatchRequest([
            Buy(account, msft, FirstBuy, 5m, 32.78m) with { ExternalId = "b-1" },
            Buy(account, msft, SecondBuy, 5m, 41.88m) with { ExternalId = "b-2" },
        ]);
        Assert.Equal(2, (await (await client.PostAsync($"{url}/transactions/batch", batch)).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created)).Created);
        var replay = await (await client.PostAsync($"{url}/transactions/batch", batch)).ReadAsync<TransactionBatchResult>(HttpStatusCode.OK);
        Assert.Equal((0, 2), (replay.Created, replay.Replayed));

        var page = await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>();
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(10m, Assert.Single((await (await client.GetAsync($"{url}/positions")).ReadAsync<PositionsDto>()).Positions).Quantity);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task List_PagesNewestFirst_AndFiltersByDate(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account, _) = await TradingAccountAsync(app);
        var days = new[] { new DateOnly(2000, 1, 3), new DateOnly(2000, 2, 1), new DateOnly(2000, 3, 1) };
        await (await client.PostAsync($"{url}/transactions/batch", new TransactionBatchRequest([.. days.Select(d => Deposit(account, d, 100m))])))
            .ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var firstPage = await (await client.GetAsync($"{url}/transactions?pageSize=2")).ReadAsync<TransactionPage>();
        Assert.Equal(3, firstPage.TotalCount);
        Assert.Equal([days[2], days[1]], firstPage.Items.Select(t => t.TradeDate));
        var filtered = await (await client.GetAsync($"{url}/transactions?accountId={account}&from=2000-02-01&to=2000-02-28")).ReadAsync<TransactionPage>();
        Assert.Equal(days[1], Assert.Single(filtered.Items).TradeDate);
        await (await client.GetAsync($"{url}/transactions?pageSize=0")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Post_InvalidFields_Answers400NamingTheFields(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url, account, _) = await TradingAccountAsync(app);

        var response = await client.PostAsync($"{url}/transactions", Tx(account, TransactionType.Buy, FirstBuy, instrumentId: Guid.NewGuid(), quantity: -1m));

        var errors = (await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("quantity", out _));
        Assert.True(errors.TryGetProperty("instrumentId", out _));
        Assert.Equal(0, (await (await client.GetAsync($"{url}/transactions")).ReadAsync<TransactionPage>()).TotalCount);
    }

    private static async Task<(HttpClient Client, string Url, Guid Account, Guid Msft)> TradingAccountAsync(GlidepathApp app)
    {
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        return (client, $"/api/households/{household.Id}", account.Id, msft.Id);
    }
}
