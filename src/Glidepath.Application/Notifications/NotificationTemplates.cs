using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Glidepath.Infrastructure.Events;

namespace Glidepath.Application.Notifications;

/// <summary>A notification as rendered: the subject, the plain text and the HTML (values encoded).</summary>
public sealed record RenderedNotification(string Title, string Text, string Html);

/// <summary>
/// One template per event kind (docs/notifications.md): a subject, a plain-text body and an HTML body
/// with <c>{field}</c> placeholders filled from the event's data (plus <c>symbol</c>, looked up from
/// <c>instrumentId</c>). In HTML every value is HTML-encoded; a field the data lacks renders as "?".
/// </summary>
public static class NotificationTemplates
{
    private sealed record Template(string Subject, string Text, string Html);

    private static readonly Dictionary<string, Template> Templates = new(StringComparer.Ordinal)
    {
        [EventTypes.TransactionCreated] = new(
            "Transaction booked: {type} {symbol}",
            "A {type} of {amount} {currency} was booked on {tradeDate}.",
            "<p>A <strong>{type}</strong> of <strong>{amount} {currency}</strong> was booked on {tradeDate}.</p>"),
        [EventTypes.OrderStatusChanged] = new(
            "Order {to}: {quantity} {symbol}",
            "Your order for {quantity} {symbol} moved from {from} to {to} ({reason}); {filledQuantity} filled so far.",
            "<p>Your order for <strong>{quantity} {symbol}</strong> moved from {from} to <strong>{to}</strong> ({reason}); {filledQuantity} filled so far.</p>"),
        [EventTypes.OrderFilled] = new(
            "Order filled: {side} {quantity} {symbol} at {price}",
            "{side} {quantity} {symbol} at {price} (fees {fees}) on {tradeDate}; {filledQuantity} of {orderQuantity} filled. The fill is booked in the ledger.",
            "<p><strong>{side} {quantity} {symbol}</strong> at {price} (fees {fees}) on {tradeDate}; {filledQuantity} of {orderQuantity} filled. The fill is booked in the ledger.</p>"),
        [EventTypes.RebalanceProposed] = new(
            "Rebalance proposed: {trades} trades",
            "A rebalance proposal as of {asOf} with {trades} trades is ready to review.",
            "<p>A rebalance proposal as of {asOf} with <strong>{trades} trades</strong> is ready to review.</p>"),
        [EventTypes.SimulationCompleted] = new(
            "Simulation {status}",
            "A simulation of your plan finished: {status}. Probability of success: {successProbability}.",
            "<p>A simulation of your plan finished: <strong>{status}</strong>. Probability of success: {successProbability}.</p>"),
        [EventTypes.AlertTriggered] = new(
            "Alert: {kind} ({count})",
            "{message}",
            "<p>{message}</p>"),
        [EventTypes.PriceStale] = new(
            "Price stale: {symbol}",
            "The latest close of {symbol} is {daysOld} days old (last close {lastClose}); valuations use it until a newer one arrives.",
            "<p>The latest close of <strong>{symbol}</strong> is {daysOld} days old (last close {lastClose}); valuations use it until a newer one arrives.</p>"),
        [EventTypes.StrategyUpdated] = new(
            "Strategy {name}: {change}",
            "A strategy you follow, {name}, changed ({change}, revision {revision}): {summary}",
            "<p>A strategy you follow, <strong>{name}</strong>, changed ({change}, revision {revision}): {summary}</p>"),
        [EventTypes.GoalStatusChanged] = new(
            "Goal {name}: {to}",
            "Your goal {name} moved from {from} to {to}: the newest simulation of its plan gives it {successProbability} against a target of {targetSuccess}.",
            "<p>Your goal <strong>{name}</strong> moved from {from} to <strong>{to}</strong>: the newest simulation of its plan gives it {successProbability} against a target of {targetSuccess}.</p>"),
        [EventTypes.AnomalyDetected] = new(
            "{title}",
            "{message}",
            "<p>{message}</p>"),
        // Rendered once per recipient: {with}, {start} and {timeZone} are the reader's (NotificationFanOut.PersonalRecipients).
        [EventTypes.ConsultationReminder] = new(
            "Reminder: consultation on {start}",
            "Your consultation with {with} starts {start} ({timeZone}) and lasts {minutes} minutes.",
            "<p>Your consultation with <strong>{with}</strong> starts <strong>{start}</strong> ({timeZone}) and lasts {minutes} minutes.</p>"),
    };

    public static bool Has(string eventType) => Templates.ContainsKey(eventType);

    /// <param name="payloadJson">The outbox event's data (camelCase JSON).</param>
    /// <param name="symbol">The instrument's symbol when the data names one.</param>
    /// <param name="personal">Values for one reader that replace or add to the data's (a reminder's clock and counterpart).</param>
    public static RenderedNotification Render(string eventType, string payloadJson, string? symbol, IReadOnlyDictionary<string, string>? personal = null)
    {
        var template = Templates.TryGetValue(eventType, out var t) ? t : new Template(eventType, eventType, "<p>" + WebUtility.HtmlEncode(eventType) + "</p>");
        using var payload = JsonDocument.Parse(payloadJson);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in payload.RootElement.EnumerateObject())
            {
                values[property.Name] = Format(property.Value);
            }
        }

        values["symbol"] = symbol ?? "";
        foreach (var (key, value) in personal ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var text = Fill(template.Text, values, encode: false);
        // A kind without an instrument (a deposit) leaves the symbol's place empty at the end of the subject.
        var title = Fill(template.Subject, values, encode: false).Trim();
        return new RenderedNotification(title, text, Frame(title, Fill(template.Html, values, encode: true)));
    }

    /// <summary>The page every HTML e-mail shares around its (already encoded) content.</summary>
    public static string Frame(string title, string encodedContent) =>
        $"<!DOCTYPE html><html><body><h2>{WebUtility.HtmlEncode(title)}</h2>{encodedContent}<p style=\"color:#666\">Glidepath</p></body></html>";

    private static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString("0.########", CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null => "n/a",
        _ => value.GetRawText(),
    };

    private static string Fill(string template, Dictionary<string, string> values, bool encode)
    {
        var output = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                output.Append(template, i, template.Length - i);
                break;
            }

            output.Append(template, i, open - i);
            var value = values.TryGetValue(template[(open + 1)..close], out var v) ? v : "?";
            output.Append(encode ? WebUtility.HtmlEncode(value) : value);
            i = close + 1;
        }

        return output.ToString();
    }
}
