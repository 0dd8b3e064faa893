using Glidepath.Application.Errors;
using Glidepath.Application.Households;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Notifications;

/// <summary>
/// The signed-in user's notification centre and preferences (docs/notifications.md). Reads show only
/// notifications of households the caller may see now: a revoked advisor grant hides what was sent before it.
/// </summary>
public sealed class UserNotifications(GlidepathDbContext db, TimeProvider clock)
{
    public const string NotFoundCode = "notification-not-found";

    /// <summary>One page of the caller's notifications, newest first, with how many match and how many are unread in all.</summary>
    public async Task<NotificationListDto> ListAsync(Caller caller, bool unreadOnly, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var mine = Visible(caller);
        var unread = await mine.CountAsync(n => n.ReadUtc == null, ct);
        var listed = mine.Where(n => !unreadOnly || n.ReadUtc == null);
        var total = unreadOnly ? unread : await listed.CountAsync(ct);
        var rows = await listed.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new NotificationListDto([.. rows.Select(NotificationDto.From)], total, unread);
    }

    public async Task<Result<NotificationDto>> MarkReadAsync(Caller caller, Guid notificationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var notification = await Visible(caller).FirstOrDefaultAsync(n => n.Id == notificationId, ct);
        if (notification is null)
        {
            return Problem.NotFound(NotFoundCode, $"Notification {notificationId} does not exist.");
        }

        notification.ReadUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return NotificationDto.From(notification);
    }

    /// <summary>Marks every unread notification read; answers how many.</summary>
    public async Task<int> MarkAllReadAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await Visible(caller).Where(n => n.ReadUtc == null).Select(n => n.Id).ToListAsync(ct);
        return ids.Count == 0 ? 0 : await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), ct);
    }

    public async Task<NotificationPreferencesDto> PreferencesAsync(Guid userId, CancellationToken ct)
    {
        var stored = (await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct))
            .ToDictionary(p => (p.EventType, p.Channel), p => p.Enabled);
        var list = new List<NotificationPreferenceDto>();
        foreach (var kind in EventTypes.All)
        {
            foreach (var channel in NotificationChannels.All)
            {
                list.Add(stored.TryGetValue((kind, channel), out var on)
                    ? new NotificationPreferenceDto(kind, channel, on)
                    : new NotificationPreferenceDto(kind, channel, NotificationDefaults.IsOn(kind, channel), IsDefault: true));
            }
        }

        var digest = stored.TryGetValue((NotificationChannels.DigestKind, NotificationChannels.Email), out var d) ? d : NotificationDefaults.DailyDigest;
        return new NotificationPreferencesDto(list, digest);
    }

    /// <summary>Stores the choices the request names (the rest keep theirs) and answers the whole set.</summary>
    public async Task<Result<NotificationPreferencesDto>> SetPreferencesAsync(Guid userId, NotificationPreferencesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changes = request.Preferences ?? [];
        if (changes.Count > EventTypes.All.Count * NotificationChannels.All.Count)
        {
            return Problem.Invalid("preferences", "At most one entry per event kind and channel.");
        }

        foreach (var p in changes)
        {
            if (p?.EventType is null || !EventTypes.IsKnown(p.EventType))
            {
                return Problem.Invalid("preferences", $"'{p?.EventType}' is not an event kind; known: {string.Join(", ", EventTypes.All)}.");
            }

            if (!NotificationChannels.IsKnown(p.Channel))
            {
                return Problem.Invalid("preferences", $"'{p.Channel}' is not a channel; known: {string.Join(", ", NotificationChannels.All)}.");
            }
        }

        var wanted = changes.Select(p => (p.EventType, p.Channel, p.Enabled)).ToList();
        if (request.DailyDigest is { } digest)
        {
            wanted.Add((NotificationChannels.DigestKind, NotificationChannels.Email, digest));
        }

        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var (kind, channel, enabled) in wanted.DistinctBy(w => (w.EventType, w.Channel)))
        {
            if (existing.FirstOrDefault(p => p.EventType == kind && p.Channel == channel) is { } row)
            {
                row.Enabled = enabled;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, EventType = kind, Channel = channel, Enabled = enabled });
            }
        }

        await db.SaveChangesAsync(ct);
        return await PreferencesAsync(userId, ct);
    }

    private IQueryable<Notification> Visible(Caller caller)
    {
        var households = caller.VisibleHouseholdIds(db);
        // A consultation reminder is the advisor's own (who to meet, when), shared household or not: it carries no household data.
        return db.Notifications.Where(n => n.UserId == caller.UserId && n.InApp
            && (households.Contains(n.HouseholdId) || n.EventType == EventTypes.ConsultationReminder));
    }
}
