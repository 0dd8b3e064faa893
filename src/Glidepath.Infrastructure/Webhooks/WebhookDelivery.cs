namespace Glidepath.Infrastructure.Webhooks;

/// <summary>
/// One event for one subscription: its id is the <c>Glidepath-Delivery</c> header (the receiver's
/// de-duplication key), the same on every retry. Claimed by a worker with a lease; a worker that
/// dies mid-send leaves the lease to expire, and another (or the next start) sends it again.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SubscriptionId { get; set; }

    public Guid HouseholdId { get; set; }

    /// <summary>The outbox event it carries (null for a test-send).</summary>
    public Guid? EventId { get; set; }

    public required string EventType { get; set; }

    /// <summary>The exact JSON body sent, fixed when the delivery is created so every retry signs the same bytes.</summary>
    public required string Body { get; set; }

    /// <summary><see cref="DeliveryStates"/>.</summary>
    public string State { get; set; } = DeliveryStates.Pending;

    public int Attempts { get; set; }

    public long CreatedUnixMs { get; set; }

    public long NextAttemptUnixMs { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseExpiresUnixMs { get; set; }

    /// <summary>The receiver's last HTTP status (null when it could not be reached).</summary>
    public int? LastStatus { get; set; }

    public string? LastError { get; set; }

    public long? LastAttemptUnixMs { get; set; }

    public long? DeliveredUnixMs { get; set; }
}

public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Retried for 24 hours without success; the subscription was disabled.</summary>
    public const string Failed = "failed";

    /// <summary>Its subscription was disabled before it could be sent.</summary>
    public const string Skipped = "skipped";
}
