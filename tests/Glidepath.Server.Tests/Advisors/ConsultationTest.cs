using System.Net;
using Glidepath.Application.Advisors;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Households;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Glidepath.Server.Tests.Advisors;

/// <summary>Booking, the race for one slot, time zones across daylight-saving changes, cancelling and moving, grants, reviews.</summary>
public class ConsultationTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Book_FiftyParallelRequestsForOneSlot_OneWins_TheOthersGet409(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var (advisor, _) = await AdvisorFixtures.AdvisorAsync(app, "Dana", ["tax"]);
        var slot = (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id)).Slots[0];
        var url = $"/api/households/{household.Id}/consultations";

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slot.StartUtc)))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var losers = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(49, losers.Count);
        foreach (var loser in losers)
        {
            await loser.ReadProblemAsync(HttpStatusCode.Conflict, "slot-taken");
        }

        // Nothing of a loser is stored: one consultation, one grant.
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Consultations.CountAsync(c => c.AdvisorId == advisor.Id));
        Assert.Equal(1, await db.AdvisorGrants.CountAsync(g => g.AdvisorId == advisor.Id));
        Assert.DoesNotContain(slot.StartUtc, (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id)).Slots.Select(s => s.StartUtc));
    }

    public static TheoryData<DatabaseProvider, string> ProvidersAndSeasons => new()
    {
        { DatabaseProvider.Sqlite, "spring" }, { DatabaseProvider.Postgres, "spring" },
        { DatabaseProvider.Sqlite, "autumn" }, { DatabaseProvider.Postgres, "autumn" },
    };

    /// <summary>
    /// The advisor works Mondays 09:00–10:00 in New York; the client is in London. The expected instants follow the
    /// published rules: New York is UTC−5 in winter and UTC−4 from the second Sunday of March to the first Sunday of
    /// November; London is UTC+0 in winter and UTC+1 from the last Sunday of March to the last Sunday of October. So in
    /// the weeks between the two changes the gap is four hours, not five.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProvidersAndSeasons))]
    public async Task Book_AcrossADaylightSavingChange_ShowsEachSideItsOwnClock(DatabaseProvider provider, string season)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var (advisor, advisorClient) = await AdvisorFixtures.AdvisorAsync(app, "Dana", ["retirement"], "America/New_York", [new WeeklyHoursDto("monday", "09:00", "10:00")]);
        // The next change far enough ahead for both Mondays to be bookable.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var change = UsChange(today.Year, season);
        if (change.AddDays(-6) < today.AddDays(2))
        {
            change = UsChange(today.Year + 1, season);
        }

        var (before, after) = (change.AddDays(-6), change.AddDays(1));
        // Spring: 09:00 EST = 14:00 UTC before, 09:00 EDT = 13:00 UTC after; London is on GMT both Mondays.
        // Autumn: 09:00 EDT = 13:00 UTC before (London already back on GMT), 09:00 EST = 14:00 UTC after.
        var (hourBefore, hourAfter) = season == "spring" ? (14, 13) : (13, 14);
        var (nyBefore, nyAfter) = season == "spring" ? (-5, -4) : (-4, -5);
        var slots = (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id, $"?from={before:yyyy-MM-dd}&days=9&timeZone=Europe/London")).Slots;

        Assert.Equal([At(before, hourBefore), At(after, hourAfter)], slots.Select(s => s.StartUtc));
        Assert.Equal([new DateTimeOffset(before.ToDateTime(new TimeOnly(hourBefore, 0)), TimeSpan.Zero), new DateTimeOffset(after.ToDateTime(new TimeOnly(hourAfter, 0)), TimeSpan.Zero)],
            slots.Select(s => s.Start));
        Assert.All(slots, s => Assert.Equal(TimeSpan.Zero, s.Start.Offset));
        Assert.Equal([TimeSpan.FromHours(nyBefore), TimeSpan.FromHours(nyAfter)], slots.Select(s => s.AdvisorStart.Offset));
        Assert.All(slots, s => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(s.AdvisorStart.DateTime)));

        var booked = await (await owner.PostAsync($"/api/households/{household.Id}/consultations",
            new BookConsultationRequest(advisor.Id, slots[1].StartUtc, "Europe/London", "retirement"))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);
        Assert.Equal(At(after, hourAfter), booked.StartUtc);
        Assert.Equal(At(after, hourAfter).AddHours(1), booked.EndUtc);
        Assert.Equal(new DateTimeOffset(after.ToDateTime(new TimeOnly(hourAfter, 0)), TimeSpan.Zero), booked.Start);
        Assert.Equal(new DateTimeOffset(after.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(nyAfter)), booked.AdvisorStart);
        var seen = Assert.Single(await (await advisorClient.GetAsync("/api/advisor/consultations")).ReadAsync<List<ConsultationDto>>());
        Assert.Equal(booked.Id, seen.Id);

        // Both get an RFC 5545 invitation whose DTSTART is the same UTC instant.
        var invitations = Invitations(app);
        Assert.Equal(2, invitations.Count);
        foreach (var calendar in invitations)
        {
            var e = Assert.Single(calendar.Events);
            Assert.Equal("REQUEST", calendar.Method);
            Assert.Equal(At(after, hourAfter).UtcDateTime, e.DtStart!.AsUtc);
            Assert.Equal(booked.Id.ToString("D") + "@glidepath", e.Uid);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CancelAndReschedule_WorkUntilTheNoticePeriod_AndFreeTheSlot(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var (advisor, _) = await AdvisorFixtures.AdvisorAsync(app, "Dana", ["tax"]);
        var slots = (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id, $"?from={DateTime.UtcNow.AddDays(3):yyyy-MM-dd}")).Slots;
        var url = $"/api/households/{household.Id}/consultations";
        var booked = await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slots[0].StartUtc))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);

        // Moving to a taken, a made-up or the same slot.
        var other = app.CreateClient(await app.CreateUserAsync());
        var otherHousehold = await other.HouseholdAsync();
        await (await other.PostAsync($"/api/households/{otherHousehold.Id}/consultations", new BookConsultationRequest(advisor.Id, slots[2].StartUtc))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);
        await (await owner.PostAsync($"{url}/{booked.Id}/reschedule", new RescheduleRequest(slots[2].StartUtc))).ReadProblemAsync(HttpStatusCode.Conflict, "slot-taken");
        await (await owner.PostAsync($"{url}/{booked.Id}/reschedule", new RescheduleRequest(slots[1].StartUtc.AddMinutes(7)))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await other.PostAsync($"/api/households/{otherHousehold.Id}/consultations/{booked.Id}/cancel", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "consultation-not-found");

        var moved = await (await owner.PostAsync($"{url}/{booked.Id}/reschedule", new RescheduleRequest(slots[1].StartUtc))).ReadAsync<ConsultationDto>();
        Assert.Equal(slots[1].StartUtc, moved.StartUtc);
        Assert.Equal(slots[1].EndUtc.AddDays(1), moved.GrantExpiresUtc);
        var free = (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id, $"?from={DateTime.UtcNow.AddDays(3):yyyy-MM-dd}")).Slots.Select(s => s.StartUtc).ToList();
        Assert.Contains(slots[0].StartUtc, free);
        Assert.DoesNotContain(slots[1].StartUtc, free);
        var update = Invitations(app).Where(c => c.Events.Single().Uid!.StartsWith(booked.Id.ToString("D"), StringComparison.Ordinal)).MaxBy(c => c.Events.Single().Sequence)!;
        Assert.Equal(1, update.Events.Single().Sequence);
        Assert.Equal(slots[1].StartUtc.UtcDateTime, update.Events.Single().DtStart!.AsUtc);

        var cancelled = await (await owner.PostAsync($"{url}/{booked.Id}/cancel", new { })).ReadAsync<ConsultationDto>();
        Assert.Equal("cancelled", cancelled.Status);
        Assert.Null(cancelled.GrantExpiresUtc);
        await (await owner.PostAsync($"{url}/{booked.Id}/cancel", new { })).ReadProblemAsync(HttpStatusCode.Conflict, "consultation-cancelled");
        Assert.Contains(Invitations(app), c => c.Method == "CANCEL" && c.Events.Single().Status == "CANCELLED");
        // The freed slot can be booked again (the unique index counts booked rows only).
        await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slots[1].StartUtc))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);

        // Inside the notice period: the consultation starts in 23 hours.
        var late = await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slots[3].StartUtc))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);
        await MoveAsync(app, late.Id, DateTime.UtcNow.AddHours(23));
        await (await owner.PostAsync($"{url}/{late.Id}/cancel", new { })).ReadProblemAsync(HttpStatusCode.Conflict, "notice-period-passed");
        await (await owner.PostAsync($"{url}/{late.Id}/reschedule", new RescheduleRequest(slots[4].StartUtc))).ReadProblemAsync(HttpStatusCode.Conflict, "notice-period-passed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Booking_GrantsTheAdvisorReadAccessForTheConsultation_UnlessTheClientOptsOut(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var (advisor, advisorClient) = await AdvisorFixtures.AdvisorAsync(app, "Dana", ["tax"]);
        var slots = (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id)).Slots;
        var url = $"/api/households/{household.Id}/consultations";
        var householdUrl = $"/api/households/{household.Id}";

        var private_ = await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slots[0].StartUtc, ShareHousehold: false))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);
        Assert.Null(private_.GrantExpiresUtc);
        await (await advisorClient.GetAsync(householdUrl)).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");

        var shared = await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slots[1].StartUtc))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);
        Assert.Equal(shared.EndUtc.AddDays(1), shared.GrantExpiresUtc);
        await (await advisorClient.GetAsync(householdUrl)).ReadAsync<HouseholdDto>();
        await (await advisorClient.PostAsync($"{householdUrl}/accounts", new { name = "x" })).ReadProblemAsync(HttpStatusCode.Forbidden, "grant-read-only");
        // A booking is not a way to book for someone else: the advisor cannot book or list the client's consultations.
        await (await advisorClient.GetAsync(url)).ReadProblemAsync(HttpStatusCode.Forbidden, "owner-only");

        // The period ends a day after the consultation: the job revokes the grant, and the advisor is out.
        Assert.Equal(0, await ExpireAsync(app));
        await MoveAsync(app, shared.Id, DateTime.UtcNow.AddDays(-1).AddHours(-2));
        await using (var db = app.CreateDbContext())
        {
            await db.AdvisorGrants.Where(g => g.ConsultationId == shared.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresUtc, DateTime.UtcNow.AddHours(-1)));
        }

        Assert.Equal(1, await ExpireAsync(app));
        await (await advisorClient.GetAsync(householdUrl)).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        await using var check = app.CreateDbContext();
        Assert.Contains("grant-revoked", await check.AuditEvents.Where(e => e.HouseholdId == household.Id).Select(e => e.Type).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Review_OncePerConsultation_ByItsClient_AfterItEnded(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var (advisor, advisorClient) = await AdvisorFixtures.AdvisorAsync(app, "Dana", ["tax"]);
        var slots = (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id)).Slots;
        var url = $"/api/households/{household.Id}/consultations";
        var booked = await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slots[0].StartUtc))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);

        await (await owner.PostAsync($"{url}/{booked.Id}/review", new ReviewRequest(5, "Great"))).ReadProblemAsync(HttpStatusCode.Conflict, "consultation-not-ended");
        await MoveAsync(app, booked.Id, DateTime.UtcNow.AddHours(-3));
        await (await owner.PostAsync($"{url}/{booked.Id}/review", new ReviewRequest(6, null))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        // The advisor still holds the consultation's read grant, and reviewing is the owner's alone; a stranger does not see the household.
        await (await advisorClient.PostAsync($"{url}/{booked.Id}/review", new ReviewRequest(5, null))).ReadProblemAsync(HttpStatusCode.Forbidden, "owner-only");
        await (await app.CreateClient(await app.CreateUserAsync()).PostAsync($"{url}/{booked.Id}/review", new ReviewRequest(5, null))).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        Assert.True(Assert.Single(await (await owner.GetAsync(url)).ReadAsync<List<ConsultationDto>>()).Reviewable);

        var review = await (await owner.PostAsync($"{url}/{booked.Id}/review", new ReviewRequest(4, "Clear about asset location."))).ReadAsync<ReviewDto>(HttpStatusCode.Created);
        Assert.Equal(4, review.Rating);
        await (await owner.PostAsync($"{url}/{booked.Id}/review", new ReviewRequest(1, "again"))).ReadProblemAsync(HttpStatusCode.Conflict, "already-reviewed");
        var listed = Assert.Single(await (await owner.GetAsync(url)).ReadAsync<List<ConsultationDto>>());
        Assert.False(listed.Reviewable);
        Assert.Equal(review.Id, listed.Review!.Id);

        // Matching counts it: one 4-star review, Bayesian (4 + 3·2) / 3.
        var match = Assert.Single((await (await owner.GetAsync($"/api/households/{household.Id}/advisors")).ReadAsync<AdvisorMatchesDto>()).Advisors);
        Assert.Equal(1, match.Reviews);
        Assert.Equal(4.0, match.AverageRating);
        Assert.Contains("Rated 4.0 from 1 review (3.33 after the prior).", match.Reasons);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.ConsultationReviews.CountAsync());
    }

    private static DateOnly UsChange(int year, string season)
    {
        // Second Sunday of March, or first Sunday of November.
        var first = new DateOnly(year, season == "spring" ? 3 : 11, 1);
        var sunday = first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7);
        return season == "spring" ? sunday.AddDays(7) : sunday;
    }

    private static DateTimeOffset At(DateOnly date, int hourUtc) => new(date.ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero);

    /// <summary>Puts a consultation at another time, as if booked earlier: the tests run on the real clock.</summary>
    private static async Task MoveAsync(GlidepathApp app, Guid consultationId, DateTime startUtc)
    {
        await using var db = app.CreateDbContext();
        var start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        await db.Consultations.Where(c => c.Id == consultationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartUtc, start).SetProperty(c => c.EndUtc, start.AddHours(1)));
    }

    private static async Task<int> ExpireAsync(GlidepathApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Consultations>().ExpireGrantsAsync(CancellationToken.None);
    }

    private static List<Calendar> Invitations(GlidepathApp app) =>
        [.. Directory.GetFiles(app.MailFolder, "*.eml").Select(f =>
        {
            using var mime = MimeMessage.Load(f);
            var part = mime.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
            using var text = new MemoryStream();
            part.Content!.DecodeTo(text);
            return Calendar.Load(System.Text.Encoding.UTF8.GetString(text.ToArray()))!;
        })];
}
