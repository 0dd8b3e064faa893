using System.Text.Json;
using Glidepath.Application.Errors;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glidepath.Application.Webhooks;

/// <summary>A household's webhook subscriptions, their delivery log, test-sends and redeliveries (docs/webhooks.md).</summary>
public sealed class HouseholdWebhooks(GlidepathDbContext db, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <summary>The event type of a test-send; not a domain event, never fanned out.</summary>
    public const string PingEvent = "webhook.ping";

    public const int MaxPerHousehold = 20;

    public async Task<IReadOnlyList<WebhookDto>> ListAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.HouseholdId == householdId).ToListAsync(ct)).OrderBy(s => s.CreatedUtc).Select(WebhookDto.From)];

    public async Task<Result<CreatedWebhookDto>> CreateAsync(Guid householdId, WebhookRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Check(request) is { } problem)
        {
            return problem;
        }

        if (await db.WebhookSubscriptions.CountAsync(s => s.HouseholdId == householdId, ct) >= MaxPerHousehold)
        {
            return new Problem(ProblemKind.Conflict, "webhook-limit", $"A household has at most {MaxPerHousehold} webhooks.");
        }

        var subscription = new WebhookSubscription
        {
            HouseholdId = householdId,
            Url = request.Url!,
            Events = string.Join(',', request.Events!.Distinct(StringComparer.Ordinal)),
            Secret = WebhookSignature.NewSecret(),
            CreatedUtc = clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhookDto(subscription.Id, subscription.Url, subscription.EventList, true, subscription.CreatedUtc, subscription.Secret);
    }

    public async Task<Result<WebhookDto>> UpdateAsync(Guid householdId, Guid webhookId, WebhookRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FindAsync(householdId, webhookId, ct) is not { } subscription)
        {
            return NotFound(webhookId);
        }

        if (Check(request) is { } problem)
        {
            return problem;
        }

        subscription.Url = request.Url!;
        subscription.Events = string.Join(',', request.Events!.Distinct(StringComparer.Ordinal));
        if (request.Enabled is { } enabled)
        {
            subscription.Enabled = enabled;
            subscription.DisabledReason = enabled ? null : subscription.DisabledReason;
        }

        await db.SaveChangesAsync(ct);
        return WebhookDto.From(subscription);
    }

    public async Task<Result<bool>> DeleteAsync(Guid householdId, Guid webhookId, CancellationToken ct)
    {
        if (await FindAsync(householdId, webhookId, ct) is not { } subscription)
        {
            return NotFound(webhookId);
        }

        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Queues a signed <c>webhook.ping</c> to the subscription now (it goes through the log like any delivery).</summary>
    public async Task<Result<WebhookDeliveryDto>> TestAsync(Guid householdId, Guid webhookId, CancellationToken ct)
    {
        if (await FindAsync(householdId, webhookId, ct) is not { } subscription)
        {
            return NotFound(webhookId);
        }

        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var delivery = new WebhookDelivery
        {
            SubscriptionId = subscription.Id,
            HouseholdId = householdId,
            EventType = PingEvent,
            Body = WebhookBodies.Write(id, PingEvent, now, householdId, JsonSerializer.Serialize(WebhookPing.Test, OutboxRows.Json)),
            CreatedUnixMs = now.ToUnixTimeMilliseconds(),
            NextAttemptUnixMs = now.ToUnixTimeMilliseconds(),
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        return WebhookDeliveryDto.From(delivery);
    }

    /// <summary>One page of the subscription's deliveries, newest first, and how many it has in all.</summary>
    public async Task<Result<(IReadOnlyList<WebhookDeliveryDto> Items, int TotalCount)>> DeliveriesAsync(
        Guid householdId, Guid webhookId, int page, int pageSize, CancellationToken ct)
    {
        if (await FindAsync(householdId, webhookId, ct) is null)
        {
            return NotFound(webhookId);
        }

        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == webhookId);
        var total = await deliveries.CountAsync(ct);
        var rows = await deliveries.OrderByDescending(d => d.CreatedUnixMs).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows.Select(WebhookDeliveryDto.From).ToList(), total);
    }

    /// <summary>Sends a delivery again now with the same <c>Glidepath-Delivery</c> id and body; its 24-hour window starts again.</summary>
    public async Task<Result<WebhookDeliveryDto>> RedeliverAsync(Guid householdId, Guid webhookId, Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == webhookId && d.HouseholdId == householdId, ct);
        if (delivery is null)
        {
            return Problem.NotFound(ErrorCodes.WebhookDeliveryNotFound, $"Delivery {deliveryId} does not exist.");
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        delivery.State = DeliveryStates.Pending;
        delivery.CreatedUnixMs = now;
        delivery.NextAttemptUnixMs = now;
        delivery.LeaseOwner = null;
        delivery.LeaseExpiresUnixMs = null;
        await db.SaveChangesAsync(ct);
        return WebhookDeliveryDto.From(delivery);
    }

    private Task<WebhookSubscription?> FindAsync(Guid householdId, Guid webhookId, CancellationToken ct) =>
        db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == webhookId && s.HouseholdId == householdId, ct);

    private Problem? Check(WebhookRequest request)
    {
        if (WebhookAddresses.CheckUrl(request.Url, options.Value.AllowLoopback == true) is { } refused)
        {
            return Problem.Invalid("url", refused);
        }

        if (request.Events is not { Count: > 0 } events)
        {
            return Problem.Invalid("events", $"Name at least one event: {string.Join(", ", EventTypes.All)}.");
        }

        return events.FirstOrDefault(e => !EventTypes.IsKnown(e)) is { } unknown
            ? Problem.Invalid("events", $"'{unknown}' is not an event type; known: {string.Join(", ", EventTypes.All)}.")
            : null;
    }

    private static Problem NotFound(Guid webhookId) => Problem.NotFound(ErrorCodes.WebhookNotFound, $"Webhook {webhookId} does not exist.");
}
