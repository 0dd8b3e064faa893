using System.Net;
using System.Text.Json;
using Glidepath.Application.Webhooks;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Webhooks;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Webhooks;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Webhooks;

public class WebhookEndpointsTest
{
    private static Dictionary<string, string?> Settings(bool allowLoopback = true, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["Webhooks:PollInterval"] = "00:00:00.100",
        };
        foreach (var (k, v) in more ?? [])
        {
            settings[k] = v;
        }

        return settings;
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task TransactionBooked_SubscribedWebhook_ReceivesOneSignedDeliveryAndLogsIt(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings());
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var h = $"/api/households/{household.Id}";
        var created = await (await client.PostAsync($"{h}/webhooks", new WebhookRequest(receiver.Url, [EventTypes.TransactionCreated])))
            .ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);

        // The secret is shown once: the list never carries it.
        var listed = await (await client.GetAsync($"{h}/webhooks")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(created.Secret, listed, StringComparison.Ordinal);

        (await client.PostAsync($"{h}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2024, 1, 2), 500m))).EnsureSuccessStatusCode();

        var received = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal(EventTypes.TransactionCreated, received.Event);
        Assert.True(Guid.TryParse(received.Delivery, out var deliveryId));
        Assert.True(SignatureReference.Verify(created.Secret, received.Signature!, received.Body, DateTimeOffset.UtcNow));
        Assert.False(SignatureReference.Verify(created.Secret, received.Signature!, received.Body.Replace("500", "900", StringComparison.Ordinal), DateTimeOffset.UtcNow));
        Assert.False(SignatureReference.Verify(created.Secret, received.Signature!, received.Body, DateTimeOffset.UtcNow.AddMinutes(6)));
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(EventTypes.TransactionCreated, body.RootElement.GetProperty("type").GetString());
        Assert.Equal(household.Id, body.RootElement.GetProperty("householdId").GetGuid());
        Assert.Equal(500m, body.RootElement.GetProperty("data").GetProperty("amount").GetDecimal());

        var log = await WaitForLogAsync(client, $"{h}/webhooks/{created.Id}/deliveries", d => d.State == DeliveryStates.Delivered);
        var entry = Assert.Single(log);
        Assert.Equal((deliveryId, 1, 200), (entry.Id, entry.Attempts, entry.LastStatus));

        // Redeliver: the same delivery id and body again.
        (await client.PostAsync($"{h}/webhooks/{created.Id}/deliveries/{deliveryId}/redeliver", new { })).EnsureSuccessStatusCode();
        var again = await receiver.WaitForAsync(2);
        Assert.Equal(2, again.Count);
        Assert.Equal((received.Delivery, received.Body), (again[1].Delivery, again[1].Body));
    }

    [Fact]
    public async Task Create_SsrfAndPlainHttpTargets_Answer400()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings(allowLoopback: false));
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        string[] refused =
        [
            "http://example.com/hook", "https://10.0.0.5/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
            "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
            "https://[fe80::1]/hook", "https://[fd00::1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://100.64.0.1/hook",
            "https://0.0.0.0/hook", "https://user:secret@example.com/hook", "ftp://example.com/hook", "not a url",
        ];
        foreach (var url in refused)
        {
            var answer = await client.PostAsync($"/api/households/{household.Id}/webhooks", new WebhookRequest(url, [EventTypes.AlertTriggered]));
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, url);
        }

        var unknownEvent = await client.PostAsync($"/api/households/{household.Id}/webhooks", new WebhookRequest("https://example.com/hook", ["order.exploded"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknownEvent.StatusCode);
        var ok = await client.PostAsync($"/api/households/{household.Id}/webhooks", new WebhookRequest("https://example.com/hook", [EventTypes.AlertTriggered]));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    /// <summary>A stored URL whose host is (or resolves to) a refused address is stopped when connecting: the receiver sees nothing.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Send_HostResolvesToLoopbackWhileRefused_RefusedAtConnect(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(allowLoopback: false));
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var subscription = new WebhookSubscription
        {
            HouseholdId = household.Id,
            Url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), // a name, resolved at connect time
            Events = EventTypes.AlertTriggered,
            Secret = WebhookSignature.NewSecret(),
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        await using (var db = app.CreateDbContext())
        {
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
        }

        var h = $"/api/households/{household.Id}/webhooks/{subscription.Id}";
        (await client.PostAsync($"{h}/test", new { })).EnsureSuccessStatusCode();
        var log = await WaitForLogAsync(client, $"{h}/deliveries", d => d.LastError is not null);
        Assert.Contains("may not reach", Assert.Single(log).LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Send_ReceiverKeepsFailing_RetriedWithBackoffThenSubscriptionDisabled(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        await using var app = await GlidepathApp.StartAsync(provider, settings: Settings(more: new()
        {
            ["Webhooks:FirstRetryDelay"] = "00:00:00.200",
            ["Webhooks:GiveUpAfter"] = "00:00:03",
        }));
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}/webhooks";
        var created = await (await client.PostAsync(h, new WebhookRequest(receiver.Url, [EventTypes.AlertTriggered]))).ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        (await client.PostAsync($"{h}/{created.Id}/test", new { })).EnsureSuccessStatusCode();

        var log = await WaitForLogAsync(client, $"{h}/{created.Id}/deliveries", d => d.State == DeliveryStates.Failed, TimeSpan.FromSeconds(30));
        var failed = Assert.Single(log);
        Assert.True(failed.Attempts >= 3, $"{failed.Attempts} attempts");
        Assert.Equal(500, failed.LastStatus);
        Assert.All(receiver.Requests, r => Assert.Equal(failed.Id.ToString(), r.Delivery)); // one delivery id on every retry
        var webhook = Assert.Single(await (await client.GetAsync(h)).ReadAsync<List<WebhookDto>>());
        Assert.False(webhook.Enabled);
        Assert.Contains("failed for", webhook.DisabledReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ReceiverRedirects_NotFollowedAndCountedAsFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.RedirectTo = "/elsewhere";
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings());
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}/webhooks";
        var created = await (await client.PostAsync(h, new WebhookRequest(receiver.Url, [EventTypes.AlertTriggered]))).ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        (await client.PostAsync($"{h}/{created.Id}/test", new { })).EnsureSuccessStatusCode();

        var log = await WaitForLogAsync(client, $"{h}/{created.Id}/deliveries", d => d.LastError is not null);
        Assert.Equal((DeliveryStates.Pending, 302), (log[0].State, log[0].LastStatus));
        Assert.DoesNotContain(receiver.Requests, r => r.Event == "redirected");
    }

    [Fact]
    public void Backoff_DoublesWithJitterUpToTheCap()
    {
        var settings = new WebhookOptions { FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(2) };
        for (var i = 0; i < 200; i++)
        {
            var first = WebhookSender.Backoff(1, settings);
            var fourth = WebhookSender.Backoff(4, settings);
            var late = WebhookSender.Backoff(30, settings);
            Assert.InRange(first.TotalSeconds, 15, 45);
            Assert.InRange(fourth.TotalSeconds, 120, 360);
            Assert.InRange(late.TotalHours, 1, 3);
        }
    }

    private static async Task<IReadOnlyList<WebhookDeliveryDto>> WaitForLogAsync(HttpClient client, string url, Func<WebhookDeliveryDto, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var log = (await (await client.GetAsync(url)).ReadAsync<WebhookDeliveryPage>()).Items;
            if (log.Count > 0 && log.All(until) || DateTime.UtcNow > deadline)
            {
                return log;
            }

            await Task.Delay(100);
        }
    }
}
