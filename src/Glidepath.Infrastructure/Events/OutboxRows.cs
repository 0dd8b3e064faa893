using System.Text.Json;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Infrastructure.Events;

/// <summary>
/// Adds an outbox row to a context without saving it: the caller's next SaveChanges (inside its
/// transaction) writes it together with the change it describes. Infrastructure write paths such as
/// the ledger store use this directly; use cases go through <c>IEventOutbox</c>.
/// </summary>
public static class OutboxRows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxEvent Add(GlidepathDbContext db, Guid householdId, string eventType, object payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(payload);
        if (!EventTypes.IsKnown(eventType))
        {
            throw new ArgumentException($"Unknown event type '{eventType}'.", nameof(eventType));
        }

        var row = new OutboxEvent
        {
            HouseholdId = householdId,
            Type = eventType,
            PayloadJson = JsonSerializer.Serialize(payload, payload.GetType(), Json),
            CreatedUtc = now.UtcDateTime,
        };
        db.OutboxEvents.Add(row);
        return row;
    }
}
