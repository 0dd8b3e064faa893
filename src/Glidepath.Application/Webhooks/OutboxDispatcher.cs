using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Webhooks;

/// <summary>
/// Fans committed outbox events out: one <see cref="WebhookDelivery"/> per subscription that wants the
/// event (and, through <see cref="IOutboxFanOut"/>, whatever else listens), and the event marked
/// dispatched, all in one transaction, so an event is fanned out exactly once even with several
/// instances: PostgreSQL locks the picked rows and skips rows another instance holds
/// (<c>FOR UPDATE SKIP LOCKED</c>); SQLite has one writer at a time and the transaction takes it first.
/// </summary>
public sealed class OutboxDispatcher(GlidepathDbContext db, IEnumerable<IOutboxFanOut> listeners)
{
    /// <summary>Dispatches up to <paramref name="batch"/> events; answers how many.</summary>
    public async Task<int> DispatchAsync(DateTimeOffset now, int batch, CancellationToken ct)
    {
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var events = postgres
            ? await db.OutboxEvents.FromSqlRaw(
                "SELECT * FROM outbox_events WHERE state = 'pending' ORDER BY created_utc, id LIMIT {0} FOR UPDATE SKIP LOCKED", batch).ToListAsync(ct)
            : await db.OutboxEvents.Where(e => e.State == OutboxStates.Pending).OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id).Take(batch).ToListAsync(ct);
        if (events.Count == 0)
        {
            return 0;
        }

        var households = events.Select(e => e.HouseholdId).Distinct().ToList();
        var subscriptions = (await db.WebhookSubscriptions.AsNoTracking().Where(s => households.Contains(s.HouseholdId) && s.Enabled).ToListAsync(ct))
            .ToLookup(s => s.HouseholdId);
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var e in events)
        {
            foreach (var subscription in subscriptions[e.HouseholdId].Where(s => s.Wants(e.Type)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    SubscriptionId = subscription.Id,
                    HouseholdId = e.HouseholdId,
                    EventId = e.Id,
                    EventType = e.Type,
                    Body = WebhookBodies.Write(e.Id, e.Type, new DateTimeOffset(DateTime.SpecifyKind(e.CreatedUtc, DateTimeKind.Utc)), e.HouseholdId, e.PayloadJson),
                    CreatedUnixMs = nowMs,
                    NextAttemptUnixMs = nowMs,
                });
            }

            e.State = OutboxStates.Dispatched;
            e.DispatchedUtc = now.UtcDateTime;
        }

        foreach (var listener in listeners)
        {
            await listener.FanOutAsync(events, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return events.Count;
    }
}

/// <summary>Another consumer of dispatched events (notifications): adds its rows to the dispatcher's context, saved in its transaction.</summary>
public interface IOutboxFanOut
{
    Task FanOutAsync(IReadOnlyList<OutboxEvent> events, CancellationToken ct);
}
