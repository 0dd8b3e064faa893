using System.Net;
using System.Threading.Channels;
using Glidepath.Application.Advisors;
using Glidepath.Application.Notifications;
using Glidepath.Application.Orders;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Notifications;
using Glidepath.Server.Orders;
using Glidepath.Server.Realtime;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Orders;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Notifications;

/// <summary>
/// Notifications end to end (docs/notifications.md): events leave through the outbox dispatcher, become
/// notifications for the users who may see the household, arrive by e-mail at a real SMTP server on
/// loopback (<see cref="SmtpSink"/>, MailKit on the other end), in the centre and live over the hub.
/// </summary>
public sealed class NotificationsTest
{
    private static Dictionary<string, string?> Settings(SmtpSink sink)
    {
        var settings = sink.Settings();
        settings["Notifications:PollInterval"] = "00:00:00.100";
        settings["Webhooks:PollInterval"] = "00:00:00.100";
        settings["Jobs:Enabled"] = "false";
        return settings;
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task OrderFilled_OwnerAndGrantedAdvisorGetEmailInAppAndLive_StrangerNothing(DatabaseProvider provider)
    {
        await using var sink = SmtpSink.Start();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(sink));
        var (client, householdId, accountId, msft) = await OrderEndpointsTest.AccountWithMsftAsync(app);
        var advisor = await app.CreateUserAsync(roles: [Roles.Advisor]);
        var stranger = await app.CreateUserAsync();
        (await client.PostAsync($"/api/households/{householdId}/advisor-grants", new GrantRequest(advisor.Email))).EnsureSuccessStatusCode();
        await using var hub = await ConnectAsync(app, app.DefaultUser.AccessToken);
        var live = Channel.CreateUnbounded<NotificationDto>();
        hub.On<NotificationDto>(PortfolioMessages.NotificationCreated, n => live.Writer.TryWrite(n));

        var placed = await (await client.PostAsync($"/api/accounts/{accountId}/orders", new PlaceOrderRequest(msft, TradeSide.Buy, 20m, OrderType.Market)))
            .ReadAsync<OrderDetailsDto>(HttpStatusCode.Created);
        await using (var db = app.CreateDbContext())
        {
            await db.Orders.Where(o => o.Id == placed.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedUtc, new DateTimeOffset(1998, 1, 5, 15, 0, 0, TimeSpan.Zero)));
        }

        await OrderEndpointsTest.ProcessAsync(app, new DateOnly(1998, 1, 16));

        // E-mail is on for fills by default: one to the owner, one to the granted advisor, none to the stranger.
        var mails = new[] { await sink.NextAsync(), await sink.NextAsync() };
        Assert.Equal(new[] { advisor.Email, app.DefaultUser.Email }.Order(StringComparer.Ordinal), mails.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.StartsWith("Order filled: Buy 20 MSFT at", m.Subject, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("20 of 20 filled", m.Text, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("<strong>Buy 20 MSFT</strong>", m.Html, StringComparison.Ordinal));
        Assert.Equal("glidepath@example.test", mails[0].From);

        // The centre: fills and status changes (transaction.created is off by default), newest first.
        var list = await WaitForAsync(client, l => l.Items.Any(n => n.EventType == EventTypes.OrderFilled) && l.Items.Count >= 3);
        Assert.DoesNotContain(list.Items, n => n.EventType == EventTypes.TransactionCreated);
        Assert.Equal(list.Items.Count, list.UnreadCount);
        Assert.Equal(list.Items.OrderByDescending(n => n.CreatedUtc).Select(n => n.Id), list.Items.Select(n => n.Id));
        Assert.All(list.Items, n => Assert.Equal(householdId, n.HouseholdId));

        // Live: the owner's open page heard the fill.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        NotificationDto heard;
        do
        {
            heard = await live.Reader.ReadAsync(timeout.Token);
        }
        while (heard.EventType != EventTypes.OrderFilled);

        var filled = list.Items.Single(n => n.EventType == EventTypes.OrderFilled);
        Assert.Equal(filled.Id, heard.Id);

        // The stranger sees nothing and cannot mark the owner's notification.
        var strangerClient = app.CreateClient(stranger);
        Assert.Empty((await (await strangerClient.GetAsync("/api/notifications")).ReadAsync<NotificationPage>()).Items);
        await (await strangerClient.PostAsync($"/api/notifications/{filled.Id}/read", new { })).ReadProblemAsync(HttpStatusCode.NotFound, UserNotifications.NotFoundCode);

        // Mark one, then all.
        var read = await (await client.PostAsync($"/api/notifications/{filled.Id}/read", new { })).ReadAsync<NotificationDto>();
        Assert.NotNull(read.ReadUtc);
        Assert.Equal(list.UnreadCount - 1, (await (await client.GetAsync("/api/notifications")).ReadAsync<NotificationPage>()).UnreadCount);
        var marked = await (await client.PostAsync("/api/notifications/read-all", new { })).ReadAsync<MarkedReadDto>();
        Assert.Equal(list.UnreadCount - 1, marked.Marked);
        var after = await (await client.GetAsync("/api/notifications?unreadOnly=true")).ReadAsync<NotificationPage>();
        Assert.Equal((0, 0), (after.UnreadCount, after.Items.Count));

        // Once per event and user: the advisor has the same fill once (seen with a second factor).
        var advisorList = await (await app.CreateClient(advisor).GetAsync("/api/notifications")).ReadAsync<NotificationPage>();
        Assert.Single(advisorList.Items, n => n.EventType == EventTypes.OrderFilled);
        Assert.Equal(2, sink.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Preferences_DefaultsThenChosen_TransactionReachesInAppAndEmail_BadInput400(DatabaseProvider provider)
    {
        await using var sink = SmtpSink.Start();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(sink));
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);

        var defaults = await (await client.GetAsync("/api/notifications/preferences")).ReadAsync<NotificationPreferencesDto>();
        Assert.Equal(EventTypes.All.Count * NotificationChannels.All.Count, defaults.Preferences.Count);
        Assert.All(defaults.Preferences, p => Assert.True(p.IsDefault));
        Assert.Contains(new NotificationPreferenceDto(EventTypes.TransactionCreated, NotificationChannels.InApp, false, true), defaults.Preferences);
        Assert.Contains(new NotificationPreferenceDto(EventTypes.OrderFilled, NotificationChannels.Email, true, true), defaults.Preferences);
        Assert.False(defaults.DailyDigest);

        await (await client.PutAsync("/api/notifications/preferences", new NotificationPreferencesRequest([new(EventTypes.TransactionCreated, "pigeon", true)], null)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync("/api/notifications/preferences", new NotificationPreferencesRequest([new("order.exploded", NotificationChannels.Email, true)], null)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        using (var nullEntry = new StringContent("""{"preferences":[null]}""", System.Text.Encoding.UTF8, "application/json"))
        {
            await (await client.PutAsync("/api/notifications/preferences", nullEntry)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }

        var chosen = await (await client.PutAsync("/api/notifications/preferences", new NotificationPreferencesRequest(
            [new(EventTypes.TransactionCreated, NotificationChannels.InApp, true), new(EventTypes.TransactionCreated, NotificationChannels.Email, true)], true)))
            .ReadAsync<NotificationPreferencesDto>();
        Assert.Contains(new NotificationPreferenceDto(EventTypes.TransactionCreated, NotificationChannels.Email, true), chosen.Preferences);
        Assert.True(chosen.DailyDigest);

        (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2024, 1, 2), 500m))).EnsureSuccessStatusCode();
        var mail = await sink.NextAsync();
        Assert.Equal("Transaction booked: Deposit", mail.Subject);
        Assert.Contains("A Deposit of 500 USD was booked on 2024-01-02", mail.Text, StringComparison.Ordinal);
        var list = await WaitForAsync(client, l => l.Items.Count == 1);
        Assert.Equal(EventTypes.TransactionCreated, list.Items[0].EventType);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task DailyDigest_OneEmailPerUserAndDay_ListsTheUnread(DatabaseProvider provider)
    {
        await using var sink = SmtpSink.Start();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(sink));
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        (await client.PutAsync("/api/notifications/preferences", new NotificationPreferencesRequest(
            [new(EventTypes.TransactionCreated, NotificationChannels.InApp, true)], DailyDigest: true))).EnsureSuccessStatusCode();
        var someoneElse = app.CreateClient(await app.CreateUserAsync());
        (await someoneElse.PutAsync("/api/notifications/preferences", new NotificationPreferencesRequest([], DailyDigest: true))).EnsureSuccessStatusCode();

        (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2024, 1, 2), 500m))).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2024, 1, 3), 700m))).EnsureSuccessStatusCode();
        await WaitForAsync(client, l => l.UnreadCount == 2);

        var day = new DateOnly(2026, 12, 6);
        var first = await DigestAsync(app, day);
        var second = await DigestAsync(app, day);

        Assert.Equal(new DigestRun(Sent: 1, AlreadySent: 0, NothingUnread: 1, Failed: 0), first);
        Assert.Equal(new DigestRun(Sent: 0, AlreadySent: 1, NothingUnread: 1, Failed: 0), second);
        var digest = Assert.Single(sink.Messages);
        Assert.Equal([app.DefaultUser.Email], digest.To);
        Assert.Equal("Your Glidepath digest for 2026-12-06: 2 unread", digest.Subject);
        Assert.Contains("A Deposit of 700 USD", digest.Text, StringComparison.Ordinal);
        Assert.Contains("A Deposit of 500 USD", digest.Text, StringComparison.Ordinal);

        // The next day it is sent again, as long as something is unread.
        Assert.Equal(1, (await DigestAsync(app, day.AddDays(1))).Sent);
        (await client.PostAsync("/api/notifications/read-all", new { })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await DigestAsync(app, day.AddDays(2))).Sent);
    }

    [Fact]
    public async Task SmsAndPush_LogTheKindAndUserId_NeverTheTextOrTheWholeNumber()
    {
        await using var sink = SmtpSink.Start();
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings(sink));
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == app.DefaultUser.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "+1 555 123 4567"));
        }

        (await client.PutAsync("/api/notifications/preferences", new NotificationPreferencesRequest(
            [new(EventTypes.TransactionCreated, NotificationChannels.Sms, true), new(EventTypes.TransactionCreated, NotificationChannels.Push, true)], null))).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/households/{household.Id}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2024, 1, 2), 512.34m))).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Sent(app, nameof(LoggingSmsSender)) && Sent(app, nameof(LoggingPushSender))) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var lines = app.Logs.Entries.Where(e => e.Category.EndsWith(nameof(LoggingSmsSender), StringComparison.Ordinal) || e.Category.EndsWith(nameof(LoggingPushSender), StringComparison.Ordinal))
            .Select(e => e.Message).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains(app.DefaultUser.Id.ToString(), l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains(EventTypes.TransactionCreated, l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("***67", StringComparison.Ordinal));
        var everything = string.Join('\n', app.Logs.Entries.Select(e => e.Message));
        Assert.DoesNotContain("4567", everything.Replace("***67", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("512.34", everything, StringComparison.Ordinal);
        Assert.Empty(sink.Messages); // e-mail stays off for transactions
    }

    [Fact]
    public void Templates_EncodeValuesInHtml_KeepThemInText()
    {
        var rendered = NotificationTemplates.Render(EventTypes.AlertTriggered,
            """{"kind":"drift","asOf":"2026-12-06","count":2,"message":"<script>alert(1)</script> & co"}""", null);

        Assert.Equal("Alert: drift (2)", rendered.Title);
        Assert.Equal("<script>alert(1)</script> & co", rendered.Text);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", rendered.Html, StringComparison.Ordinal);
        Assert.All(EventTypes.All, kind => Assert.True(NotificationTemplates.Has(kind), kind));
    }

    private static bool Sent(GlidepathApp app, string sender) => app.Logs.Entries.Any(e => e.Category.EndsWith(sender, StringComparison.Ordinal));

    private static async Task<DigestRun> DigestAsync(GlidepathApp app, DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigests>().SendAsync(day, CancellationToken.None);
    }

    private static async Task<NotificationPage> WaitForAsync(HttpClient client, Func<NotificationPage, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = await (await client.GetAsync("/api/notifications")).ReadAsync<NotificationPage>();
            if (until(list) || DateTime.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<HubConnection> ConnectAsync(GlidepathApp app, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, PortfolioHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
