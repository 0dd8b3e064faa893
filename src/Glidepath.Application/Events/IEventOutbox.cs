namespace Glidepath.Application.Events;

/// <summary>
/// Publishes a domain event through the transactional outbox (docs/webhooks.md).
/// </summary>
public interface IEventOutbox
{
    /// <summary>
    /// Adds an outbox row for <paramref name="eventType"/> (one of <see cref="Infrastructure.Events.EventTypes"/>; an unknown type throws) to the
    /// current scope's <c>GlidepathDbContext</c> WITHOUT saving it. Contract: call it before the
    /// SaveChanges (inside the transaction, if any) that writes the change the event describes; the row
    /// then commits with that change, and disappears with it when the transaction rolls back. Nothing
    /// is sent here: the delivery worker reads committed rows. <paramref name="payload"/> is
    /// serialised at once as camelCase JSON (ids, amounts, states; never secrets or account numbers).
    /// A caller that abandons its write without saving, or after a rollback keeps using the context,
    /// detaches what it added, the row included (as <c>LedgerStore</c> does).
    /// </summary>
    void Enqueue(Guid householdId, string eventType, object payload);
}
