using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Application.Events;

/// <summary>The outbox on the scope's context: the row rides on the caller's next SaveChanges.</summary>
public sealed class EventOutbox(GlidepathDbContext db, TimeProvider clock) : IEventOutbox
{
    public void Enqueue(Guid householdId, string eventType, object payload) =>
        OutboxRows.Add(db, householdId, eventType, payload, clock.GetUtcNow());
}
