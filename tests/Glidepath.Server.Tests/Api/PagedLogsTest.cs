using System.Net;
using Glidepath.Application.Notifications;
using Glidepath.Application.Webhooks;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Jobs;
using Glidepath.Infrastructure.Notifications;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Glidepath.Server.Jobs;
using Glidepath.Server.Notifications;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Webhooks;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Api;

/// <summary>
/// The logs that took a <c>limit</c> (job runs, webhook deliveries, notifications) page in the one shape of docs/api.md
/// ("Paging"): <c>items</c>, <c>page</c>, <c>pageSize</c>, <c>totalCount</c> and <c>Link</c> headers keeping the filter;
/// <c>limit</c> still names the page size.
/// </summary>
public class PagedLogsTest
{
    private static readonly DateTime Start = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AJobsRuns_PageNewestFirst_WithLinks(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        await using (var db = app.CreateDbContext())
        {
            db.JobRuns.AddRange(Enumerable.Range(0, 5).Select(i => new JobRun
            {
                JobName = JobCatalog.Retention,
                Instance = "test",
                Trigger = "manual",
                StartedUtc = Start.AddHours(i),
                Outcome = JobOutcomes.Succeeded,
            }));
            await db.SaveChangesAsync();
        }

        var admin = await app.CreateOperatorClientAsync();
        var path = $"/api/v1/admin/jobs/{JobCatalog.Retention}/runs";
        var (page, links) = await ReadAsync<JobRunPage>(admin, path + "?page=2&pageSize=2");

        Assert.Equal((2, 2, 5), (page.Page, page.PageSize, page.TotalCount));
        Assert.Equal([Start.AddHours(2), Start.AddHours(1)], page.Items.Select(r => r.StartedUtc.UtcDateTime));
        Assert.Equal(Expected(path, "", 2, 1, 3, 3), links);
        Assert.Equal(3, (await ReadAsync<JobRunPage>(admin, path + "?limit=3")).Page.Items.Count);
        await (await admin.GetAsync(path + "?pageSize=1001")).ReadProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await (await admin.GetAsync(path + "?page=0")).ReadProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AWebhooksDeliveries_PageNewestFirst_WithLinks(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Webhooks:AllowLoopback"] = "true" });
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var webhook = await (await client.PostAsync($"/api/v1/households/{household.Id}/webhooks", new WebhookRequest("https://127.0.0.1:9/hook", [EventTypes.TransactionCreated])))
            .ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        var created = new DateTimeOffset(Start).ToUnixTimeMilliseconds();
        await using (var db = app.CreateDbContext())
        {
            db.WebhookDeliveries.AddRange(Enumerable.Range(0, 5).Select(i => new WebhookDelivery
            {
                SubscriptionId = webhook.Id,
                HouseholdId = household.Id,
                EventType = EventTypes.TransactionCreated,
                Body = "{}",
                State = DeliveryStates.Delivered,
                Attempts = 1,
                CreatedUnixMs = created + (i * 1000),
                DeliveredUnixMs = created + (i * 1000),
            }));
            await db.SaveChangesAsync();
        }

        var path = $"/api/v1/households/{household.Id}/webhooks/{webhook.Id}/deliveries";
        var (page, links) = await ReadAsync<WebhookDeliveryPage>(client, path + "?pageSize=2");

        Assert.Equal((1, 2, 5), (page.Page, page.PageSize, page.TotalCount));
        Assert.Equal([created + 4000, created + 3000], page.Items.Select(d => d.CreatedUtc.ToUnixTimeMilliseconds()));
        Assert.Equal(Expected(path, "", 1, null, 2, 3), links);
        var last = await ReadAsync<WebhookDeliveryPage>(client, path + "?page=3&pageSize=2");
        Assert.Equal([created], last.Page.Items.Select(d => d.CreatedUtc.ToUnixTimeMilliseconds()));
        Assert.Equal(4, (await ReadAsync<WebhookDeliveryPage>(client, path + "?limit=4")).Page.Items.Count);
        await (await client.GetAsync(path + "?pageSize=0")).ReadProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TheNotificationCentre_PagesNewestFirst_WithLinksKeepingUnreadOnly(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        await using (var db = app.CreateDbContext())
        {
            // Six, the first one read: five unread.
            db.Notifications.AddRange(Enumerable.Range(0, 6).Select(i => new Notification
            {
                UserId = app.DefaultUser.Id,
                HouseholdId = household.Id,
                EventId = Guid.NewGuid(),
                EventType = EventTypes.TransactionCreated,
                Title = $"N{i}",
                Body = "b",
                Html = "<p>b</p>",
                CreatedUtc = Start.AddMinutes(i),
                ReadUtc = i == 0 ? Start : null,
                InApp = true,
            }));
            await db.SaveChangesAsync();
        }

        var (all, _) = await ReadAsync<NotificationPage>(client, "/api/v1/notifications?pageSize=4");
        Assert.Equal((1, 4, 6, 5), (all.Page, all.PageSize, all.TotalCount, all.UnreadCount));
        Assert.Equal(["N5", "N4", "N3", "N2"], all.Items.Select(n => n.Title));

        var (unread, links) = await ReadAsync<NotificationPage>(client, "/api/v1/notifications?unreadOnly=true&page=2&pageSize=2");
        Assert.Equal((2, 2, 5, 5), (unread.Page, unread.PageSize, unread.TotalCount, unread.UnreadCount));
        Assert.Equal(["N3", "N2"], unread.Items.Select(n => n.Title));
        Assert.Equal(Expected("/api/v1/notifications", "unreadOnly=true&", 2, 1, 3, 3), links);
        Assert.Equal(["N5"], (await ReadAsync<NotificationPage>(client, "/api/v1/notifications?limit=1")).Page.Items.Select(n => n.Title));
        await (await client.GetAsync("/api/v1/notifications?pageSize=1001")).ReadProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    private static async Task<(T Page, string Links)> ReadAsync<T>(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var links = string.Join(", ", response.Headers.TryGetValues("Link", out var values) ? values : []);
        return (await response.ReadAsync<T>(), links);
    }

    /// <summary>The Link header for pages of two: first, prev (when there is one), next (when there is one), last.</summary>
    private static string Expected(string path, string filter, int page, int? prev, int? next, int last)
    {
        string Link(int p, string rel) => $"<{path}?{filter}page={p}&pageSize=2>; rel=\"{rel}\"";
        var links = new List<string> { Link(1, "first") };
        if (prev is { } p)
        {
            links.Add(Link(p, "prev"));
        }

        if (next is { } n && n > page)
        {
            links.Add(Link(n, "next"));
        }

        links.Add(Link(last, "last"));
        return string.Join(", ", links);
    }
}
