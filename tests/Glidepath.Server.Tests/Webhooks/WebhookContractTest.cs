using System.Net;
using System.Text.Json;
using Glidepath.Application.Webhooks;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Webhooks;

/// <summary>The document's OpenAPI 3.1 <c>webhooks</c> section describes what a receiver really gets (docs/api.md).</summary>
public class WebhookContractTest
{
    [Fact]
    public async Task EveryEvent_IsAWebhookOfTheDocument_WithItsSignedHeaders_AndARealDeliveryHasExactlyItsFields()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopback"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
        });
        var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var webhooks = document.GetProperty("webhooks");

        foreach (var type in EventTypes.All.Append(HouseholdWebhooks.PingEvent))
        {
            var post = webhooks.GetProperty(type).GetProperty("post");
            var headers = post.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Equal(["Glidepath-Event", "Glidepath-Delivery", "Glidepath-Signature"], headers);
            Assert.Equal(type, Envelope(post).GetProperty("properties").GetProperty("type").GetProperty("const").GetString());
        }

        // A real transaction.created delivery: the envelope's and the data's field names are the schema's.
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var h = $"/api/v1/households/{household.Id}";
        (await client.PostAsync($"{h}/webhooks", new WebhookRequest(receiver.Url, [EventTypes.TransactionCreated]))).EnsureSuccessStatusCode();
        (await client.PostAsync($"{h}/transactions", Fixtures.Deposit(account.Id, new DateOnly(2024, 1, 2), 500m))).EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(Assert.Single(await receiver.WaitForAsync(1)).Body);

        var envelope = Envelope(webhooks.GetProperty(EventTypes.TransactionCreated).GetProperty("post"));
        Assert.Equal(Names(envelope.GetProperty("properties")), Names(body.RootElement));
        var data = Resolve(document, envelope.GetProperty("properties").GetProperty("data"));
        Assert.Equal(Names(data.GetProperty("properties")), Names(body.RootElement.GetProperty("data")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{h}/webhooks")).StatusCode);
    }

    private static JsonElement Envelope(JsonElement post) =>
        post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
