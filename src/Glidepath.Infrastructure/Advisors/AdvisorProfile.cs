namespace Glidepath.Infrastructure.Advisors;

/// <summary>
/// An advisor's public profile (docs/advisors.md): edited by the advisor, listed to clients only once an admin
/// verified it (<see cref="VerifiedUtc"/>). Lists are stored comma-separated (specialities and ISO 639-1 languages).
/// </summary>
public sealed class AdvisorProfile
{
    /// <summary>The advisor's user id (one profile per advisor).</summary>
    public Guid UserId { get; set; }

    public string DisplayName { get; set; } = "";

    public string Specialities { get; set; } = "";

    public string Credentials { get; set; } = "";

    public string Languages { get; set; } = "";

    /// <summary>IANA time zone of the weekly hours, e.g. Europe/Berlin.</summary>
    public string TimeZone { get; set; } = "UTC";

    public string FeeModel { get; set; } = "flat";

    /// <summary>Free text about the fee ("USD 200 per hour").</summary>
    public string FeeNote { get; set; } = "";

    public string Bio { get; set; } = "";

    /// <summary>Length of a consultation slot in minutes.</summary>
    public int SlotMinutes { get; set; } = 60;

    public DateTimeOffset UpdatedUtc { get; set; }

    public DateTimeOffset? VerifiedUtc { get; set; }

    public Guid? VerifiedBy { get; set; }

    public long Version { get; set; } = 1;
}

/// <summary>One weekly window of hours in the advisor's time zone.</summary>
public sealed class AdvisorWeeklyHours
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AdvisorId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}

/// <summary>A local date without hours (whole day when Start and End are null).</summary>
public sealed class AdvisorAvailabilityException
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AdvisorId { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }
}

public static class ConsultationStatuses
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
}

/// <summary>
/// A booked consultation. Start and end are UTC <see cref="DateTime"/>s (comparable in SQL on both providers, as
/// notification leases are); a unique index over (advisor, start) among booked rows makes a double booking impossible.
/// </summary>
public sealed class Consultation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AdvisorId { get; set; }

    public Guid ClientId { get; set; }

    public Guid HouseholdId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public string Status { get; set; } = ConsultationStatuses.Booked;

    /// <summary>The client's IANA time zone, in which their invitation and answers show the time.</summary>
    public string ClientTimeZone { get; set; } = "UTC";

    public string Need { get; set; } = "";

    /// <summary>Whether the advisor may read the household for the consultation's period (the client's choice; default yes).</summary>
    public bool ShareHousehold { get; set; } = true;

    public Guid? GrantId { get; set; }

    /// <summary>Bumped on every reschedule: the ICS SEQUENCE, so calendars replace the old invitation.</summary>
    public int Sequence { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? CancelledUtc { get; set; }

    /// <summary>
    /// When the <c>consultation-reminders</c> job told client and advisor of the current start (UTC; DateTime so both
    /// providers compare it in SQL); null until then, and null again after a reschedule, so the new time gets its own reminder.
    /// </summary>
    public DateTime? ReminderSentUtc { get; set; }

    public long Version { get; set; } = 1;
}

/// <summary>A client's review of a consultation after it ended; at most one per consultation.</summary>
public sealed class ConsultationReview
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConsultationId { get; set; }

    public Guid AdvisorId { get; set; }

    public Guid ClientId { get; set; }

    public int Rating { get; set; }

    public string Comment { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }
}
