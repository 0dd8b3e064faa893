using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Glidepath.Infrastructure.Email;

namespace Glidepath.Infrastructure.Advisors;

/// <summary>
/// The iCalendar (RFC 5545) invitation of a consultation, written with Ical.Net: one VEVENT whose UID is the
/// consultation's id, so a reschedule (higher SEQUENCE, METHOD:REQUEST) replaces the event in the recipient's calendar
/// and a cancellation (METHOD:CANCEL, STATUS:CANCELLED) removes it. Times are UTC; calendars show them in the reader's zone.
/// </summary>
public static class ConsultationInvitation
{
    public const string FileName = "consultation.ics";

    public static string Write(Consultation consultation, string advisorName, string advisorEmail, string clientEmail, DateTimeOffset stampUtc)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        var cancelled = consultation.Status == ConsultationStatuses.Cancelled;
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "REQUEST" };
        calendar.AddProperty("X-WR-CALNAME", "Glidepath");
        var e = new CalendarEvent
        {
            Uid = consultation.Id.ToString("D") + "@glidepath",
            Summary = "Glidepath consultation with " + advisorName,
            Description = "A consultation booked in Glidepath" + (consultation.Need.Length > 0 ? " about " + consultation.Need : "") + ".",
            DtStart = new CalDateTime(DateTime.SpecifyKind(consultation.StartUtc, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(consultation.EndUtc, DateTimeKind.Utc)),
            DtStamp = new CalDateTime(stampUtc.UtcDateTime),
            Sequence = consultation.Sequence,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer("mailto:" + advisorEmail) { CommonName = advisorName },
        };
        e.Attendees.Add(new Attendee("mailto:" + clientEmail) { Role = "REQ-PARTICIPANT", ParticipationStatus = "ACCEPTED" });
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static EmailAttachment Attachment(string ics, bool cancelled) =>
        new(FileName, "text/calendar; charset=utf-8; method=" + (cancelled ? "CANCEL" : "REQUEST"), Encoding.UTF8.GetBytes(ics));
}
