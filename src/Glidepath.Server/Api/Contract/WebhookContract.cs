using Glidepath.Application.Webhooks;
using Glidepath.Infrastructure.Events;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Glidepath.Server.Api.Contract;

/// <summary>
/// The document's OpenAPI 3.1 <c>webhooks</c>: one entry per event a subscription can receive (docs/webhooks.md), the
/// POST Glidepath sends: the envelope with the event's <c>data</c>, the three <c>Glidepath-*</c> headers, and the
/// answer it expects. The payload schemas come from the records the publishers write, so they cannot drift apart.
/// </summary>
internal static class WebhookContract
{
    public static readonly IReadOnlyDictionary<string, (Type Data, string Summary)> Events = new Dictionary<string, (Type, string)>(StringComparer.Ordinal)
    {
        [EventTypes.TransactionCreated] = (typeof(TransactionCreated), "A ledger transaction was booked (by hand, import, batch or an order's fill)."),
        [EventTypes.OrderStatusChanged] = (typeof(OrderStatusChanged), "An order moved to another state (docs/orders.md)."),
        [EventTypes.OrderFilled] = (typeof(OrderFilled), "An order was filled in part or in full, and the fill booked."),
        [EventTypes.RebalanceProposed] = (typeof(RebalanceProposed), "A rebalance proposal was stored, to review and accept."),
        [EventTypes.SimulationCompleted] = (typeof(SimulationCompleted), "A simulation run finished (succeeded or failed)."),
        [EventTypes.AlertTriggered] = (typeof(AlertTriggered), "A nightly scan found drift or a harvesting opportunity."),
        [EventTypes.PriceStale] = (typeof(PriceStale), "A held instrument's newest close is older than the staleness limit."),
        [EventTypes.GoalStatusChanged] = (typeof(GoalStatusChanged), "A simulation of a goal's plan moved the goal to another status (docs/goals.md)."),
        [EventTypes.StrategyUpdated] = (typeof(StrategyUpdated), "A strategy the household follows changed its targets, rule or details, or was hidden (docs/strategies.md)."),
        [EventTypes.ConsultationReminder] = (typeof(ConsultationReminder), "A booked consultation of the household starts within two days; once per booking and start (docs/advisors.md, \"Reminders\")."),
        [EventTypes.AnomalyDetected] = (typeof(AnomalyDetected), "The daily anomaly scan flagged an unusual day of the portfolio's returns or of a spending category (docs/anomalies.md); once per series and date."),
        [HouseholdWebhooks.PingEvent] = (typeof(WebhookPing), "A test delivery, sent by POST …/webhooks/{id}/test."),
    };

    public static async Task ApplyAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var (type, (data, summary)) in Events)
        {
            var envelope = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "id", "type", "createdUtc", "householdId", "data" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The event's id." },
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = type },
                    ["createdUtc"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                    ["householdId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    ["data"] = await context.GetOrCreateSchemaAsync(data, null, ct),
                },
            };
            var operation = new OpenApiOperation
            {
                OperationId = "On" + string.Concat(type.Split('.', '_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
                Summary = summary,
                Description = $"Glidepath POSTs this to each webhook subscribed to `{type}`, signed (docs/webhooks.md, \"Verifying a delivery\"). "
                    + "Any 2xx is success; anything else is retried with backoff for 24 hours.",
                Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
                Security = [],
                Parameters =
                [
                    Header("Glidepath-Event", $"The event type: `{type}`."),
                    Header("Glidepath-Delivery", "A unique id per event and subscription, the same on every retry: de-duplicate on it."),
                    Header("Glidepath-Signature", "`t=<unix seconds>,v1=<hex>`: hex = HMAC-SHA256(secret, \"{t}.{raw body}\"); refuse a t more than 5 minutes off."),
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope } },
                },
                Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "Received (any 2xx is)." } },
            };
            document.Webhooks[type] = new OpenApiPathItem { Operations = new() { [HttpMethod.Post] = operation } };
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
