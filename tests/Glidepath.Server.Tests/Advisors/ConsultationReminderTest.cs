using System.Globalization;
using System.Net;
using System.Text.Json;
using Glidepath.Application.Advisors;
using Glidepath.Application.Events;
using Glidepath.Application.Webhooks;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Notifications;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Glidepath.Server.Tests.Advisors;

/// <summary>
/// The consultation-reminders job's use case (docs/advisors.md, "Reminders") on a fake clock: once per booking and start even
/// with two runners at once, never for a cancelled booking, afresh after a reschedule, and the notifications reach the client
/// and the advisor (without a household grant) with the start on each one's clock.
/// </summary>
public class ConsultationReminderTest
{
    private static readonly Dictionary<string, string?> QuietWorkers = new()
    {
        // The test dispatches the outbox itself; the workers sleep after their first (empty) round.
        ["Jobs:Enabled"] = "false",
        ["Webhooks:PollInterval"] = "01:00:00",
        ["Notifications:PollInterval"] = "01:00:00",
    };

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Reminders_OncePerBookingAndStart_EvenWithTwoRunners_NeverCancelled_AfreshAfterAReschedule(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: QuietWorkers);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var (advisor, advisorClient) = await AdvisorFixtures.AdvisorAsync(app, "Dana", ["tax"]);
        // Every day 08:00–20:00 UTC, hourly: slots[0] and [1] are day 3 at 08:00 and 09:00, [12] day 4 and [24] day 5 at 08:00.
        var slots = (await AdvisorFixtures.SlotsAsync(owner, household.Id, advisor.Id, $"?from={DateTime.UtcNow.AddDays(3):yyyy-MM-dd}")).Slots;
        var url = $"/api/households/{household.Id}/consultations";
        async Task<ConsultationDto> Book(SlotDto slot, bool share = true) =>
            await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slot.StartUtc, "Europe/Berlin", "tax", share))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);
        var first = await Book(slots[0], share: false);
        var cancelled = await Book(slots[1]);
        var later = await Book(slots[12]);
        await (await owner.PostAsync($"{url}/{cancelled.Id}/cancel", new { })).ReadAsync<ConsultationDto>();

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Assert.Equal(0, await RunAsync(app, clock));

        // A minute into the first one's reminder window (two days before): two runners at once send it once; the cancelled
        // one next to it never; the later one is not due yet.
        clock.SetUtcNow(first.StartUtc - ConsultationReminders.Lead + TimeSpan.FromMinutes(1));
        var together = await Task.WhenAll(RunAsync(app, clock), RunAsync(app, clock));
        Assert.Equal(1, together.Sum());
        Assert.Equal(0, await RunAsync(app, clock));
        Assert.Equal([first.Id], (await RemindersAsync(app)).Select(r => r.ConsultationId));
        var reminder = (await RemindersAsync(app)).Single();
        Assert.Equal((first.StartUtc, advisor.Id, app.DefaultUser.Id, "Dana", 60), (reminder.StartUtc, reminder.AdvisorId, reminder.ClientId, reminder.AdvisorName, reminder.Minutes));
        Assert.Equal(first.ChangeableUntilUtc, reminder.ChangeableUntilUtc);
        // Berlin is UTC+1 in winter and UTC+2 in summer: the client's clock says which on that date.
        Assert.Equal(first.Start.ToString("yyyy-MM-dd HH:mm '(UTC'zzz')'", CultureInfo.InvariantCulture), reminder.ClientStart);
        Assert.Equal(first.StartUtc.ToString("yyyy-MM-dd HH:mm '(UTC+00:00)'", CultureInfo.InvariantCulture), reminder.AdvisorStart);
        Assert.NotEqual(first.StartUtc.Hour, first.Start.Hour);

        // The notifications: the client and the advisor (who has no grant: the client did not share), each on their own clock.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(clock.GetUtcNow(), 100, CancellationToken.None));
        }

        await using (var db = app.CreateDbContext())
        {
            var told = await db.Notifications.AsNoTracking().Where(n => n.EventType == EventTypes.ConsultationReminder).ToListAsync();
            Assert.Equal(new[] { advisor.Id, app.DefaultUser.Id }.Order(), told.Select(n => n.UserId).Order());
            var client = told.Single(n => n.UserId == app.DefaultUser.Id);
            Assert.Equal($"Your consultation with Dana starts {reminder.ClientStart} (Europe/Berlin) and lasts 60 minutes.", client.Body);
            Assert.Equal($"Reminder: consultation on {reminder.ClientStart}", client.Title);
            var advisors = told.Single(n => n.UserId == advisor.Id);
            Assert.Equal($"Your consultation with your client starts {reminder.AdvisorStart} (UTC) and lasts 60 minutes.", advisors.Body);
            Assert.All(told, n => Assert.True(n.InApp && n.EmailPending)); // e-mail is on for reminders by default
        }

        var advisorList = await (await advisorClient.GetAsync("/api/notifications")).ReadAsync<NotificationPage>();
        Assert.Single(advisorList.Items, n => n.EventType == EventTypes.ConsultationReminder);
        Assert.Single((await (await owner.GetAsync("/api/notifications")).ReadAsync<NotificationPage>()).Items, n => n.EventType == EventTypes.ConsultationReminder);
        var stranger = app.CreateClient(await app.CreateUserAsync());
        Assert.DoesNotContain((await (await stranger.GetAsync("/api/notifications")).ReadAsync<NotificationPage>()).Items, n => n.EventType == EventTypes.ConsultationReminder);

        // The later one is reminded in its own window; moved three days on (still outside the notice period on the real
        // clock), it is reminded again for its new start, once.
        clock.SetUtcNow(later.StartUtc - ConsultationReminders.Lead + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync(app, clock));
        var moved = await (await owner.PostAsync($"{url}/{later.Id}/reschedule", new RescheduleRequest(slots[24].StartUtc))).ReadAsync<ConsultationDto>();
        Assert.Equal(0, await RunAsync(app, clock));
        clock.SetUtcNow(moved.StartUtc - ConsultationReminders.Lead);
        Assert.Equal(1, await RunAsync(app, clock));
        Assert.Equal(0, await RunAsync(app, clock));
        var all = await RemindersAsync(app);
        Assert.Equal([first.StartUtc, later.StartUtc, moved.StartUtc], all.Select(r => r.StartUtc).Order());
        Assert.DoesNotContain(all, r => r.ConsultationId == cancelled.Id);

        // Past its start nothing is sent late (a server that was down does not remind of what already began).
        await (await owner.PostAsync(url, new BookConsultationRequest(advisor.Id, slots[30].StartUtc))).ReadAsync<ConsultationDto>(HttpStatusCode.Created);
        clock.SetUtcNow(slots[30].StartUtc.AddMinutes(1));
        Assert.Equal(0, await RunAsync(app, clock));
    }

    /// <summary>One runner as one instance of the job would be: its own scope, context and outbox, on the fake clock.</summary>
    private static async Task<int> RunAsync(GlidepathApp app, TimeProvider clock)
    {
        await using var db = app.CreateDbContext();
        return await new ConsultationReminders(db, new EventOutbox(db, clock), clock).SendDueAsync(CancellationToken.None);
    }

    private static async Task<List<ConsultationReminder>> RemindersAsync(GlidepathApp app)
    {
        await using var db = app.CreateDbContext();
        return [.. (await db.OutboxEvents.AsNoTracking().Where(e => e.Type == EventTypes.ConsultationReminder).ToListAsync())
            .Select(e => JsonSerializer.Deserialize<ConsultationReminder>(e.PayloadJson, JsonSerializerOptions.Web)!)];
    }
}
