using Glidepath.Application.Notifications;
using Glidepath.Application.Planning.Runs;
using Glidepath.Domain.Households;
using Microsoft.AspNetCore.SignalR;

namespace Glidepath.Server.Realtime;

/// <summary>
/// Sends the hub's messages to each household's group: only connections that joined it (and so
/// passed the household rule) hear them. Best effort: a failed send is logged, never thrown into
/// the write or the run that caused it.
/// </summary>
public sealed partial class PortfolioNotifier(IHubContext<PortfolioHub> hub, ILogger<PortfolioNotifier> log) : IHouseholdNotifier, ISimulationProgressSink, IUserNotifier
{
    /// <summary>A new notification, to the user's own connections only (docs/notifications.md).</summary>
    public async Task NotificationCreatedAsync(Guid userId, NotificationDto notification, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(PortfolioHub.UserGroupOf(userId)).SendAsync(PortfolioMessages.NotificationCreated, notification, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogUserSendFailed(e, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time notification to user {UserId} was not sent")]
    private partial void LogUserSendFailed(Exception exception, Guid userId);

    public Task PricesUpdatedAsync(IReadOnlyCollection<Guid> householdIds, DateOnly asOf, CancellationToken ct) =>
        SendAllAsync(householdIds, PortfolioMessages.PricesUpdated, id => new PricesUpdatedMessage(id, asOf), ct);

    public Task AlertsChangedAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct) =>
        SendAllAsync(householdIds, PortfolioMessages.AlertsChanged, id => new AlertsChangedMessage(id), ct);

    /// <summary>A run's heartbeat or end, to its household's pages (docs/web.md, "Real time").</summary>
    public async ValueTask ReportAsync(SimulationProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await SendAsync(progress.HouseholdId, PortfolioMessages.RunProgress, new RunProgressMessage(progress.HouseholdId, progress.RunId, progress.Progress, progress.Status.ToString()), ct);
    }

    private async Task SendAllAsync(IReadOnlyCollection<Guid> householdIds, string method, Func<Guid, object> message, CancellationToken ct)
    {
        foreach (var id in householdIds)
        {
            await SendAsync(id, method, message(id), ct);
        }
    }

    private async Task SendAsync(Guid householdId, string method, object message, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(PortfolioHub.GroupOf(householdId)).SendAsync(method, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogSendFailed(e, method, householdId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time {Method} to household {HouseholdId} was not sent")]
    private partial void LogSendFailed(Exception exception, string method, Guid householdId);
}
