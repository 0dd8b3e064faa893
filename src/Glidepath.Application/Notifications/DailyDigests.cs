using System.Globalization;
using System.Net;
using System.Text;
using Glidepath.Application.Households;
using Glidepath.Infrastructure.Email;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Glidepath.Application.Notifications;

/// <summary>What a digest run did.</summary>
public sealed record DigestRun(int Sent, int AlreadySent, int NothingUnread, int Failed);

/// <summary>
/// The daily digest (docs/notifications.md): one e-mail per user who turned it on, listing their
/// unread notifications (of households they may still see). Once per user and day: the
/// <see cref="NotificationDigest"/> row for (user, day) is written before the send, and a second run
/// finds it and skips the user; a failed send removes it so the next run tries again.
/// </summary>
public sealed partial class DailyDigests(GlidepathDbContext db, IEmailSender email, TimeProvider clock, ILogger<DailyDigests> log)
{
    public const int MaxListed = 20;

    public async Task<DigestRun> SendAsync(DateOnly day, CancellationToken ct)
    {
        var users = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.EventType == NotificationChannels.DigestKind && p.Channel == NotificationChannels.Email && p.Enabled)
            .Select(p => p.UserId).ToListAsync(ct);
        var done = (await db.NotificationDigests.AsNoTracking().Where(d => d.Day == day && users.Contains(d.UserId)).Select(d => d.UserId).ToListAsync(ct)).ToHashSet();
        int sent = 0, nothing = 0, failed = 0;
        foreach (var userId in users.Where(u => !done.Contains(u)))
        {
            var address = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            // Advisor grants count here as on the centre for an advisor signed in with a second factor.
            var households = new Caller(userId, SeesAdvisorGrants: true).VisibleHouseholdIds(db);
            var unread = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.InApp && n.ReadUtc == null && households.Contains(n.HouseholdId));
            var count = await unread.CountAsync(ct);
            if (count == 0 || string.IsNullOrEmpty(address))
            {
                nothing++;
                continue;
            }

            var listed = await unread.OrderByDescending(n => n.CreatedUtc).Take(MaxListed).ToListAsync(ct);
            var digest = new NotificationDigest { UserId = userId, Day = day, Count = count, SentUtc = clock.GetUtcNow().UtcDateTime };
            db.NotificationDigests.Add(digest);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance's run wrote today's digest for this user first.
                db.ChangeTracker.Clear();
                done.Add(userId);
                continue;
            }

            try
            {
                await email.SendAsync(Write(address, day, count, listed), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                LogSendFailed(e, userId);
                db.NotificationDigests.Remove(digest);
                await db.SaveChangesAsync(ct);
                failed++;
            }

            db.ChangeTracker.Clear();
        }

        return new DigestRun(sent, done.Count, nothing, failed);
    }

    public static string Describe(DigestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(CultureInfo.InvariantCulture, $"{run.Sent} digests sent, {run.AlreadySent} already sent today, {run.NothingUnread} with nothing unread, {run.Failed} failed.");
    }

    private static EmailMessage Write(string address, DateOnly day, int count, List<Notification> listed)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"Your Glidepath digest for {day:yyyy-MM-dd}: {count} unread");
        var text = new StringBuilder().AppendLine(string.Create(CultureInfo.InvariantCulture, $"You have {count} unread notifications.")).AppendLine();
        var html = new StringBuilder().Append("<p>").Append(WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"You have {count} unread notifications."))).Append("</p><ul>");
        foreach (var n in listed)
        {
            var when = n.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            text.Append("- ").Append(when).Append(" UTC  ").Append(n.Title).AppendLine().Append("  ").AppendLine(n.Body);
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(n.Title)).Append("</strong> <small>").Append(when).Append(" UTC</small><br>")
                .Append(WebUtility.HtmlEncode(n.Body)).Append("</li>");
        }

        if (count > listed.Count)
        {
            var more = string.Create(CultureInfo.InvariantCulture, $"and {count - listed.Count} more in the app.");
            text.AppendLine(more);
            html.Append("<li>").Append(WebUtility.HtmlEncode(more)).Append("</li>");
        }

        html.Append("</ul>");
        return new EmailMessage(address, title, text.ToString(), NotificationTemplates.Frame(title, html.ToString()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily digest for user {UserId} was not sent; the next run tries again")]
    private partial void LogSendFailed(Exception e, Guid userId);
}
