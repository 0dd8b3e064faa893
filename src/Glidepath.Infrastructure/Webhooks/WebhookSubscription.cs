namespace Glidepath.Infrastructure.Webhooks;

/// <summary>
/// A household's webhook (docs/webhooks.md): where to POST which events, signed with its secret.
/// Disabled by the delivery worker when a delivery has failed for 24 hours (the reason is kept).
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Url { get; set; }

    /// <summary>The subscribed event types, comma-separated (<see cref="EventList"/>).</summary>
    public required string Events { get; set; }

    /// <summary>The HMAC key; encrypted at rest, shown to the user once when created.</summary>
    public required string Secret { get; set; }

    public bool Enabled { get; set; } = true;

    public string? DisabledReason { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventType) => EventList.Contains(eventType, StringComparer.Ordinal);
}
