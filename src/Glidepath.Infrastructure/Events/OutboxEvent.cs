namespace Glidepath.Infrastructure.Events;

/// <summary>
/// One domain event waiting to leave the system (docs/webhooks.md): written in the same database
/// transaction as the change that caused it, so it exists exactly when that change committed. The
/// dispatcher reads pending rows, fans each out to webhook deliveries and notifications in one
/// transaction, and marks it dispatched.
/// </summary>
public sealed class OutboxEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    /// <summary>One of <c>EventTypes</c> (<c>transaction.created</c>…).</summary>
    public required string Type { get; set; }

    /// <summary>The event's data as JSON (camelCase), sent as the <c>data</c> of a webhook body.</summary>
    public required string PayloadJson { get; set; }

    /// <summary>UTC (DateTime, not DateTimeOffset: SQLite orders and compares it in SQL).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary><see cref="OutboxStates"/>: pending until the dispatcher has fanned it out.</summary>
    public string State { get; set; } = OutboxStates.Pending;

    public DateTime? DispatchedUtc { get; set; }
}

public static class OutboxStates
{
    public const string Pending = "pending";
    public const string Dispatched = "dispatched";
}
