using Glidepath.Application.Webhooks;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Webhooks;

/// <summary>
/// <c>/api/households/{householdId}/webhooks</c>: subscriptions (the secret shown once, on create),
/// test-send, the delivery log and redelivery; onto <see cref="HouseholdWebhooks"/> (docs/webhooks.md).
/// </summary>
public static class WebhookEndpoints
{
    private const int Invalid = StatusCodes.Status400BadRequest;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapGet("", List).WithName("ListWebhooks").WithSummary("List the household's webhooks")
            .WithDescription("Every webhook subscription of the household, without secrets; a disabled one says why.");
        group.MapPost("", Create).WithName("CreateWebhook").WithSummary("Subscribe a URL to events")
            .WithDescription("Creates a subscription and answers 201 with its signing secret, shown this once. https only; private, link-local and loopback addresses are refused.")
            .ProducesProblems(Invalid, Conflict);
        group.MapPut("/{webhookId:guid}", Update).WithName("UpdateWebhook").WithSummary("Change a webhook")
            .WithDescription("Replaces the URL and events; enabled: true re-enables a subscription the worker disabled.")
            .ProducesProblems(Invalid, NotFound);
        group.MapDelete("/{webhookId:guid}", Delete).WithName("DeleteWebhook").WithSummary("Delete a webhook")
            .WithDescription("Deletes the subscription and its delivery log.").ProducesProblems(NotFound);
        group.MapPost("/{webhookId:guid}/test", Test).WithName("TestWebhook").WithSummary("Send a test delivery")
            .WithDescription("Queues a signed webhook.ping delivery to the subscription; it appears in the delivery log.").ProducesProblems(NotFound);
        group.MapGet("/{webhookId:guid}/deliveries", Deliveries).WithName("ListWebhookDeliveries").WithSummary("The delivery log")
            .WithDescription("One page of the subscription's deliveries, newest first (page from 1, pageSize 1 to 1000, default 50; limit is the older name of pageSize), with state, attempts, last status and error, and Link headers to the other pages.")
            .WithPageLinks().ProducesProblems(Invalid, NotFound);
        group.MapPost("/{webhookId:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithName("RedeliverWebhook").WithSummary("Send a delivery again")
            .WithDescription("Sends the delivery again now, with the same Glidepath-Delivery id and body; its 24-hour retry window starts again.").ProducesProblems(NotFound);
        return household;
    }

    private static async Task<Ok<List<WebhookDto>>> List(Guid householdId, HouseholdWebhooks webhooks, CancellationToken ct) =>
        TypedResults.Ok((await webhooks.ListAsync(householdId, ct)).ToList());

    private static async Task<Results<Created<CreatedWebhookDto>, ProblemAnswer>> Create(Guid householdId, WebhookRequest request, HouseholdWebhooks webhooks, CancellationToken ct) =>
        (await webhooks.CreateAsync(householdId, request, ct)).ToHttp(w => TypedResults.Created($"/api/households/{householdId}/webhooks/{w.Id}", w));

    private static async Task<Results<Ok<WebhookDto>, ProblemAnswer>> Update(Guid householdId, Guid webhookId, WebhookRequest request, HouseholdWebhooks webhooks, CancellationToken ct) =>
        (await webhooks.UpdateAsync(householdId, webhookId, request, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid webhookId, HouseholdWebhooks webhooks, CancellationToken ct) =>
        (await webhooks.DeleteAsync(householdId, webhookId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Accepted<WebhookDeliveryDto>, ProblemAnswer>> Test(Guid householdId, Guid webhookId, HouseholdWebhooks webhooks, CancellationToken ct) =>
        (await webhooks.TestAsync(householdId, webhookId, ct)).ToHttp(d => TypedResults.Accepted((string?)null, d));

    private static async Task<Results<Ok<WebhookDeliveryPage>, ProblemAnswer>> Deliveries(
        Guid householdId, Guid webhookId, int? page, int? pageSize, int? limit, HouseholdWebhooks webhooks, CancellationToken ct)
    {
        var (pageNumber, size) = (page ?? 1, pageSize ?? limit ?? 50);
        if (new ValidationErrors().CheckPage(pageNumber, size) is { HasErrors: true } errors)
        {
            return new ProblemAnswer(errors.ToProblem());
        }

        return (await webhooks.DeliveriesAsync(householdId, webhookId, pageNumber, size, ct))
            .ToHttp(d => TypedResults.Ok(new WebhookDeliveryPage(d.Items, pageNumber, size, d.TotalCount)));
    }

    private static async Task<Results<Accepted<WebhookDeliveryDto>, ProblemAnswer>> Redeliver(
        Guid householdId, Guid webhookId, Guid deliveryId, HouseholdWebhooks webhooks, CancellationToken ct) =>
        (await webhooks.RedeliverAsync(householdId, webhookId, deliveryId, ct)).ToHttp(d => TypedResults.Accepted((string?)null, d));
}

/// <summary>One page of a subscription's delivery log (docs/api.md, "Paging").</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDto> Items, int Page, int PageSize, int TotalCount) : IPage;
