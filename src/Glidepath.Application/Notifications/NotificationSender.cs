using Glidepath.Infrastructure.Email;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Glidepath.Application.Notifications;

/// <summary>
/// Sends what notifications still owe (docs/notifications.md): the e-mail through <see cref="IEmailSender"/>
/// (SMTP), SMS and push through their senders, and the live push to the user's open pages. Each
/// notification is leased before it is sent, so several server instances never send the same one
/// together; a channel that fails stays pending and is tried again next round, up to
/// <see cref="MaxAttempts"/> rounds (at least once, like webhooks; a crash between the send and the
/// save can repeat an e-mail).
/// </summary>
public sealed partial class NotificationSender(
    GlidepathDbContext db, IEmailSender email, ISmsSender sms, IPushSender push, IUserNotifier live, TimeProvider clock, ILogger<NotificationSender> log)
{
    public const int MaxAttempts = 5;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Sends up to <paramref name="batch"/> notifications; answers how many it handled.</summary>
    public async Task<int> RunOnceAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notifications.AsNoTracking()
            .Where(n => (n.EmailPending || n.SmsPending || n.PushPending || n.LivePending) && (n.LeaseExpiresUtc == null || n.LeaseExpiresUtc < now))
            .OrderBy(n => n.CreatedUtc).Select(n => n.Id).Take(batch).ToListAsync(ct);
        var handled = 0;
        foreach (var id in due)
        {
            var until = now + Lease;
            var claimed = await db.Notifications.Where(n => n.Id == id && (n.LeaseExpiresUtc == null || n.LeaseExpiresUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseExpiresUtc, until), ct);
            if (claimed == 1 && await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, ct) is { } notification)
            {
                await SendAsync(notification, ct);
                handled++;
            }
        }

        db.ChangeTracker.Clear();
        return handled;
    }

    private async Task SendAsync(Notification n, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == n.UserId).Select(u => new { u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct);
        var failed = false;
        if (n.LivePending)
        {
            // Best effort: a user with no page open simply sees it next time they look.
            await live.NotificationCreatedAsync(n.UserId, NotificationDto.From(n), ct);
            n.LivePending = false;
        }

        if (n.EmailPending)
        {
            n.EmailPending = !await TryAsync(n, NotificationChannels.Email, async () =>
            {
                if (user?.Email is { Length: > 0 } address)
                {
                    await email.SendAsync(new EmailMessage(address, n.Title, n.Body + "\n\n-- Glidepath", n.Html), ct);
                }
            });
            failed |= n.EmailPending;
        }

        if (n.SmsPending)
        {
            n.SmsPending = !await TryAsync(n, NotificationChannels.Sms, async () =>
            {
                if (user?.PhoneNumber is { Length: > 0 } phone)
                {
                    await sms.SendAsync(n.UserId, phone, n.EventType, n.Title, ct);
                }
            });
            failed |= n.SmsPending;
        }

        if (n.PushPending)
        {
            n.PushPending = !await TryAsync(n, NotificationChannels.Push, () => push.SendAsync(n.UserId, n.EventType, n.Title, ct));
            failed |= n.PushPending;
        }

        if (failed && ++n.Attempts >= MaxAttempts)
        {
            LogGaveUp(n.Id, n.Attempts);
            n.EmailPending = n.SmsPending = n.PushPending = false;
        }

        n.LeaseExpiresUtc = null;
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> TryAsync(Notification n, string channel, Func<Task> send)
    {
        try
        {
            await send();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogChannelFailed(e, channel, n.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} was not sent by {Channel}; trying again next round")]
    private partial void LogChannelFailed(Exception e, string channel, Guid notificationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} given up on after {Attempts} failed rounds")]
    private partial void LogGaveUp(Guid notificationId, int attempts);
}
