using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Glidepath.Application.Webhooks;

/// <summary>
/// One round of the delivery worker: dispatch committed outbox events into deliveries, claim the due
/// ones, POST them signed, and record each outcome while the lease is still ours. A failure is retried
/// with exponential backoff and jitter; one still failing after <see cref="WebhookOptions.GiveUpAfter"/>
/// fails for good and disables its subscription with the reason (the notice the user sees).
/// </summary>
public sealed partial class WebhookSender(
    GlidepathDbContext db, OutboxDispatcher dispatcher, IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string EventHeader = "Glidepath-Event";
    public const string DeliveryHeader = "Glidepath-Delivery";
    public const string SignatureHeader = "Glidepath-Signature";

    /// <summary>Dispatches and sends one batch; answers how many events and deliveries it handled (0 when idle).</summary>
    public async Task<int> RunOnceAsync(string owner, CancellationToken ct)
    {
        var settings = options.Value;
        var dispatched = await dispatcher.DispatchAsync(clock.GetUtcNow(), settings.BatchSize, ct);
        var claimed = await DeliveryLeases.ClaimAsync(db, owner, clock.GetUtcNow(), settings.LeaseDuration, settings.BatchSize, ct);
        if (claimed.Count == 0)
        {
            return dispatched;
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => claimed.Contains(d.Id)).ToListAsync(ct);
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var outcomes = new List<(WebhookDelivery Delivery, Attempt Attempt)>(deliveries.Count);
        await Parallel.ForEachAsync(
            deliveries,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = ct },
            async (delivery, token) =>
            {
                var attempt = subscriptions.TryGetValue(delivery.SubscriptionId, out var subscription) && subscription.Enabled
                    ? await SendAsync(subscription, delivery, token)
                    : Attempt.Skip;
                lock (outcomes)
                {
                    outcomes.Add((delivery, attempt));
                }
            });

        // Successes in one statement (the common case; one commit per round, not per delivery), failures one by one.
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var byStatus in outcomes.Where(o => o.Attempt.Ok).GroupBy(o => o.Attempt.Status))
        {
            var ids = byStatus.Select(o => o.Delivery.Id).ToList();
            await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.LeaseOwner == owner && d.State == DeliveryStates.Pending).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.State, DeliveryStates.Delivered).SetProperty(d => d.LastStatus, byStatus.Key).SetProperty(d => d.LastError, (string?)null)
                    .SetProperty(d => d.DeliveredUnixMs, nowMs).SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresUnixMs, (long?)null),
                ct);
        }
        foreach (var (delivery, attempt) in outcomes.Where(o => !o.Attempt.Ok))
        {
            await RecordAsync(delivery, attempt, owner, ct);
        }

        return dispatched + deliveries.Count;
    }

    /// <summary>What one POST came to: a 2xx, a status, or a transport error (<see cref="Status"/> null).</summary>
    public sealed record Attempt(bool Ok, int? Status, string? Error, bool Skipped = false)
    {
        public static readonly Attempt Skip = new(false, null, "The subscription is disabled.", true);
    }

    /// <summary>POSTs the delivery's body, signed now; never throws for the receiver's failures.</summary>
    public async Task<Attempt> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(delivery);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Glidepath-Webhooks", "1"));
        request.Headers.Add(EventHeader, delivery.EventType);
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(SignatureHeader, WebhookSignature.Header(subscription.Secret, timestamp, delivery.Body));
        try
        {
            using var response = await http.CreateClient(WebhookHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new Attempt(true, status, null)
                : new Attempt(false, status, status is >= 300 and < 400 ? "Redirects are not followed." : $"The receiver answered {status}.");
        }
        catch (HttpRequestException e)
        {
            return new Attempt(false, null, Reason(e));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Attempt(false, null, "The receiver did not answer in time.");
        }
    }

    private static string Reason(HttpRequestException e) =>
        (e.InnerException as WebhookAddressRefusedException ?? e.InnerException?.InnerException as WebhookAddressRefusedException)?.Message
        ?? $"Could not reach the receiver ({e.HttpRequestError}).";

    private async Task RecordAsync(WebhookDelivery delivery, Attempt attempt, string owner, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var held = db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeaseOwner == owner && d.State == DeliveryStates.Pending);
        var error = attempt.Error is { Length: > 500 } text ? text[..500] : attempt.Error;
        if (attempt.Skipped)
        {
            await held.ExecuteUpdateAsync(
                s => s.SetProperty(d => d.State, DeliveryStates.Skipped).SetProperty(d => d.LastError, error)
                    .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresUnixMs, (long?)null),
                ct);
            return;
        }

        var next = now + Backoff(delivery.Attempts, settings);
        if (next - DateTimeOffset.FromUnixTimeMilliseconds(delivery.CreatedUnixMs) <= settings.GiveUpAfter)
        {
            var nextMs = next.ToUnixTimeMilliseconds();
            await held.ExecuteUpdateAsync(
                s => s.SetProperty(d => d.LastStatus, attempt.Status).SetProperty(d => d.LastError, error).SetProperty(d => d.NextAttemptUnixMs, nextMs)
                    .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresUnixMs, (long?)null),
                ct);
            return;
        }

        // Out of time: this delivery fails and the subscription stops until its owner re-enables it.
        var reason = $"Disabled on {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: delivery {delivery.Id} failed for {settings.GiveUpAfter.TotalHours:0} hours ({error}).";
        reason = reason.Length > 500 ? reason[..500] : reason;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var failed = await held.ExecuteUpdateAsync(
            s => s.SetProperty(d => d.State, DeliveryStates.Failed).SetProperty(d => d.LastStatus, attempt.Status).SetProperty(d => d.LastError, error)
                .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresUnixMs, (long?)null),
            ct);
        if (failed > 0)
        {
            await db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId && s.Enabled)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false).SetProperty(x => x.DisabledReason, reason), ct);
            LogDisabled(delivery.SubscriptionId, reason);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based): doubling from the first delay, capped, times a jitter in [0.5, 1.5).</summary>
    public static TimeSpan Backoff(int attempt, WebhookOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var doubled = settings.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(doubled, settings.MaxRetryDelay.TotalMilliseconds);
#pragma warning disable CA5394 // jitter spreads retries, it is not a secret
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {SubscriptionId} disabled: {Reason}")]
    private partial void LogDisabled(Guid subscriptionId, string reason);
}
