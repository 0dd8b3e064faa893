using Glidepath.Application.CorporateActions;
using Glidepath.Server.Errors;

namespace Glidepath.Server.CorporateActions;

/// <summary>
/// <c>/api/households/{householdId}/corporate-actions</c>: dividends and splits the market data publishes and the
/// ledger lacks, proposed and booked only when confirmed (docs/import.md); onto <see cref="CorporateActionProposals"/>.
/// </summary>
public static class CorporateActionEndpoints
{
    public static RouteGroupBuilder MapCorporateActionEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/corporate-actions").WithTags("CorporateActions");
        group.MapGet("/proposals", List).WithName("ListCorporateActionProposals")
            .WithSummary("Propose missing dividends and splits")
            .WithDescription("For each instrument the household's accounts hold, compares the dividends and splits the market data publishes (Yahoo's chart events) with the ledger and lists the missing ones, with the quantity held before the ex-date and the amount. Books nothing; notChecked lists instruments whose events could not be compared.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/confirm", Confirm).WithName("ConfirmCorporateActions")
            .WithSummary("Book proposed dividends and splits")
            .WithDescription("Books the named proposals (ids from the proposals list) or all of them (all=true). Each books with its id as external id: confirming it again books nothing and counts it as already booked.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return household;
    }

    private static async Task<Ok<CorporateActionScan>> List(Guid householdId, CorporateActionProposals proposals, CancellationToken ct) =>
        TypedResults.Ok(await proposals.ProposeAsync(householdId, ct));

    private static async Task<Results<Ok<ConfirmCorporateActionsResult>, ProblemAnswer>> Confirm(
        Guid householdId, ConfirmCorporateActionsRequest request, CorporateActionProposals proposals, CancellationToken ct) =>
        (await proposals.ConfirmAsync(householdId, request, ct)).ToHttp(TypedResults.Ok);
}
