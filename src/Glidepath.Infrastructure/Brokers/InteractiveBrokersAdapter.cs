using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.Brokers;

/// <summary>
/// Orders through the Interactive Brokers Client Portal Web API (docs/orders.md, "Interactive Brokers"):
/// place (<c>POST iserver/account/{acct}/orders</c>), answer each confirmation the gateway asks for
/// (<c>POST iserver/reply/{id}</c> with <c>confirmed: true</c>), poll the status
/// (<c>GET iserver/account/order/status/{id}</c>), cancel (<c>DELETE iserver/account/{acct}/order/{id}</c>)
/// and read positions (<c>GET portfolio/{acct}/positions/0</c>). The gateway holds the session; this
/// adapter sends no credentials.
/// </summary>
public sealed class InteractiveBrokersAdapter(HttpClient http, IOptions<InteractiveBrokersOptions> options) : IBrokerAdapter
{
    private readonly InteractiveBrokersOptions _options = options.Value;

    public string Name => BrokerNames.InteractiveBrokers;

    public async Task<BrokerSubmission> SubmitAsync(BrokerOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.BrokerAccountId is not { Length: > 0 } account)
        {
            return new BrokerSubmission(false, null, "the account has no Interactive Brokers account id");
        }

        if (!_options.Conids.TryGetValue(order.Symbol, out var conid))
        {
            return new BrokerSubmission(false, null, $"no Interactive Brokers contract id is configured for {order.Symbol}");
        }

        var body = new Dictionary<string, object?>
        {
            ["acctId"] = account,
            ["conid"] = conid,
            ["cOID"] = order.OrderId.ToString("N"),
            ["orderType"] = order.Type == OrderType.Limit ? "LMT" : "MKT",
            ["side"] = order.Side == TradeSide.Buy ? "BUY" : "SELL",
            ["tif"] = "GTC",
            ["quantity"] = order.Quantity,
        };
        if (order.LimitPrice is { } limit)
        {
            body["price"] = limit;
        }

        using var response = await http.PostAsJsonAsync(Url($"iserver/account/{account}/orders"), new { orders = new[] { body } }, ct);
        var answer = await ReadAsync(response, ct);
        for (var replies = 0; ; replies++)
        {
            if (Error(answer) is { } error)
            {
                return new BrokerSubmission(false, null, error);
            }

            var first = answer.ValueKind == JsonValueKind.Array && answer.GetArrayLength() > 0 ? answer[0] : answer;
            if (first.TryGetProperty("order_id", out var id))
            {
                return new BrokerSubmission(true, Text(id), "accepted by Interactive Brokers" + (replies > 0 ? $" after {replies} confirmation(s)" : ""));
            }

            if (!first.TryGetProperty("id", out var replyId) || replies >= _options.MaxReplies)
            {
                return new BrokerSubmission(false, null, "Interactive Brokers asked for more confirmations than allowed: " + Messages(first));
            }

            // The gateway asks "Are you sure…?" (price constraints, precautions); the order was placed on purpose, so confirm.
            using var reply = await http.PostAsJsonAsync(Url($"iserver/reply/{replyId.GetString()}"), new { confirmed = true }, ct);
            answer = await ReadAsync(reply, ct);
        }
    }

    public async Task<BrokerUpdate> PollAsync(BrokerOrder order, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.BrokerOrderId is null)
        {
            return BrokerUpdate.Nothing;
        }

        using var response = await http.GetAsync(Url($"iserver/account/order/status/{order.BrokerOrderId}"), ct);
        var status = await ReadAsync(response, ct);
        if (Error(status) is { } error)
        {
            throw new BrokerException($"Interactive Brokers did not report order {order.BrokerOrderId}: {error}");
        }

        var filled = Number(status, "cum_fill");
        var fills = new List<BrokerFill>();
        // The status carries the cumulative fill and its average price: what is new since the last poll fills at that average.
        if (filled > order.FilledQuantity && Number(status, "average_price") is var price and > 0m)
        {
            fills.Add(new BrokerFill(filled - order.FilledQuantity, price, 0m, asOf));
        }

        var text = status.TryGetProperty("order_status", out var s) ? s.GetString() : null;
        var reason = status.TryGetProperty("order_status_description", out var d) ? d.GetString() ?? text : text;
        return text switch
        {
            "Cancelled" => new BrokerUpdate(fills, (OrderStatus.Cancelled, "cancelled at Interactive Brokers: " + reason)),
            "Inactive" => new BrokerUpdate(fills, (OrderStatus.Rejected, "inactive at Interactive Brokers: " + reason)),
            _ => new BrokerUpdate(fills),
        };
    }

    public async Task<bool> CancelAsync(BrokerOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.BrokerOrderId is null)
        {
            return true;
        }

        using var response = await http.DeleteAsync(Url($"iserver/account/{order.BrokerAccountId}/order/{order.BrokerOrderId}"), ct);
        return response.IsSuccessStatusCode && Error(await ReadAsync(response, ct)) is null;
    }

    public async Task<IReadOnlyList<BrokerPosition>?> PositionsAsync(string? brokerAccountId, CancellationToken ct)
    {
        if (brokerAccountId is not { Length: > 0 })
        {
            return null;
        }

        using var response = await http.GetAsync(Url($"portfolio/{brokerAccountId}/positions/0"), ct);
        var positions = await ReadAsync(response, ct);
        if (positions.ValueKind != JsonValueKind.Array)
        {
            throw new BrokerException($"Interactive Brokers did not report positions: {Error(positions) ?? "not a list"}");
        }

        return [.. positions.EnumerateArray().Select(p => new BrokerPosition(p.GetProperty("contractDesc").GetString() ?? "", Number(p, "position")))];
    }

    private Uri Url(string relative) => new(_options.BaseUrl, relative);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return response.IsSuccessStatusCode ? default : JsonDocument.Parse($"{{\"error\":\"HTTP {(int)response.StatusCode}\"}}").RootElement.Clone();
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string? Error(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("error", out var error) ? error.GetString() ?? "error" : null;

    private static string Messages(JsonElement reply) =>
        reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Array
            ? string.Join(" ", m.EnumerateArray().Select(x => x.GetString()))
            : "";

    /// <summary>The gateway writes numbers as JSON numbers or as strings (<c>"5.0"</c>).</summary>
    private static decimal Number(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? 0m
        : value.ValueKind == JsonValueKind.Number ? value.GetDecimal()
        : decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0m;

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}

/// <summary>A broker did not answer as documented; the order stays as it was and the next run tries again.</summary>
public sealed class BrokerException(string message) : Exception(message);
