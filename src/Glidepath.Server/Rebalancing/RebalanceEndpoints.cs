using Glidepath.Application.Rebalancing;
using Glidepath.Application.TaxLossHarvesting;
using Glidepath.Domain.Calendar;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Server.Api;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Rebalancing;

/// <summary>
/// <c>POST /api/accounts/{accountId}/rebalance</c> and <c>POST …/households/{householdId}/rebalance</c>
/// (stored previews), <c>…/rebalance-proposals/{id}[/accept]</c>, <c>…/orders</c> and
/// <c>…/tax-loss-opportunities</c>. Proposals trade nothing: accepting one makes pending orders.
/// </summary>
public static class RebalanceEndpoints
{
    public static RouteGroupBuilder MapAccountRebalanceEndpoints(this RouteGroupBuilder account)
    {
        account.MapPost("/rebalance", ProposeForAccount).WithTags("Rebalancing").ComputesOnly().ProducesProblems(StatusCodes.Status422UnprocessableEntity, StatusCodes.Status400BadRequest);
        return account;
    }

    public static RouteGroupBuilder MapRebalanceEndpoints(this RouteGroupBuilder household)
    {
        household.MapPost("/rebalance", ProposeForHousehold).WithTags("Rebalancing").ComputesOnly().ProducesProblems(StatusCodes.Status422UnprocessableEntity, StatusCodes.Status400BadRequest);
        household.MapPost("/rebalance/preview", PreviewForHousehold).WithTags("Rebalancing").ComputesOnly()
            .WithName("PreviewRebalance").WithSummary("Preview a rebalance without storing it")
            .WithDescription("The proposal POST …/rebalance would store (same body, same use case, open orders counted as done), answered 200 "
                + "with the snapshot's account names and instrument symbols; nothing is stored and no event is sent, so there is nothing to accept. "
                + "glidepath rebalance --server prints it.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        household.MapGet("/rebalance-proposals/{proposalId:guid}", Get).WithTags("Rebalancing").WithName("GetRebalanceProposal").ProducesProblems(StatusCodes.Status404NotFound);
        // Accepting places orders: a critical action (step-up, audited as trade-placed).
        household.MapPost("/rebalance-proposals/{proposalId:guid}/accept", Accept).WithTags("Rebalancing").RequireStepUp().ProducesProblems(StatusCodes.Status404NotFound);
        household.MapGet("/orders", Orders).WithTags("Rebalancing");
        household.MapGet("/tax-loss-opportunities", Opportunities).WithTags("Rebalancing").CostsReads().ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        household.MapPost("/tax-loss-opportunities/proposals", ProposeHarvest).WithTags("Rebalancing").ComputesOnly().CostsReads()
            .WithName("ProposeHarvest").WithSummary("Turn harvest suggestions into a proposal")
            .WithDescription("Stores the household's tax-loss harvesting opportunities (open orders counted as done; optionally one account's or one instrument's) as a rebalance proposal: each sells its losing lots and buys whole units of its replacement. Accept it with POST …/rebalance-proposals/{proposalId}/accept, which places the orders as for any rebalance.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return household;
    }

    /// <summary>Asset location places assets across accounts, so it needs the household route.</summary>
    private static async Task<Results<CreatedAtRoute<ProposalDto>, ProblemAnswer>> ProposeForAccount(
        Guid accountId, RebalanceRequest? request, HttpContext http, RebalanceProposals proposals, TimeProvider clock, CancellationToken ct) =>
        request?.AssetLocation == true
            ? Problem.Invalid("assetLocation", "Asset location places assets across the household's accounts: use POST /api/households/{householdId}/rebalance.").ToHttp()
            : await ProposeAsync(AccountScope.HouseholdOf(http), accountId, request, proposals, clock, ct);

    private static Task<Results<CreatedAtRoute<ProposalDto>, ProblemAnswer>> ProposeForHousehold(
        Guid householdId, RebalanceRequest? request, RebalanceProposals proposals, TimeProvider clock, CancellationToken ct) =>
        ProposeAsync(householdId, null, request, proposals, clock, ct);

    private static async Task<Results<Ok<RebalancePreviewDto>, ProblemAnswer>> PreviewForHousehold(
        Guid householdId, RebalanceRequest? request, RebalanceProposals proposals, TimeProvider clock, CancellationToken ct)
    {
        if (request?.AsOf is { } date && !ValidDates.Contains(date))
        {
            return Problem.Invalid("asOf", $"The date must be {ValidDates.Description}.").ToHttp();
        }

        var options = new ProposalOptions(request?.Force ?? false, request?.AssetLocation ?? false);
        var asOf = request?.AsOf ?? clock.Today();
        return (await proposals.PreviewAsync(householdId, null, asOf, options, ct)).ToHttp(p => TypedResults.Ok(RebalancePreviewDto.From(asOf, options, p)));
    }

    private static async Task<Results<CreatedAtRoute<ProposalDto>, ProblemAnswer>> ProposeAsync(
        Guid householdId, Guid? accountId, RebalanceRequest? request, RebalanceProposals proposals, TimeProvider clock, CancellationToken ct)
    {
        if (request?.AsOf is { } asOf && !ValidDates.Contains(asOf))
        {
            return Problem.Invalid("asOf", $"The date must be {ValidDates.Description}.").ToHttp();
        }

        var options = new ProposalOptions(request?.Force ?? false, request?.AssetLocation ?? false);
        return (await proposals.ProposeAsync(householdId, accountId, request?.AsOf ?? clock.Today(), options, clock.GetUtcNow(), ct))
            .ToHttp(p => TypedResults.CreatedAtRoute(ProposalDto.From(p), "GetRebalanceProposal", new { householdId, proposalId = p.Stored.Id }));
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemAnswer>> Get(Guid householdId, Guid proposalId, RebalanceProposals proposals, CancellationToken ct) =>
        (await proposals.GetAsync(householdId, proposalId, ct)).ToHttp(p => TypedResults.Ok(ProposalDto.From(p)));

    /// <summary>Turns the proposal's trades into pending orders; accepting again returns the same orders.</summary>
    private static async Task<Results<Ok<List<OrderDto>>, ProblemAnswer>> Accept(
        Guid householdId, Guid proposalId, HttpContext http, RebalanceProposals proposals, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!(await proposals.AcceptAsync(householdId, proposalId, clock.GetUtcNow(), ct)).TryGet(out var accepted, out var problem))
        {
            return problem.ToHttp();
        }

        // A repeated accept returns the same orders and places nothing, so it is not audited again.
        if (accepted.PlacedNow)
        {
            await audit.WriteAsync(AuditEvents.TradePlaced, http.User.UserId(), householdId, detail: $"proposal {proposalId}: {accepted.Orders.Count} pending orders", ct: ct);
        }

        return TypedResults.Ok(accepted.Orders.Select(OrderDto.From).ToList());
    }

    private static async Task<Ok<List<OrderDto>>> Orders(Guid householdId, OrderStatus? status, RebalanceProposals proposals, CancellationToken ct) =>
        TypedResults.Ok((await proposals.OrdersAsync(householdId, status, ct)).Select(OrderDto.From).ToList());

    private static async Task<Results<CreatedAtRoute<ProposalDto>, ProblemAnswer>> ProposeHarvest(
        Guid householdId, HarvestProposalRequest? request, HarvestScans harvest, TimeProvider clock, CancellationToken ct)
    {
        if (request?.AsOf is { } asOf && !ValidDates.Contains(asOf))
        {
            return Problem.Invalid("asOf", $"The date must be {ValidDates.Description}.").ToHttp();
        }

        return (await harvest.ProposeAsync(householdId, request?.AccountId, request?.InstrumentId, request?.AsOf ?? clock.Today(), clock.GetUtcNow(), ct))
            .ToHttp(p => TypedResults.CreatedAtRoute(ProposalDto.From(p), "GetRebalanceProposal", new { householdId, proposalId = p.Stored.Id }));
    }

    private static async Task<Results<Ok<HarvestScan>, ProblemAnswer>> Opportunities(
        Guid householdId, DateOnly? asOf, HarvestScans harvest, TimeProvider clock, CancellationToken ct) =>
        (await harvest.ScanAsync(householdId, asOf ?? clock.Today(), ct)).ToHttp(h => TypedResults.Ok(h.Scan));
}
