namespace Glidepath.Application.Advisors;

/// <summary>An advisor's profile as they write it (every field replaces the stored one; null keeps it).</summary>
/// <param name="Specialities">From retirement, tax, estate, investing, insurance, debt, education, budgeting.</param>
/// <param name="Languages">ISO 639-1 codes, e.g. ["en", "de"].</param>
/// <param name="TimeZone">IANA time zone of the advisor's weekly hours, e.g. America/New_York.</param>
/// <param name="FeeModel">flat, hourly, aum or retainer.</param>
/// <param name="SlotMinutes">Length of a consultation, 15 to 240 minutes.</param>
public sealed record AdvisorProfileRequest(
    string? DisplayName, IReadOnlyList<string>? Specialities, string? Credentials, IReadOnlyList<string>? Languages,
    string? TimeZone, string? FeeModel, string? FeeNote, string? Bio, int? SlotMinutes);

/// <param name="Verified">Whether an admin verified the profile: only verified advisors are listed to clients.</param>
public sealed record AdvisorProfileDto(
    Guid AdvisorId, string DisplayName, IReadOnlyList<string> Specialities, string Credentials, IReadOnlyList<string> Languages,
    string TimeZone, string FeeModel, string FeeNote, string Bio, int SlotMinutes, bool Verified, DateTimeOffset? VerifiedUtc, DateTimeOffset UpdatedUtc);

/// <summary>A profile as the admin's verification list shows it, with the advisor's e-mail.</summary>
public sealed record AdminAdvisorDto(string Email, AdvisorProfileDto Profile);

/// <param name="Day">monday … sunday.</param>
/// <param name="Start">Local time in the advisor's zone, HH:mm.</param>
/// <param name="End">Local time, HH:mm, after Start on the same day.</param>
public sealed record WeeklyHoursDto(string Day, string Start, string End);

/// <summary>A date in the advisor's zone without hours: the whole day when Start and End are null.</summary>
public sealed record AvailabilityExceptionDto(DateOnly Date, string? Start, string? End);

public sealed record AvailabilityDto(string TimeZone, int SlotMinutes, IReadOnlyList<WeeklyHoursDto> Weekly, IReadOnlyList<AvailabilityExceptionDto> Exceptions);

/// <summary>Replaces the advisor's weekly hours and exceptions.</summary>
public sealed record AvailabilityRequest(IReadOnlyList<WeeklyHoursDto>? Weekly, IReadOnlyList<AvailabilityExceptionDto>? Exceptions);

public sealed record NeedDto(string Speciality, string Because);

/// <param name="Reasons">Why the advisor ranks here: the score's terms, needs covered, free slots, rating.</param>
public sealed record AdvisorMatchDto(int Rank, double Score, AdvisorProfileDto Advisor, int FreeSlots, double? AverageRating, int Reviews, IReadOnlyList<string> Reasons);

/// <param name="Needs">The household's needs as matching read them (plus the one asked for).</param>
public sealed record AdvisorMatchesDto(IReadOnlyList<NeedDto> Needs, IReadOnlyList<AdvisorMatchDto> Advisors);

/// <param name="Start">The slot's start in the client's time zone (with its offset on that date).</param>
/// <param name="AdvisorStart">The same instant in the advisor's time zone.</param>
public sealed record SlotDto(DateTimeOffset StartUtc, DateTimeOffset EndUtc, DateTimeOffset Start, DateTimeOffset AdvisorStart);

public sealed record SlotsDto(Guid AdvisorId, string TimeZone, string AdvisorTimeZone, IReadOnlyList<SlotDto> Slots);

/// <param name="StartUtc">A slot start from the advisor's slots.</param>
/// <param name="TimeZone">The client's IANA time zone (invitation and answers show it); UTC when omitted.</param>
/// <param name="Need">What the consultation is about (a speciality), optional.</param>
/// <param name="ShareHousehold">Whether the advisor may read the household for the consultation's period (default true).</param>
public sealed record BookConsultationRequest(Guid? AdvisorId, DateTimeOffset? StartUtc, string? TimeZone = null, string? Need = null, bool? ShareHousehold = null);

public sealed record RescheduleRequest(DateTimeOffset? StartUtc);

/// <param name="Rating">1 to 5 stars.</param>
public sealed record ReviewRequest(int? Rating, string? Comment);

public sealed record ReviewDto(Guid Id, Guid ConsultationId, Guid AdvisorId, int Rating, string Comment, DateTimeOffset CreatedUtc);

/// <param name="Start">Start in the client's time zone.</param>
/// <param name="AdvisorStart">Start in the advisor's time zone.</param>
/// <param name="ChangeableUntilUtc">The last instant the booking may be cancelled or rescheduled (the notice period before the start).</param>
/// <param name="GrantExpiresUtc">When the advisor's read access ends; null when the client did not share the household.</param>
public sealed record ConsultationDto(
    Guid Id, Guid AdvisorId, string AdvisorName, Guid HouseholdId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, DateTimeOffset Start, DateTimeOffset AdvisorStart,
    string TimeZone, string AdvisorTimeZone, string Status, string Need, bool ShareHousehold, DateTimeOffset? GrantExpiresUtc,
    DateTimeOffset ChangeableUntilUtc, bool Reviewable, ReviewDto? Review);

/// <summary>Stable problem codes of the advisors feature.</summary>
public static class AdvisorErrorCodes
{
    public const string ProfileNotFound = "advisor-profile-not-found";
    public const string AdvisorNotFound = "advisor-not-found";
    public const string SlotUnavailable = "slot-unavailable";
    public const string SlotTaken = "slot-taken";
    public const string ConsultationNotFound = "consultation-not-found";
    public const string NoticePeriod = "notice-period-passed";
    public const string ConsultationCancelled = "consultation-cancelled";
    public const string NotYetEnded = "consultation-not-ended";
    public const string AlreadyReviewed = "already-reviewed";
    public const string NotTheClient = "not-the-client";
}
