using System.Globalization;
using Glidepath.Application.Audit;
using Glidepath.Application.Validation;
using Glidepath.Domain.Advisors;
using Glidepath.Domain.Planning;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Advisors;
using Glidepath.Infrastructure.Email;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Glidepath.Application.Advisors;

/// <summary>
/// Finding and booking an advisor (docs/advisors.md): matching verified advisors to a household's needs, their free
/// slots, booking one (the unique index decides a race: one booking, the others 409), cancelling and rescheduling up to
/// the notice period before the start, the ICS invitation by e-mail, the advisor's read grant for the consultation's
/// period, and one review per consultation by its client after it ended.
/// </summary>
public sealed partial class Consultations(GlidepathDbContext db, IEmailSender email, AuditLog audit, TimeProvider clock, ILogger<Consultations> log)
{
    /// <summary>Cancelling or rescheduling closes this long before the start.</summary>
    public static readonly TimeSpan NoticePeriod = TimeSpan.FromHours(24);

    /// <summary>A booking starts at least this long after it is made.</summary>
    public static readonly TimeSpan MinimumLead = TimeSpan.FromHours(1);

    /// <summary>How far ahead a slot may be booked.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    /// <summary>The advisor's read grant outlives the consultation's end by this much (notes, follow-up).</summary>
    public static readonly TimeSpan GrantAfterEnd = TimeSpan.FromDays(1);

    public const int MatchWindowDays = 14;

    public async Task<Result<AdvisorMatchesDto>> MatchAsync(Guid householdId, string? need, string? language, CancellationToken ct)
    {
        need = need?.Trim().ToLowerInvariant();
        language = language?.Trim().ToLowerInvariant();
        var checks = new InputChecks()
            .Check(string.IsNullOrEmpty(need) || AdvisorVocabulary.IsSpeciality(need), "need", "The need is one of: " + string.Join(", ", AdvisorVocabulary.Specialities) + ".")
            .Check(string.IsNullOrEmpty(language) || AdvisorVocabulary.IsLanguage(language), "language", "The language is an ISO 639-1 code (en, de, es).");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var needs = (await NeedsAsync(householdId, ct)).ToList();
        if (!string.IsNullOrEmpty(need) && needs.All(n => n.Speciality != need))
        {
            needs.Insert(0, new HouseholdNeed(need, "asked for"));
        }

        var profiles = (await db.AdvisorProfiles.AsNoTracking().Where(p => p.VerifiedUtc != null).ToListAsync(ct))
            .Where(p => string.IsNullOrEmpty(need) || AdvisorProfiles.Split(p.Specialities).Contains(need))
            .Where(p => string.IsNullOrEmpty(language) || AdvisorProfiles.Split(p.Languages).Contains(language))
            .ToList();
        var ids = profiles.Select(p => p.UserId).ToList();
        var now = clock.GetUtcNow();
        var to = now.AddDays(MatchWindowDays);
        var (nowUtc, toUtc) = (now.UtcDateTime, to.UtcDateTime);
        var weekly = (await db.AdvisorWeeklyHours.AsNoTracking().Where(h => ids.Contains(h.AdvisorId)).ToListAsync(ct)).ToLookup(h => h.AdvisorId);
        var exceptions = (await db.AdvisorAvailabilityExceptions.AsNoTracking().Where(x => ids.Contains(x.AdvisorId)).ToListAsync(ct)).ToLookup(x => x.AdvisorId);
        var booked = (await db.Consultations.AsNoTracking()
            .Where(c => ids.Contains(c.AdvisorId) && c.Status == ConsultationStatuses.Booked && c.StartUtc >= nowUtc && c.StartUtc < toUtc)
            .Select(c => new { c.AdvisorId, c.StartUtc }).ToListAsync(ct)).ToLookup(c => c.AdvisorId, c => Utc(c.StartUtc));
        var reviews = (await db.ConsultationReviews.AsNoTracking().Where(r => ids.Contains(r.AdvisorId)).Select(r => new { r.AdvisorId, r.Rating }).ToListAsync(ct))
            .ToLookup(r => r.AdvisorId, r => r.Rating);
        var byId = profiles.ToDictionary(p => p.UserId);
        var candidates = profiles.Select(p =>
        {
            var free = FreeSlots(p, weekly[p.UserId], exceptions[p.UserId], now.Add(MinimumLead), to).Count(s => !booked[p.UserId].Contains(s));
            var stars = reviews[p.UserId].ToList();
            return new MatchCandidate(p.UserId, p.DisplayName, AdvisorProfiles.Split(p.Specialities), free, stars.Count, stars.Sum());
        }).ToList();
        var ranked = AdvisorMatching.Rank(needs, candidates);
        return new AdvisorMatchesDto(
            [.. needs.Select(n => new NeedDto(n.Speciality, n.Because))],
            [.. ranked.Select(m => new AdvisorMatchDto(m.Rank, m.Score, AdvisorProfiles.ToDto(byId[m.Advisor.AdvisorId]), m.Advisor.FreeSlots,
                m.Advisor.Reviews == 0 ? null : Math.Round(m.Advisor.RatingSum / m.Advisor.Reviews, 2), m.Advisor.Reviews, m.Reasons))]);
    }

    /// <summary>The household's needs from its plans' goals, accounts, liabilities, tax settings and people.</summary>
    public async Task<IReadOnlyList<HouseholdNeed>> NeedsAsync(Guid householdId, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId).Select(p => new { p.Name, p.ScenarioJson }).ToListAsync(ct);
        var goals = new List<(string, GoalDocument)>();
        foreach (var plan in plans.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (ScenarioParser.Parse(plan.ScenarioJson).TryGet(out var scenario, out _) && scenario.Plan is { } document)
            {
                goals.AddRange(document.Goals.OrderBy(g => g.Priority).Select(g => (plan.Name, g)));
            }
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).Select(a => a.Type).ToListAsync(ct);
        var liabilities = await db.ManualAssets.AsNoTracking().CountAsync(m => m.HouseholdId == householdId && m.Kind == ManualAssetKind.Liability, ct);
        var taxSettings = await db.TaxProfiles.AsNoTracking().AnyAsync(t => t.HouseholdId == householdId, ct);
        var people = await db.People.AsNoTracking().CountAsync(p => p.HouseholdId == householdId, ct);
        return HouseholdNeeds.From(new HouseholdFacts(goals, accounts, liabilities, taxSettings, people));
    }

    /// <summary>The advisor's free slots from <paramref name="from"/> for <paramref name="days"/> days, shown in the client's zone.</summary>
    public async Task<Result<SlotsDto>> SlotsAsync(Guid advisorId, DateOnly? from, int? days, string? timeZone, CancellationToken ct)
    {
        var zone = Zones.Find(timeZone ?? "UTC");
        var checks = new InputChecks()
            .Check(zone is not null, "timeZone", "Use an IANA time zone such as America/New_York.")
            .Check(days is null or (>= 1 and <= 62), "days", "Ask for 1 to 62 days.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (await VerifiedAsync(advisorId, ct) is not { } profile)
        {
            return Problem.NotFound(AdvisorErrorCodes.AdvisorNotFound, $"No verified advisor has id {advisorId}.");
        }

        var now = clock.GetUtcNow();
        // The first day is a date in the client's zone; its midnight there starts the window.
        var start = from is { } date ? WeeklyAvailability.ToUtc(date, TimeOnly.MinValue, zone!) ?? now : now;
        var earliest = now.Add(MinimumLead);
        var windowStart = start < earliest ? earliest : start;
        var windowEnd = start.AddDays(days ?? MatchWindowDays);
        var slots = await FreeSlotsAsync(profile, windowStart, windowEnd, ct);
        var advisorZone = Zones.Find(profile.TimeZone) ?? TimeZoneInfo.Utc;
        return new SlotsDto(advisorId, zone!.Id, advisorZone.Id,
            [.. slots.Select(s => new SlotDto(s, s.AddMinutes(profile.SlotMinutes), Zones.In(s, zone), Zones.In(s, advisorZone)))]);
    }

    public async Task<Result<ConsultationDto>> BookAsync(Guid householdId, Guid clientId, BookConsultationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var need = request.Need?.Trim().ToLowerInvariant() ?? "";
        var zone = Zones.Find(request.TimeZone ?? "UTC");
        var checks = new InputChecks()
            .Check(request.AdvisorId is not null, "advisorId", "Name the advisor.")
            .Check(request.StartUtc is not null, "startUtc", "Give the slot's start (UTC).")
            .Check(zone is not null, "timeZone", "Use an IANA time zone such as America/New_York.")
            .Check(need.Length == 0 || AdvisorVocabulary.IsSpeciality(need), "need", "The need is one of: " + string.Join(", ", AdvisorVocabulary.Specialities) + ".")
            .Check(request.AdvisorId != clientId, "advisorId", "You cannot book yourself.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (await VerifiedAsync(request.AdvisorId!.Value, ct) is not { } profile)
        {
            return Problem.NotFound(AdvisorErrorCodes.AdvisorNotFound, $"No verified advisor has id {request.AdvisorId}.");
        }

        var start = request.StartUtc!.Value.ToUniversalTime();
        if (await CheckSlotAsync(profile, start, ct) is { } unavailable)
        {
            return unavailable;
        }

        var now = clock.GetUtcNow();
        var consultation = new Consultation
        {
            AdvisorId = profile.UserId,
            ClientId = clientId,
            HouseholdId = householdId,
            StartUtc = start.UtcDateTime,
            EndUtc = start.AddMinutes(profile.SlotMinutes).UtcDateTime,
            ClientTimeZone = zone!.Id,
            Need = need,
            ShareHousehold = request.ShareHousehold ?? true,
            CreatedUtc = now,
        };
        db.Consultations.Add(consultation);
        AdvisorGrant? grant = null;
        if (consultation.ShareHousehold
            && !await db.AdvisorGrants.AnyAsync(g => g.HouseholdId == householdId && g.AdvisorId == profile.UserId && g.RevokedUtc == null && g.ExpiresUtc == null, ct))
        {
            grant = new AdvisorGrant
            {
                HouseholdId = householdId,
                AdvisorId = profile.UserId,
                GrantedBy = clientId,
                GrantedUtc = now,
                Scope = GrantScopes.Read,
                ConsultationId = consultation.Id,
                ExpiresUtc = consultation.EndUtc + GrantAfterEnd,
            };
            db.AdvisorGrants.Add(grant);
            consultation.GrantId = grant.Id;
        }

        // One SaveChanges, one transaction: the booking and its grant, or (a lost race) neither.
        if (await SaveOrTakenAsync(ct) is { } taken)
        {
            return taken;
        }

        if (grant is not null)
        {
            await audit.WriteAsync(AuditEvents.GrantCreated, profile.UserId, householdId, actorId: clientId, detail: "read, consultation " + consultation.Id.ToString("D"), ct: ct);
        }

        await SendInvitationsAsync(consultation, profile, "Consultation booked", ct);
        return await ToDtoAsync(consultation, profile, ct);
    }

    public async Task<IReadOnlyList<ConsultationDto>> ListAsync(Guid householdId, CancellationToken ct) =>
        await ToDtosAsync(await db.Consultations.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(ct), ct);

    public async Task<IReadOnlyList<ConsultationDto>> ListForAdvisorAsync(Guid advisorId, CancellationToken ct) =>
        await ToDtosAsync(await db.Consultations.AsNoTracking().Where(c => c.AdvisorId == advisorId).ToListAsync(ct), ct);

    public async Task<Result<ConsultationDto>> CancelAsync(Guid householdId, Guid consultationId, CancellationToken ct)
    {
        if (await ChangeableAsync(householdId, consultationId, ct) is not { } consultation)
        {
            return changeProblem!;
        }

        var now = clock.GetUtcNow();
        consultation.Status = ConsultationStatuses.Cancelled;
        consultation.CancelledUtc = now;
        consultation.Sequence++;
        consultation.Version++;
        var grant = await RevokeGrantAsync(consultation, now, ct);
        await db.SaveChangesAsync(ct);
        if (grant is not null)
        {
            await audit.WriteAsync(AuditEvents.GrantRevoked, grant.AdvisorId, householdId, actorId: consultation.ClientId, detail: "consultation cancelled", ct: ct);
        }

        var profile = await db.AdvisorProfiles.AsNoTracking().FirstAsync(p => p.UserId == consultation.AdvisorId, ct);
        await SendInvitationsAsync(consultation, profile, "Consultation cancelled", ct);
        return await ToDtoAsync(consultation, profile, ct);
    }

    public async Task<Result<ConsultationDto>> RescheduleAsync(Guid householdId, Guid consultationId, RescheduleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.StartUtc is null)
        {
            return Problem.Invalid("startUtc", "Give the new slot's start (UTC).");
        }

        if (await ChangeableAsync(householdId, consultationId, ct) is not { } consultation)
        {
            return changeProblem!;
        }

        var profile = await db.AdvisorProfiles.AsNoTracking().FirstAsync(p => p.UserId == consultation.AdvisorId, ct);
        var start = request.StartUtc.Value.ToUniversalTime();
        if (start.UtcDateTime == DateTime.SpecifyKind(consultation.StartUtc, DateTimeKind.Utc))
        {
            return await ToDtoAsync(consultation, profile, ct);
        }

        if (await CheckSlotAsync(profile, start, ct) is { } unavailable)
        {
            return unavailable;
        }

        consultation.StartUtc = start.UtcDateTime;
        consultation.EndUtc = start.AddMinutes(profile.SlotMinutes).UtcDateTime;
        consultation.ReminderSentUtc = null; // the new time gets its own reminder (ConsultationReminders)
        consultation.Sequence++;
        consultation.Version++;
        if (consultation.GrantId is { } grantId && await db.AdvisorGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.RevokedUtc == null, ct) is { } grant)
        {
            grant.ExpiresUtc = consultation.EndUtc + GrantAfterEnd;
        }

        if (await SaveOrTakenAsync(ct) is { } taken)
        {
            return taken;
        }

        await SendInvitationsAsync(consultation, profile, "Consultation moved", ct);
        return await ToDtoAsync(consultation, profile, ct);
    }

    public async Task<Result<ReviewDto>> ReviewAsync(Guid householdId, Guid consultationId, Guid clientId, ReviewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new InputChecks()
            .Check(request.Rating is >= 1 and <= 5, "rating", "The rating is 1 to 5 stars.")
            .CheckLength(request.Comment, "comment", TextLimits.Description);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId && c.HouseholdId == householdId, ct);
        if (consultation is null)
        {
            return Problem.NotFound(AdvisorErrorCodes.ConsultationNotFound, $"Consultation {consultationId} is not in this household.");
        }

        if (consultation.ClientId != clientId)
        {
            return Problem.Forbidden(AdvisorErrorCodes.NotTheClient, "Only the client who booked the consultation reviews it.");
        }

        if (consultation.Status != ConsultationStatuses.Booked)
        {
            return Problem.Conflict(AdvisorErrorCodes.ConsultationCancelled, "A cancelled consultation cannot be reviewed.");
        }

        if (clock.GetUtcNow().UtcDateTime < DateTime.SpecifyKind(consultation.EndUtc, DateTimeKind.Utc))
        {
            return Problem.Conflict(AdvisorErrorCodes.NotYetEnded, "A consultation is reviewed after it ended.");
        }

        if (await db.ConsultationReviews.AnyAsync(r => r.ConsultationId == consultationId, ct))
        {
            return Problem.Conflict(AdvisorErrorCodes.AlreadyReviewed, "This consultation has its review.");
        }

        var review = new ConsultationReview
        {
            ConsultationId = consultationId,
            AdvisorId = consultation.AdvisorId,
            ClientId = clientId,
            Rating = request.Rating!.Value,
            Comment = request.Comment?.Trim() ?? "",
            CreatedUtc = clock.GetUtcNow(),
        };
        db.ConsultationReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolations.Is(e))
        {
            return Problem.Conflict(AdvisorErrorCodes.AlreadyReviewed, "This consultation has its review.");
        }

        return ToDto(review);
    }

    /// <summary>Revokes every consultation grant whose period ended (the consultation-grants job); answers how many.</summary>
    public async Task<int> ExpireGrantsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var expired = await db.AdvisorGrants.Where(g => g.ExpiresUtc != null && g.RevokedUtc == null && g.ExpiresUtc <= nowUtc).ToListAsync(ct);
        foreach (var grant in expired)
        {
            grant.RevokedUtc = now;
        }

        await db.SaveChangesAsync(ct);
        foreach (var grant in expired)
        {
            await audit.WriteAsync(AuditEvents.GrantRevoked, grant.AdvisorId, grant.HouseholdId, actorId: null, detail: "consultation grant expired", recordIp: false, ct: ct);
        }

        return expired.Count;
    }

    private Problem? changeProblem;

    private async Task<Consultation?> ChangeableAsync(Guid householdId, Guid consultationId, CancellationToken ct)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId && c.HouseholdId == householdId, ct);
        changeProblem = consultation switch
        {
            null => Problem.NotFound(AdvisorErrorCodes.ConsultationNotFound, $"Consultation {consultationId} is not in this household."),
            { Status: not ConsultationStatuses.Booked } => Problem.Conflict(AdvisorErrorCodes.ConsultationCancelled, "The consultation was cancelled."),
            _ when clock.GetUtcNow().UtcDateTime > DateTime.SpecifyKind(consultation.StartUtc, DateTimeKind.Utc) - NoticePeriod =>
                Problem.Conflict(AdvisorErrorCodes.NoticePeriod, string.Create(CultureInfo.InvariantCulture,
                    $"A consultation is cancelled or moved at least {NoticePeriod.TotalHours:0} hours before it starts.")),
            _ => null,
        };
        return changeProblem is null ? consultation : null;
    }

    private async Task<AdvisorGrant?> RevokeGrantAsync(Consultation consultation, DateTimeOffset now, CancellationToken ct)
    {
        if (consultation.GrantId is { } grantId && await db.AdvisorGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.RevokedUtc == null, ct) is { } grant)
        {
            grant.RevokedUtc = now;
            return grant;
        }

        return null;
    }

    /// <summary>Null when <paramref name="start"/> is a free slot of the advisor inside the booking window; the problem otherwise.</summary>
    private async Task<Problem?> CheckSlotAsync(AdvisorProfile profile, DateTimeOffset start, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (start < now.Add(MinimumLead) || start > now.Add(Horizon))
        {
            return Problem.Invalid("startUtc", string.Create(CultureInfo.InvariantCulture,
                $"A slot is booked from {MinimumLead.TotalHours:0} hour ahead up to {Horizon.TotalDays:0} days ahead."));
        }

        var weekly = await db.AdvisorWeeklyHours.AsNoTracking().Where(h => h.AdvisorId == profile.UserId).ToListAsync(ct);
        var exceptions = await db.AdvisorAvailabilityExceptions.AsNoTracking().Where(x => x.AdvisorId == profile.UserId).ToListAsync(ct);
        if (!FreeSlots(profile, weekly, exceptions, start, start.AddMinutes(1)).Contains(start))
        {
            return Problem.Invalid("startUtc", "This is not one of the advisor's slots; ask for the slots and pick one.");
        }

        var startUtc = start.UtcDateTime;
        return await db.Consultations.AnyAsync(c => c.AdvisorId == profile.UserId && c.StartUtc == startUtc && c.Status == ConsultationStatuses.Booked, ct)
            ? Problem.Conflict(AdvisorErrorCodes.SlotTaken, "This slot was just booked by someone else; pick another.")
            : null;
    }

    private async Task<Problem?> SaveOrTakenAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (UniqueViolations.Is(e))
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict(AdvisorErrorCodes.SlotTaken, "This slot was just booked by someone else; pick another.");
        }
    }

    private async Task<AdvisorProfile?> VerifiedAsync(Guid advisorId, CancellationToken ct) =>
        await db.AdvisorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == advisorId && p.VerifiedUtc != null, ct);

    private async Task<IReadOnlyList<DateTimeOffset>> FreeSlotsAsync(AdvisorProfile profile, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var weekly = await db.AdvisorWeeklyHours.AsNoTracking().Where(h => h.AdvisorId == profile.UserId).ToListAsync(ct);
        var exceptions = await db.AdvisorAvailabilityExceptions.AsNoTracking().Where(x => x.AdvisorId == profile.UserId).ToListAsync(ct);
        var (fromUtc, toUtc) = (from.UtcDateTime, to.UtcDateTime);
        var booked = (await db.Consultations.AsNoTracking()
            .Where(c => c.AdvisorId == profile.UserId && c.Status == ConsultationStatuses.Booked && c.StartUtc >= fromUtc && c.StartUtc < toUtc)
            .Select(c => c.StartUtc).ToListAsync(ct)).Select(Utc).ToHashSet();
        return [.. FreeSlots(profile, weekly, exceptions, from, to).Where(s => !booked.Contains(s))];
    }

    private static IReadOnlyList<DateTimeOffset> FreeSlots(
        AdvisorProfile profile, IEnumerable<AdvisorWeeklyHours> weekly, IEnumerable<AdvisorAvailabilityException> exceptions, DateTimeOffset from, DateTimeOffset to) =>
        WeeklyAvailability.Slots(
            [.. weekly.Select(h => new WeeklyWindow(h.Day, h.Start, h.End))],
            [.. exceptions.Select(x => new Domain.Advisors.AvailabilityException(x.Date, x.Start, x.End))],
            profile.SlotMinutes, Zones.Find(profile.TimeZone) ?? TimeZoneInfo.Utc, from, to);

    private async Task SendInvitationsAsync(Consultation consultation, AdvisorProfile profile, string subject, CancellationToken ct)
    {
        var emails = await db.Users.AsNoTracking().Where(u => u.Id == consultation.ClientId || u.Id == consultation.AdvisorId)
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);
        var (client, advisor) = (emails.GetValueOrDefault(consultation.ClientId, ""), emails.GetValueOrDefault(consultation.AdvisorId, ""));
        var ics = ConsultationInvitation.Write(consultation, profile.DisplayName, advisor, client, clock.GetUtcNow());
        var cancelled = consultation.Status == ConsultationStatuses.Cancelled;
        var start = new DateTimeOffset(DateTime.SpecifyKind(consultation.StartUtc, DateTimeKind.Utc));
        foreach (var (to, zoneId) in new[] { (client, consultation.ClientTimeZone), (advisor, profile.TimeZone) })
        {
            if (to.Length == 0)
            {
                continue;
            }

            var zone = Zones.Find(zoneId) ?? TimeZoneInfo.Utc;
            var local = Zones.In(start, zone);
            var body = string.Create(CultureInfo.InvariantCulture,
                $"{subject}: {profile.DisplayName}, {local:yyyy-MM-dd HH:mm} ({zone.Id}, UTC{local:zzz}), {profile.SlotMinutes} minutes.\nThe attached invitation adds it to your calendar.");
            try
            {
                await email.SendAsync(new EmailMessage(to, "Glidepath: " + subject.ToLowerInvariant(), body, Attachments: [ConsultationInvitation.Attachment(ics, cancelled)]), ct);
            }
#pragma warning disable CA1031 // A mail server's failure must not undo a booking that is stored: it is logged.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogInvitationFailed(e, consultation.Id);
            }
        }
    }

    private async Task<IReadOnlyList<ConsultationDto>> ToDtosAsync(List<Consultation> list, CancellationToken ct)
    {
        var advisorIds = list.Select(c => c.AdvisorId).Distinct().ToList();
        var profiles = await db.AdvisorProfiles.AsNoTracking().Where(p => advisorIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var ids = list.Select(c => c.Id).ToList();
        var reviews = await db.ConsultationReviews.AsNoTracking().Where(r => ids.Contains(r.ConsultationId)).ToDictionaryAsync(r => r.ConsultationId, ct);
        var grantIds = list.Where(c => c.GrantId != null).Select(c => c.GrantId!.Value).ToList();
        var grants = await db.AdvisorGrants.AsNoTracking().Where(g => grantIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        return [.. list.OrderBy(c => c.StartUtc).Select(c => ToDto(c, profiles[c.AdvisorId], reviews.GetValueOrDefault(c.Id), c.GrantId is { } g ? grants.GetValueOrDefault(g) : null))];
    }

    private async Task<ConsultationDto> ToDtoAsync(Consultation c, AdvisorProfile profile, CancellationToken ct)
    {
        var review = await db.ConsultationReviews.AsNoTracking().FirstOrDefaultAsync(r => r.ConsultationId == c.Id, ct);
        var grant = c.GrantId is { } id ? await db.AdvisorGrants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) : null;
        return ToDto(c, profile, review, grant);
    }

    private ConsultationDto ToDto(Consultation c, AdvisorProfile profile, ConsultationReview? review, AdvisorGrant? grant)
    {
        var start = Utc(c.StartUtc);
        var end = Utc(c.EndUtc);
        var clientZone = Zones.Find(c.ClientTimeZone) ?? TimeZoneInfo.Utc;
        var advisorZone = Zones.Find(profile.TimeZone) ?? TimeZoneInfo.Utc;
        var booked = c.Status == ConsultationStatuses.Booked;
        return new ConsultationDto(c.Id, c.AdvisorId, profile.DisplayName, c.HouseholdId, start, end, Zones.In(start, clientZone), Zones.In(start, advisorZone),
            clientZone.Id, advisorZone.Id, c.Status, c.Need, c.ShareHousehold,
            grant is { RevokedUtc: null, ExpiresUtc: { } expires } ? Utc(expires) : null,
            start - NoticePeriod, booked && review is null && clock.GetUtcNow() >= end, review is null ? null : ToDto(review));
    }

    private static ReviewDto ToDto(ConsultationReview r) => new(r.Id, r.ConsultationId, r.AdvisorId, r.Rating, r.Comment, r.CreatedUtc);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation e-mail of consultation {ConsultationId} could not be sent")]
    private partial void LogInvitationFailed(Exception exception, Guid consultationId);
}
