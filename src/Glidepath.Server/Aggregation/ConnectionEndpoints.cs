using Glidepath.Application.Aggregation;
using Glidepath.Server.Api;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Aggregation;

/// <summary>
/// <c>/api/households/{householdId}/connections</c>: linked institutions through an aggregation service (Plaid-shaped):
/// a link token, the public-token exchange (step-up), the list with health, sync now and delete; onto
/// <see cref="HouseholdConnections"/> and <see cref="AggregationSync"/> (docs/aggregation.md).
/// </summary>
public static class ConnectionEndpoints
{
    private const int Invalid = StatusCodes.Status400BadRequest;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;
    private const int Refused = StatusCodes.Status422UnprocessableEntity;

    public static RouteGroupBuilder MapConnectionEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/connections").WithTags("Connections");
        group.MapGet("", List).WithName("ListConnections").WithSummary("List linked institutions")
            .WithDescription("Every aggregation connection of the household with its health: status (ok, error, relink-needed, never-synced), last sync, last error, and its accounts mapped to ledger accounts. Access tokens are never shown.");
        group.MapGet("/{connectionId:guid}", Get).WithName("GetConnection").WithSummary("One linked institution")
            .WithDescription("The connection with its health and account mappings; never its access token.").ProducesProblems(NotFound);
        group.MapPost("/link-token", LinkToken).WithName("CreateLinkToken").WithSummary("Start linking an institution")
            .WithDescription("Asks the aggregation service (link/token/create) for a short-lived link token that starts its linking widget; the widget answers a one-time public token.")
            .ProducesProblems(Refused);
        group.MapPost("", Exchange).RequireStepUp().WithName("CreateConnection").WithSummary("Connect a linked institution")
            .WithDescription("Exchanges the widget's public token (item/public_token/exchange; step-up required), stores the access token encrypted, and maps each of the item's accounts to the ledger account named in accounts or else to a new ledger account.")
            .ProducesProblems(Invalid, NotFound, Conflict, Refused);
        group.MapPost("/{connectionId:guid}/sync", Sync).WithName("SyncConnection").WithSummary("Sync a connection now")
            .WithDescription("Reads every transactions/sync page after the stored cursor and books added, modified and removed transactions (idempotent by the provider's transaction id) with the new cursor in one transaction; compares investment holdings with the ledger's positions. A provider error is kept as the connection's health and nothing else is stored.")
            .ProducesProblems(NotFound, Refused);
        group.MapDelete("/{connectionId:guid}", Delete).WithName("DeleteConnection").WithSummary("Delete a connection")
            .WithDescription("Deletes the connection, its access token and its account mappings; the ledger accounts and what was booked stay.")
            .ProducesProblems(NotFound);
        return household;
    }

    private static async Task<Ok<List<ConnectionDto>>> List(Guid householdId, HouseholdConnections connections, CancellationToken ct) =>
        TypedResults.Ok((await connections.ListAsync(householdId, ct)).ToList());

    private static async Task<Results<Ok<ConnectionDto>, ProblemAnswer>> Get(Guid householdId, Guid connectionId, HouseholdConnections connections, CancellationToken ct) =>
        (await connections.GetAsync(householdId, connectionId, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<LinkTokenDto>, ProblemAnswer>> LinkToken(Guid householdId, HouseholdConnections connections, CancellationToken ct) =>
        (await connections.CreateLinkTokenAsync(householdId, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Created<ConnectionDto>, ProblemAnswer>> Exchange(Guid householdId, ExchangeConnectionRequest request, HouseholdConnections connections, CancellationToken ct) =>
        (await connections.ExchangeAsync(householdId, request, ct)).ToHttp(c => TypedResults.Created($"/api/households/{householdId}/connections/{c.Id}", c));

    private static async Task<Results<Ok<SyncResultDto>, ProblemAnswer>> Sync(Guid householdId, Guid connectionId, AggregationSync sync, CancellationToken ct) =>
        (await sync.SyncAsync(householdId, connectionId, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid connectionId, HouseholdConnections connections, CancellationToken ct) =>
        (await connections.DeleteAsync(householdId, connectionId, ct)).ToHttp(_ => TypedResults.NoContent());
}
