using Glidepath.Infrastructure.Notifications;

namespace Glidepath.Application.Notifications;

/// <summary>One entry of the notification centre.</summary>
public sealed record NotificationDto(Guid Id, Guid HouseholdId, string EventType, string Title, string Body, DateTimeOffset CreatedUtc, DateTimeOffset? ReadUtc)
{
    public static NotificationDto From(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.HouseholdId, n.EventType, n.Title, n.Body, Utc(n.CreatedUtc), n.ReadUtc is { } read ? Utc(read) : null);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>One page of <c>GET /api/notifications</c>, newest first: how many match in all, and how many are unread.</summary>
public sealed record NotificationListDto(IReadOnlyList<NotificationDto> Items, int TotalCount, int UnreadCount);

/// <summary>One kind on one channel; <see cref="IsDefault"/> when the user never chose.</summary>
public sealed record NotificationPreferenceDto(string EventType, string Channel, bool Enabled, bool IsDefault = false);

/// <summary>Every kind × channel and the daily digest. A PUT names only what it changes.</summary>
public sealed record NotificationPreferencesDto(IReadOnlyList<NotificationPreferenceDto> Preferences, bool DailyDigest);

/// <summary><c>PUT /api/notifications/preferences</c>: the kinds and channels to set, and the digest (unchanged when null).</summary>
public sealed record NotificationPreferencesRequest(IReadOnlyList<NotificationPreferenceDto>? Preferences, bool? DailyDigest);

/// <summary>The live push to a user's open pages (the hub's <c>notificationCreated</c>); the server's hub implements it.</summary>
public interface IUserNotifier
{
    Task NotificationCreatedAsync(Guid userId, NotificationDto notification, CancellationToken ct);
}

/// <summary>No live push (the CLI, hosts without SignalR).</summary>
public sealed class NoUserNotifier : IUserNotifier
{
    public Task NotificationCreatedAsync(Guid userId, NotificationDto notification, CancellationToken ct) => Task.CompletedTask;
}
