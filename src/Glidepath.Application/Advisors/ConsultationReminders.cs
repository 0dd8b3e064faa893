using System.Globalization;
using Glidepath.Application.Events;
using Glidepath.Infrastructure.Advisors;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Advisors;

/// <summary>
/// The <c>consultation-reminders</c> job's use case (docs/advisors.md, "Reminders"): every booked consultation that starts
/// within <see cref="Lead"/> and whose current start was not yet reminded gets one <c>consultation.reminder</c> event; the
/// notifications tell its client and its advisor. Exactly once per booking and start, however many instances run the job at
/// once: a conditional UPDATE claims the row (<c>reminder_sent_utc</c> still null, still booked, still this start) in the same
/// transaction that writes the outbox row, so a second runner's claim finds nothing (PostgreSQL re-reads the row after the
/// first commit; SQLite has one writer at a time). A cancelled consultation is never reminded; a reschedule clears the mark.
/// </summary>
public sealed class ConsultationReminders(GlidepathDbContext db, IEventOutbox outbox, TimeProvider clock)
{
    /// <summary>
    /// How long before the start the reminder goes: two days, so it arrives while the booking can still be moved or cancelled
    /// (<see cref="Consultations.NoticePeriod"/>, 24 hours). A booking made later than that is reminded on the job's next run.
    /// </summary>
    public static readonly TimeSpan Lead = TimeSpan.FromHours(48);

    /// <summary>Sends what is due now; answers how many reminders this call sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var dueUtc = now.Add(Lead).UtcDateTime;
        var due = await db.Consultations.AsNoTracking()
            .Where(c => c.Status == ConsultationStatuses.Booked && c.ReminderSentUtc == null && c.StartUtc > nowUtc && c.StartUtc <= dueUtc)
            .OrderBy(c => c.StartUtc).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var advisorIds = due.Select(c => c.AdvisorId).Distinct().ToList();
        var profiles = await db.AdvisorProfiles.AsNoTracking().Where(p => advisorIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var sent = 0;
        foreach (var consultation in due)
        {
            var (id, start) = (consultation.Id, consultation.StartUtc);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Consultations
                .Where(c => c.Id == id && c.Status == ConsultationStatuses.Booked && c.ReminderSentUtc == null && c.StartUtc == start)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentUtc, nowUtc).SetProperty(c => c.Version, c => c.Version + 1), ct);
            if (claimed == 0)
            {
                continue; // another runner reminded it, or it was cancelled or moved since the read: the transaction rolls back
            }

            outbox.Enqueue(consultation.HouseholdId, EventTypes.ConsultationReminder, Payload(consultation, profiles[consultation.AdvisorId]));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }

        return sent;
    }

    private static ConsultationReminder Payload(Consultation c, AdvisorProfile profile)
    {
        var start = new DateTimeOffset(DateTime.SpecifyKind(c.StartUtc, DateTimeKind.Utc));
        var clientZone = Zones.Find(c.ClientTimeZone) ?? TimeZoneInfo.Utc;
        var advisorZone = Zones.Find(profile.TimeZone) ?? TimeZoneInfo.Utc;
        return new ConsultationReminder(
            c.Id, c.AdvisorId, profile.DisplayName, c.ClientId, start, (int)Math.Round((c.EndUtc - c.StartUtc).TotalMinutes), c.Need,
            clientZone.Id, Clock(start, clientZone), advisorZone.Id, Clock(start, advisorZone), start - Consultations.NoticePeriod);
    }

    /// <summary>The instant on a zone's clock: <c>2027-03-15 09:00 (UTC-04:00)</c>.</summary>
    internal static string Clock(DateTimeOffset instant, TimeZoneInfo zone) =>
        Zones.In(instant, zone).ToString("yyyy-MM-dd HH:mm '(UTC'zzz')'", CultureInfo.InvariantCulture);
}
