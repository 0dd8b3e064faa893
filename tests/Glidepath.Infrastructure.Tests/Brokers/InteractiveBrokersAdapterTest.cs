using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Brokers;
using Glidepath.Testing;
using Glidepath.Testing.MarketData;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.Tests.Brokers;

/// <summary>
/// The Interactive Brokers adapter against a loopback stub that answers with the documented examples of
/// the Client Portal Web API (/work/shared/samples/apis/ibkr_*.json, IBKR's own documentation; not
/// copied into the repository as it carries no licence, so the tests read it from the shared folder).
/// </summary>
public sealed class InteractiveBrokersAdapterTest
{
    private static readonly BrokerOrder Buy = new(
        Guid.NewGuid(), null, "U1234567", Guid.NewGuid(), "AAPL", TradeSide.Buy, OrderType.Limit, 5m, 150m, DateTimeOffset.UtcNow, 0m, null);

    [Fact]
    public async Task Submit_Accepted_ReturnsTheBrokersOrderId()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = r => r.Method == "POST" && r.Path == "/v1/api/iserver/account/U1234567/orders" ? Sample("ibkr_place_order.response.json") : NotFound;

        var submitted = await Adapter(stub).SubmitAsync(Buy, CancellationToken.None);

        Assert.Equal((true, "1234567890"), (submitted.Accepted, submitted.BrokerOrderId));
        Assert.Equal(["/v1/api/iserver/account/U1234567/orders"], stub.Requests);
    }

    /// <summary>The gateway asks "price exceeds the Percentage constraint of 3%… are you sure?": the adapter confirms and gets the order id.</summary>
    [Fact]
    public async Task Submit_ReplyRequired_ConfirmsAndReturnsTheOrderId()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = r => (r.Method, r.Path.Value) switch
        {
            ("POST", "/v1/api/iserver/account/U1234567/orders") => Sample("ibkr_place_order.reply_required.response.json"),
            ("POST", "/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c") => Confirmed(r) ? Sample("ibkr_reply.response.json") : new StubAnswer(400, "{\"error\":\"not confirmed\"}"),
            _ => NotFound,
        };

        var submitted = await Adapter(stub).SubmitAsync(Buy, CancellationToken.None);

        Assert.Equal((true, "1234567890"), (submitted.Accepted, submitted.BrokerOrderId));
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Submit_ReplyRequiredForever_IsRejectedAfterTheConfiguredReplies()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = r => r.Method == "POST" ? Sample("ibkr_place_order.reply_required.response.json") : NotFound;

        var submitted = await Adapter(stub, maxReplies: 2).SubmitAsync(Buy, CancellationToken.None);

        Assert.False(submitted.Accepted);
        Assert.Contains("Percentage constraint", submitted.Reason, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Submit_Rejected_CarriesTheBrokersReason()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = r => r.Method == "POST" ? Sample("ibkr_place_order.reject.response.json") : NotFound;

        var submitted = await Adapter(stub).SubmitAsync(Buy, CancellationToken.None);

        Assert.False(submitted.Accepted);
        Assert.Null(submitted.BrokerOrderId);
        Assert.StartsWith("We cannot accept an order at the limit price you selected.", submitted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownContract_IsRejectedWithoutCallingTheGateway()
    {
        await using var stub = await MarketDataStub.StartAsync();

        var submitted = await Adapter(stub).SubmitAsync(Buy with { Symbol = "MSFT" }, CancellationToken.None);

        Assert.False(submitted.Accepted);
        Assert.Empty(stub.Requests);
    }

    /// <summary>The documented status: 5 of 5 sold at an average 192.26, "Filled". A poll after 2 were booked reports the other 3.</summary>
    [Fact]
    public async Task Poll_ReportsTheUnbookedPartOfTheCumulativeFill()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = r => r.Path == "/v1/api/iserver/account/order/status/1799796559" ? Sample("ibkr_order_status.response.json") : NotFound;
        var sold = Buy with { Side = TradeSide.Sell, Type = OrderType.Market, LimitPrice = null, BrokerOrderId = "1799796559" };
        var asOf = new DateOnly(2023, 12, 11);

        var first = await Adapter(stub).PollAsync(sold, asOf, CancellationToken.None);
        var rest = await Adapter(stub).PollAsync(sold with { FilledQuantity = 2m }, asOf, CancellationToken.None);
        var done = await Adapter(stub).PollAsync(sold with { FilledQuantity = 5m }, asOf, CancellationToken.None);

        Assert.Equal([new BrokerFill(5m, 192.26m, 0m, asOf)], first.Fills);
        Assert.Equal([new BrokerFill(3m, 192.26m, 0m, asOf)], rest.Fills);
        Assert.Empty(done.Fills);
        Assert.Null(first.Final);
    }

    [Fact]
    public async Task Positions_ReadsTheDocumentedPortfolio()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = r => r.Path == "/v1/api/portfolio/U1234567/positions/0" ? Sample("ibkr_positions.response.json") : NotFound;

        var positions = await Adapter(stub).PositionsAsync("U1234567", CancellationToken.None);

        Assert.Equal([new BrokerPosition("SPY", 5m), new BrokerPosition("TSLA", 7m), new BrokerPosition("META", 11m)], positions);
    }

    private static readonly StubAnswer NotFound = new(404, "{\"error\":\"not found\"}", "application/json");

    private static InteractiveBrokersAdapter Adapter(MarketDataStub stub, int maxReplies = 5) => new(
        new HttpClient(),
        Options.Create(new InteractiveBrokersOptions
        {
            BaseUrl = new Uri(stub.BaseUrl + "/v1/api/"),
            Conids = new(StringComparer.OrdinalIgnoreCase) { ["AAPL"] = 265598 },
            MaxReplies = maxReplies,
        }));

    private static bool Confirmed(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        // The stub's answer function is synchronous; the reply body is a few bytes.
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = reader.ReadToEndAsync().GetAwaiter().GetResult();
        return body.Replace(" ", "", StringComparison.Ordinal).Contains("\"confirmed\":true", StringComparison.Ordinal);
    }

    private static StubAnswer Sample(string name) => StubAnswer.Ok(File.ReadAllText(Path.Combine(ApiSamples.Apis(), name)), "application/json");
}
