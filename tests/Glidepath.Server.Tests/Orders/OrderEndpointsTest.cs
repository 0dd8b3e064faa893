using Glidepath.Server.Api;
using System.Globalization;
using System.Net;
using Glidepath.Application.Orders;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.Orders;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Application.Transactions;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Orders;

/// <summary>
/// Orders placed through the API and executed by the paper broker against real MSFT closes of January
/// 1998 (examples/data/dowjones30_daily_prices.csv): 01-05 32.59, 01-06 32.78, 01-07 32.39, 01-08 32.62,
/// 01-09 31.75, 01-12 32.38, 01-13 33.03. Orders are dated 1998-01-05 (the stored time is moved back,
/// as the server stamps the real clock), so the first close after an order is that of 01-06.
/// Paper broker: 10 bps slippage, 0.01 per unit with a 1.00 minimum commission.
/// </summary>
public class OrderEndpointsTest
{
    private static readonly DateTimeOffset Placed = new(1998, 1, 5, 15, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> PaperRules = new()
    {
        ["Brokers:Paper:SlippageBasisPoints"] = "10",
        ["Brokers:Paper:CommissionPerUnit"] = "0.01",
        ["Brokers:Paper:MinimumCommission"] = "1",
        ["Brokers:Paper:MaxQuantityPerClose"] = "30",
        ["Jobs:Enabled"] = "false",
    };

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Place_RetriedWithSameKey_AnswersTheSameOrder_AndExecutesOnce(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: PaperRules);
        var (client, householdId, accountId, msft) = await AccountWithMsftAsync(app);
        var url = $"/api/accounts/{accountId}/orders";

        var first = await (await PostWithKey(client, url, new PlaceOrderRequest(msft, TradeSide.Buy, 20m, OrderType.Market), "buy-20-msft"))
            .ReadAsync<OrderDetailsDto>(HttpStatusCode.Created);
        var retry = await (await PostWithKey(client, url, new PlaceOrderRequest(msft, TradeSide.Buy, 20m, OrderType.Market), "buy-20-msft"))
            .ReadAsync<OrderDetailsDto>(HttpStatusCode.OK);
        Assert.Equal(first.Id, retry.Id);
        Assert.Single(await (await client.GetAsync(url)).ReadAsync<List<OrderDetailsDto>>());

        await BackdateAsync(app, first.Id);
        var run = await ProcessAsync(app, new DateOnly(1998, 1, 16));
        await ProcessAsync(app, new DateOnly(1998, 1, 16)); // a second run finds nothing left to do

        // 20 units at the 01-06 close 32.78 × 1.001 = 32.81278; commission max(20 × 0.01, 1) = 1.
        Assert.Equal((1, 1, 1), (run.Submitted, run.Fills, run.Filled));
        var order = await (await client.GetAsync($"{url}/{first.Id}")).ReadAsync<OrderDetailsDto>();
        Assert.Equal(OrderStatus.Filled, order.Status);
        var fill = Assert.Single(order.Fills);
        Assert.Equal((20m, 32.81278m, 1m, new DateOnly(1998, 1, 6)), (fill.Quantity, fill.Price, fill.Fees, fill.TradeDate));
        Assert.Equal([(OrderStatus.Pending, OrderStatus.Submitted), (OrderStatus.Submitted, OrderStatus.Filled)], order.Transitions.Select(t => (t.From, t.To)));
        var booked = Assert.Single(await OrderTransactionsAsync(client, householdId, accountId));
        Assert.Equal((fill.TransactionId, TransactionType.Buy, 20m, 32.81278m, 1m), (booked.Id, booked.Type, booked.Quantity, booked.Price, booked.Fees));

        // Each transition and the fill left one outbox event, committed with them.
        await using var db = app.CreateDbContext();
        var events = (await db.OutboxEvents.Where(e => e.HouseholdId == householdId && e.Type.StartsWith("order.")).ToListAsync())
            .Where(e => e.PayloadJson.Contains(first.Id.ToString(), StringComparison.Ordinal)).Select(e => e.Type).Order(StringComparer.Ordinal);
        Assert.Equal([EventTypes.OrderFilled, EventTypes.OrderStatusChanged, EventTypes.OrderStatusChanged], events);
    }

    /// <summary>The owner's "check for fills now": the same processing, for this account's orders only.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ProcessAccount_FillsAtTheFirstCloseAfterTheOrder_BooksOneTransaction_AndLeavesOtherAccountsAlone(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: PaperRules);
        var (client, householdId, accountId, msft) = await AccountWithMsftAsync(app);
        var other = await client.AccountAsync(householdId);
        var url = $"/api/accounts/{accountId}/orders";
        var placed = await (await client.PostAsync(url, new PlaceOrderRequest(msft, TradeSide.Buy, 20m, OrderType.Market))).ReadAsync<OrderDetailsDto>(HttpStatusCode.Created);
        var elsewhere = await (await client.PostAsync($"/api/accounts/{other.Id}/orders", new PlaceOrderRequest(msft, TradeSide.Buy, 5m, OrderType.Market)))
            .ReadAsync<OrderDetailsDto>(HttpStatusCode.Created);
        await BackdateAsync(app, placed.Id);
        await BackdateAsync(app, elsewhere.Id);

        var run = await (await client.PostAsync($"{url}/process", new { })).ReadAsync<OrderProcessingRunDto>();
        var again = await (await client.PostAsync($"{url}/process", new { })).ReadAsync<OrderProcessingRunDto>();

        Assert.Equal((DateOnly.FromDateTime(DateTime.UtcNow), 1, 1, 1, 1), (run.AsOf, run.Orders, run.Submitted, run.Fills, run.Filled));
        Assert.Equal((0, 0), (again.Orders, again.Fills));
        var order = await (await client.GetAsync($"{url}/{placed.Id}")).ReadAsync<OrderDetailsDto>();
        var fill = Assert.Single(order.Fills);
        Assert.Equal((OrderStatus.Filled, new DateOnly(1998, 1, 6), 32.81278m), (order.Status, fill.TradeDate, fill.Price));
        var booked = Assert.Single(await OrderTransactionsAsync(client, householdId, accountId));
        Assert.Equal(fill.TransactionId, booked.Id);
        var untouched = await (await client.GetAsync($"/api/accounts/{other.Id}/orders/{elsewhere.Id}")).ReadAsync<OrderDetailsDto>();
        Assert.Equal(OrderStatus.Pending, untouched.Status);
        await (await client.PostAsync($"/api/accounts/{Guid.NewGuid()}/orders/process", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task LimitBuy_FillsOnlyWhenACloseCrossesTheLimit(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: PaperRules);
        var (client, householdId, accountId, msft) = await AccountWithMsftAsync(app);
        var url = $"/api/accounts/{accountId}/orders";
        var placed = await (await client.PostAsync(url, new PlaceOrderRequest(msft, TradeSide.Buy, 10m, OrderType.Limit, 32m))).ReadAsync<OrderDetailsDto>(HttpStatusCode.Created);
        await BackdateAsync(app, placed.Id);

        // 01-06 32.78, 01-07 32.39, 01-08 32.62: all over 32, nothing fills.
        await ProcessAsync(app, new DateOnly(1998, 1, 8));
        var waiting = await (await client.GetAsync($"{url}/{placed.Id}")).ReadAsync<OrderDetailsDto>();
        Assert.Equal((OrderStatus.Submitted, 0), (waiting.Status, waiting.Fills.Count));
        Assert.Empty(await OrderTransactionsAsync(client, householdId, accountId));

        // 01-09 31.75 crosses: 31.75 × 1.001 = 31.78175, under the limit.
        await ProcessAsync(app, new DateOnly(1998, 1, 16));
        var filled = await (await client.GetAsync($"{url}/{placed.Id}")).ReadAsync<OrderDetailsDto>();
        Assert.Equal(OrderStatus.Filled, filled.Status);
        var fill = Assert.Single(filled.Fills);
        Assert.Equal((new DateOnly(1998, 1, 9), 31.78175m), (fill.TradeDate, fill.Price));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PartialFills_SumToTheQuantity_AndCancelAfterAPartialFillKeepsThem(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: PaperRules);
        var (client, householdId, accountId, msft) = await AccountWithMsftAsync(app);
        var url = $"/api/accounts/{accountId}/orders";
        var whole = await (await client.PostAsync(url, new PlaceOrderRequest(msft, TradeSide.Buy, 100m, OrderType.Market))).ReadAsync<OrderDetailsDto>(HttpStatusCode.Created);
        var cut = await (await client.PostAsync(url, new PlaceOrderRequest(msft, TradeSide.Buy, 100m, OrderType.Market))).ReadAsync<OrderDetailsDto>(HttpStatusCode.Created);
        await BackdateAsync(app, whole.Id);
        await BackdateAsync(app, cut.Id);

        // 30 a close: 01-06 and 01-07 so far.
        await ProcessAsync(app, new DateOnly(1998, 1, 7));
        var partial = await (await client.GetAsync($"{url}/{cut.Id}")).ReadAsync<OrderDetailsDto>();
        Assert.Equal((OrderStatus.PartiallyFilled, 60m), (partial.Status, partial.FilledQuantity));
        var cancelled = await (await client.PostAsync($"{url}/{cut.Id}/cancel", new { })).ReadAsync<OrderDetailsDto>();
        Assert.Equal((OrderStatus.Cancelled, 2), (cancelled.Status, cancelled.Fills.Count));
        Assert.Equal("cancelled by the user", cancelled.Transitions[^1].Reason);
        await (await client.PostAsync($"{url}/{cut.Id}/cancel", new { })).ReadProblemAsync(HttpStatusCode.Conflict, AccountOrders.NotCancellableCode);

        await ProcessAsync(app, new DateOnly(1998, 1, 16));
        var done = await (await client.GetAsync($"{url}/{whole.Id}")).ReadAsync<OrderDetailsDto>();
        Assert.Equal(OrderStatus.Filled, done.Status);
        Assert.Equal([30m, 30m, 30m, 10m], done.Fills.Select(f => f.Quantity));
        Assert.Equal(100m, done.Fills.Sum(f => f.Quantity));
        Assert.Equal(
            [new DateOnly(1998, 1, 6), new DateOnly(1998, 1, 7), new DateOnly(1998, 1, 8), new DateOnly(1998, 1, 9)],
            done.Fills.Select(f => f.TradeDate));

        // The cancelled order's 60 stay booked and nothing more is; one transaction per fill in all.
        var stillCancelled = await (await client.GetAsync($"{url}/{cut.Id}")).ReadAsync<OrderDetailsDto>();
        Assert.Equal((OrderStatus.Cancelled, 60m), (stillCancelled.Status, stillCancelled.FilledQuantity));
        var booked = await OrderTransactionsAsync(client, householdId, accountId);
        Assert.Equal(6, booked.Count);
        Assert.Equal(160m, booked.Sum(t => t.Quantity));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Place_BadInput_IsAValidationProblem_AndAnotherAccountIs404(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: PaperRules);
        var (client, _, accountId, msft) = await AccountWithMsftAsync(app);
        var url = $"/api/accounts/{accountId}/orders";
        await (await client.PostAsync(url, new PlaceOrderRequest(msft, TradeSide.Buy, 10m, OrderType.Limit))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync(url, new PlaceOrderRequest(msft, TradeSide.Buy, 0m, OrderType.Market))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync(url, new PlaceOrderRequest(Guid.NewGuid(), TradeSide.Buy, 1m, OrderType.Market))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync($"/api/accounts/{Guid.NewGuid()}/orders", new PlaceOrderRequest(msft, TradeSide.Buy, 1m, OrderType.Market)))
            .ReadProblemAsync(HttpStatusCode.NotFound, "account-not-found");
        await (await client.GetAsync($"{url}/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound, AccountOrders.OrderNotFoundCode);
    }

    /// <summary>A household with 10,000 deposited on 1997-12-31 and MSFT with its real closes of 1998-01-02 to 1998-01-16.</summary>
    internal static async Task<(HttpClient Client, Guid HouseholdId, Guid AccountId, Guid Msft)> AccountWithMsftAsync(GlidepathApp app)
    {
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var msft = await app.MsftAsync();
        await (await (await app.CreateOperatorClientAsync()).PutAsync($"/api/instruments/{msft.Id}/prices", RealCloses("MSFT", new DateOnly(1998, 1, 2), new DateOnly(1998, 1, 16))))
            .ReadAsync<List<PriceDto>>();
        (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, new DateOnly(1997, 12, 31), 10_000m))).EnsureSuccessStatusCode();
        return (client, household.Id, account.Id, msft.Id);
    }

    /// <summary>A column of examples/data/dowjones30_daily_prices.csv between two dates.</summary>
    internal static List<PriceDto> RealCloses(string symbol, DateOnly from, DateOnly to)
    {
        var lines = File.ReadAllLines(Path.Combine(Fuzzing.CsvFiles.RepositoryRoot(), "examples", "data", "dowjones30_daily_prices.csv"));
        var column = Array.IndexOf(lines[0].Split(','), symbol);
        return [.. lines.Skip(1).Select(l => l.Split(','))
            .Select(f => new PriceDto(DateOnly.Parse(f[0], CultureInfo.InvariantCulture), decimal.Parse(f[column], CultureInfo.InvariantCulture)))
            .Where(p => p.Date >= from && p.Date <= to)];
    }

    internal static Task<HttpResponseMessage> PostWithKey<T>(HttpClient client, string url, T body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json) };
        request.Headers.Add(IdempotencyKeys.Header, key);
        return client.SendAsync(request);
    }

    /// <summary>The server stamps orders with the real clock; the paper broker fills at closes after the order's time.</summary>
    internal static async Task BackdateAsync(GlidepathApp app, Guid orderId)
    {
        await using var db = app.CreateDbContext();
        await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedUtc, Placed));
    }

    internal static async Task<ProcessedOrders> ProcessAsync(GlidepathApp app, DateOnly asOf)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrderProcessing>().ProcessAsync(asOf, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    private static async Task<List<TransactionDto>> OrderTransactionsAsync(HttpClient client, Guid householdId, Guid accountId) =>
        [.. (await (await client.GetAsync($"/api/households/{householdId}/transactions?accountId={accountId}")).ReadAsync<TransactionPage>())
            .Items.Where(t => t.ExternalId?.StartsWith("order:", StringComparison.Ordinal) == true)];
}
