using System.Globalization;
using Glidepath.Application.Validation;
using Glidepath.Domain.Advisors;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Advisors;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Advisors;

/// <summary>
/// Advisor profiles and hours (docs/advisors.md): an advisor writes their own profile and weekly hours; an admin verifies
/// a profile before clients see it. Changing the credentials withdraws the verification (the admin checks them again).
/// </summary>
public sealed class AdvisorProfiles(GlidepathDbContext db, TimeProvider clock)
{
    public async Task<Result<AdvisorProfileDto>> GetAsync(Guid advisorId, CancellationToken ct) =>
        await db.AdvisorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == advisorId, ct) is { } profile
            ? ToDto(profile)
            : Problem.NotFound(AdvisorErrorCodes.ProfileNotFound, "You have no advisor profile yet; PUT one.");

    public async Task<Result<AdvisorProfileDto>> SaveAsync(Guid advisorId, AdvisorProfileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = await db.AdvisorProfiles.FirstOrDefaultAsync(p => p.UserId == advisorId, ct);
        var isNew = profile is null;
        var specialities = request.Specialities?.Select(s => (s ?? "").Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var languages = request.Languages?.Select(s => (s ?? "").Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var checks = new InputChecks()
            .Check(!isNew || !string.IsNullOrWhiteSpace(request.DisplayName), "displayName", "Give the name clients see.")
            .Check(request.DisplayName is null || request.DisplayName.Trim().Length > 0, "displayName", "The name cannot be blank.")
            .CheckLength(request.DisplayName, "displayName", TextLimits.Name)
            .Check(specialities is null || (specialities.Count is > 0 and <= 8 && specialities.All(AdvisorVocabulary.IsSpeciality)), "specialities",
                "Name 1 to 8 specialities from: " + string.Join(", ", AdvisorVocabulary.Specialities) + ".")
            .Check(!isNew || specialities is not null, "specialities", "Name at least one speciality.")
            .Check(languages is null || (languages.Count is > 0 and <= 10 && languages.All(AdvisorVocabulary.IsLanguage)), "languages", "Name 1 to 10 languages as ISO 639-1 codes (en, de, es).")
            .Check(!isNew || languages is not null, "languages", "Name at least one language.")
            .Check(request.TimeZone is null || Zones.Find(request.TimeZone) is not null, "timeZone", "Use an IANA time zone such as Europe/Berlin.")
            .Check(request.FeeModel is null || AdvisorVocabulary.IsFeeModel(request.FeeModel), "feeModel", "The fee model is " + string.Join(", ", AdvisorVocabulary.FeeModels) + ".")
            .Check(request.SlotMinutes is null or (>= 15 and <= 240), "slotMinutes", "A slot is 15 to 240 minutes.")
            .CheckLength(request.Credentials, "credentials", TextLimits.Description)
            .CheckLength(request.FeeNote, "feeNote", TextLimits.Name)
            .CheckLength(request.Bio, "bio", TextLimits.Notes);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        profile ??= db.AdvisorProfiles.Add(new AdvisorProfile { UserId = advisorId }).Entity;
        var credentials = request.Credentials?.Trim();
        if (credentials is not null && credentials != profile.Credentials)
        {
            profile.VerifiedUtc = null;
            profile.VerifiedBy = null;
            profile.Credentials = credentials;
        }

        profile.DisplayName = request.DisplayName?.Trim() ?? profile.DisplayName;
        profile.Specialities = specialities is null ? profile.Specialities : string.Join(',', specialities);
        profile.Languages = languages is null ? profile.Languages : string.Join(',', languages);
        profile.TimeZone = request.TimeZone?.Trim() ?? profile.TimeZone;
        profile.FeeModel = request.FeeModel ?? profile.FeeModel;
        profile.FeeNote = request.FeeNote?.Trim() ?? profile.FeeNote;
        profile.Bio = request.Bio?.Trim() ?? profile.Bio;
        profile.SlotMinutes = request.SlotMinutes ?? profile.SlotMinutes;
        profile.UpdatedUtc = clock.GetUtcNow();
        if (!isNew)
        {
            profile.Version++;
        }

        await db.SaveChangesAsync(ct);
        return ToDto(profile);
    }

    public async Task<Result<AvailabilityDto>> AvailabilityAsync(Guid advisorId, CancellationToken ct)
    {
        if (await db.AdvisorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == advisorId, ct) is not { } profile)
        {
            return Problem.NotFound(AdvisorErrorCodes.ProfileNotFound, "You have no advisor profile yet; PUT one first.");
        }

        var weekly = await db.AdvisorWeeklyHours.AsNoTracking().Where(h => h.AdvisorId == advisorId).ToListAsync(ct);
        var exceptions = await db.AdvisorAvailabilityExceptions.AsNoTracking().Where(x => x.AdvisorId == advisorId).ToListAsync(ct);
        return new AvailabilityDto(profile.TimeZone, profile.SlotMinutes,
            [.. weekly.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Start).Select(h => new WeeklyHoursDto(DayName(h.Day), Time(h.Start), Time(h.End)))],
            [.. exceptions.OrderBy(x => x.Date).ThenBy(x => x.Start).Select(x => new AvailabilityExceptionDto(x.Date, x.Start is { } s ? Time(s) : null, x.End is { } e ? Time(e) : null))]);
    }

    /// <summary>Replaces the weekly hours and exceptions as a whole (one transaction; nothing changes when one entry is wrong).</summary>
    public async Task<Result<AvailabilityDto>> SetAvailabilityAsync(Guid advisorId, AvailabilityRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.AdvisorProfiles.AnyAsync(p => p.UserId == advisorId, ct))
        {
            return Problem.NotFound(AdvisorErrorCodes.ProfileNotFound, "You have no advisor profile yet; PUT one first.");
        }

        var checks = new InputChecks();
        var weekly = new List<AdvisorWeeklyHours>();
        foreach (var (w, i) in (request.Weekly ?? []).Select((w, i) => (w, i)))
        {
            var day = ParseDay(w.Day);
            var start = ParseTime(w.Start);
            var end = ParseTime(w.End);
            checks.Check(day is not null, $"weekly[{i}].day", "The day is monday … sunday.")
                .Check(start is not null && end is not null && end > start, $"weekly[{i}]", "Start and end are HH:mm with the end after the start.");
            if (day is { } d && start is { } s && end is { } e && e > s)
            {
                weekly.Add(new AdvisorWeeklyHours { AdvisorId = advisorId, Day = d, Start = s, End = e });
            }
        }

        var exceptions = new List<AdvisorAvailabilityException>();
        foreach (var (x, i) in (request.Exceptions ?? []).Select((x, i) => (x, i)))
        {
            var start = x.Start is null ? null : ParseTime(x.Start);
            var end = x.End is null ? null : ParseTime(x.End);
            var whole = x.Start is null && x.End is null;
            checks.Check(whole || (start is not null && end is not null && end > start), $"exceptions[{i}]", "Give no times (the whole day) or a start and an end (HH:mm, end after start).");
            exceptions.Add(new AdvisorAvailabilityException { AdvisorId = advisorId, Date = x.Date, Start = start, End = end });
        }

        checks.Check(weekly.Count <= 50, "weekly", "At most 50 weekly windows.").Check(exceptions.Count <= 500, "exceptions", "At most 500 exceptions.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.AdvisorWeeklyHours.Where(h => h.AdvisorId == advisorId).ExecuteDeleteAsync(ct);
        await db.AdvisorAvailabilityExceptions.Where(x => x.AdvisorId == advisorId).ExecuteDeleteAsync(ct);
        db.AdvisorWeeklyHours.AddRange(weekly);
        db.AdvisorAvailabilityExceptions.AddRange(exceptions);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await AvailabilityAsync(advisorId, ct);
    }

    /// <summary>Every advisor profile, unverified first, with the advisor's e-mail (the admin's verification list).</summary>
    public async Task<IReadOnlyList<AdminAdvisorDto>> ListForAdminAsync(CancellationToken ct) =>
        [.. (await (from p in db.AdvisorProfiles.AsNoTracking() join u in db.Users on p.UserId equals u.Id select new { p, u.Email }).ToListAsync(ct))
            .OrderBy(x => x.p.VerifiedUtc is not null).ThenBy(x => x.p.DisplayName, StringComparer.Ordinal)
            .Select(x => new AdminAdvisorDto(x.Email ?? "", ToDto(x.p)))];

    /// <summary>Verifies (or withdraws the verification of) a profile; the user must still hold the advisor role.</summary>
    public async Task<Result<AdvisorProfileDto>> VerifyAsync(Guid advisorId, bool verified, Guid adminId, CancellationToken ct)
    {
        var profile = await db.AdvisorProfiles.FirstOrDefaultAsync(p => p.UserId == advisorId, ct);
        var isAdvisor = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == advisorId && r.Name == Roles.Advisor select ur).AnyAsync(ct);
        if (profile is null || !isAdvisor)
        {
            return Problem.NotFound(AdvisorErrorCodes.AdvisorNotFound, $"No advisor with a profile has id {advisorId}.");
        }

        if (verified != profile.VerifiedUtc is not null)
        {
            profile.VerifiedUtc = verified ? clock.GetUtcNow() : null;
            profile.VerifiedBy = verified ? adminId : null;
            profile.Version++;
            await db.SaveChangesAsync(ct);
        }

        return ToDto(profile);
    }

    internal static AdvisorProfileDto ToDto(AdvisorProfile p) => new(
        p.UserId, p.DisplayName, Split(p.Specialities), p.Credentials, Split(p.Languages), p.TimeZone, p.FeeModel, p.FeeNote, p.Bio, p.SlotMinutes,
        p.VerifiedUtc is not null, p.VerifiedUtc, p.UpdatedUtc);

    internal static IReadOnlyList<string> Split(string list) => list.Length == 0 ? [] : list.Split(',');

    private static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    private static DayOfWeek? ParseDay(string? day) =>
        Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(day, out _) ? d : null;

    private static TimeOnly? ParseTime(string? time) =>
        TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>IANA time zones by id (the host's zone database; no Windows ids, no abbreviations).</summary>
public static class Zones
{
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        // An id names a file under the zone database: "US" is a folder there (the host answers with a
        // SecurityException), and a path must not walk out of it.
        var trimmed = id.Trim();
        if (trimmed.Contains("..", StringComparison.Ordinal) || trimmed.StartsWith('/') || trimmed.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(trimmed);
            return zone.HasIanaId ? zone : null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The instant as the zone's clock shows it (with that date's offset).</summary>
    public static DateTimeOffset In(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
