using Glidepath.Infrastructure.Webhooks;

namespace Glidepath.Application.Webhooks;

/// <summary><c>POST/PUT …/webhooks</c>: where to send which events; <see cref="Enabled"/> (PUT only) re-enables a disabled one.</summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? Enabled = null);

/// <summary>A subscription as listed; the secret is never shown again after creation.</summary>
public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, string? DisabledReason, DateTimeOffset CreatedUtc)
{
    public static WebhookDto From(WebhookSubscription s) => new(s.Id, s.Url, s.EventList, s.Enabled, s.DisabledReason, s.CreatedUtc);
}

/// <summary>The answer to a create: the subscription and its signing secret, shown this once.</summary>
public sealed record CreatedWebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset CreatedUtc, string Secret);

/// <summary>One entry of the delivery log (the body is the exact bytes signed).</summary>
public sealed record WebhookDeliveryDto(
    Guid Id, Guid? EventId, string EventType, string State, int Attempts, DateTimeOffset CreatedUtc, DateTimeOffset? NextAttemptUtc,
    int? LastStatus, string? LastError, DateTimeOffset? DeliveredUtc, string Body)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.State, d.Attempts, DateTimeOffset.FromUnixTimeMilliseconds(d.CreatedUnixMs),
        d.State == DeliveryStates.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(d.NextAttemptUnixMs) : null,
        d.LastStatus, d.LastError, d.DeliveredUnixMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, d.Body);
}
