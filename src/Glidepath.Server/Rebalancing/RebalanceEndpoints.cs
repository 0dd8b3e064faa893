using Glidepath.Domain.Calendar;
using Glidepath.Domain.Orders;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
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
        account.MapPost("/rebalance", ProposeForAccount).WithTags("Rebalancing").ComputesOnly();
        return account;
    }

    public static RouteGroupBuilder MapRebalanceEndpoints(this RouteGroupBuilder household)
    {
        household.MapPost("/rebalance", ProposeForHousehold).WithTags("Rebalancing").ComputesOnly();
        household.MapGet("/rebalance-proposals/{proposalId:guid}", Get).WithTags("Rebalancing").WithName("GetRebalanceProposal");
        // Accepting places orders: a critical action (step-up, audited as trade-placed).
        household.MapPost("/rebalance-proposals/{proposalId:guid}/accept", Accept).WithTags("Rebalancing").RequireStepUp();
        household.MapGet("/orders", Orders).WithTags("Rebalancing");
        household.MapGet("/tax-loss-opportunities", Opportunities).WithTags("Rebalancing").CostsReads();
        return household;
    }

    /// <summary>Asset location places assets across accounts, so it needs the household route.</summary>
    private static async Task<Results<CreatedAtRoute<ProposalDto>, UnprocessableProblem, ValidationProblem>> ProposeForAccount(
        Guid accountId, RebalanceRequest? request, HttpContext http, ProposalStore proposals, TimeProvider clock, CancellationToken ct)
    {
        if (request?.AssetLocation == true)
        {
            return ValidationErrors.Single("assetLocation", "Asset location places assets across the household's accounts: use POST /api/households/{householdId}/rebalance.");
        }

        return await ProposeAsync(AccountScope.HouseholdOf(http), accountId, request, proposals, clock, ct);
    }

    private static Task<Results<CreatedAtRoute<ProposalDto>, UnprocessableProblem, ValidationProblem>> ProposeForHousehold(
        Guid householdId, RebalanceRequest? request, ProposalStore proposals, TimeProvider clock, CancellationToken ct) =>
        ProposeAsync(householdId, null, request, proposals, clock, ct);

    private static async Task<Results<CreatedAtRoute<ProposalDto>, UnprocessableProblem, ValidationProblem>> ProposeAsync(
        Guid householdId, Guid? accountId, RebalanceRequest? request, ProposalStore proposals, TimeProvider clock, CancellationToken ct)
    {
        if (request?.AsOf is { } asOf && !ValidDates.Contains(asOf))
        {
            return ValidationErrors.Single("asOf", $"The date must be {ValidDates.Description}.");
        }

        var options = new ProposalOptions(request?.Force ?? false, request?.AssetLocation ?? false);
        var result = await proposals.ProposeAsync(householdId, accountId, request?.AsOf ?? clock.Today(), options, clock.GetUtcNow(), ct);
        if (!result.Succeeded)
        {
            return new UnprocessableProblem(result.ErrorCode!, result.Message!);
        }

        return TypedResults.CreatedAtRoute(ProposalDto.From(result.Value!), "GetRebalanceProposal", new { householdId, proposalId = result.Value!.Id });
    }

    private static async Task<Results<Ok<ProposalDto>, NotFoundProblem>> Get(Guid householdId, Guid proposalId, ProposalStore proposals, CancellationToken ct) =>
        await proposals.FindAsync(householdId, proposalId, ct) is { } p ? TypedResults.Ok(ProposalDto.From(p)) : ProposalNotFound(proposalId);

    /// <summary>Turns the proposal's trades into pending orders; accepting again returns the same orders.</summary>
    private static async Task<Results<Ok<List<OrderDto>>, NotFoundProblem>> Accept(
        Guid householdId, Guid proposalId, HttpContext http, ProposalStore proposals, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await proposals.AcceptAsync(householdId, proposalId, clock.GetUtcNow(), ct) is not { } accepted)
        {
            return ProposalNotFound(proposalId);
        }

        // A repeated accept returns the same orders and places nothing, so it is not audited again.
        if (accepted.PlacedNow)
        {
            await audit.WriteAsync(AuditEvents.TradePlaced, http.User.UserId(), householdId, detail: $"proposal {proposalId}: {accepted.Orders.Count} pending orders", ct: ct);
        }

        return TypedResults.Ok(accepted.Orders.Select(OrderDto.From).ToList());
    }

    private static async Task<Ok<List<OrderDto>>> Orders(Guid householdId, OrderStatus? status, ProposalStore proposals, CancellationToken ct) =>
        TypedResults.Ok((await proposals.OrdersAsync(householdId, null, status, ct)).Select(OrderDto.From).ToList());

    private static async Task<Results<Ok<HarvestScan>, UnprocessableProblem>> Opportunities(
        Guid householdId, DateOnly? asOf, PortfolioSnapshotLoader loader, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await loader.LoadAsync(householdId, asOf ?? clock.Today(), ct: ct);
        if (!loaded.Succeeded)
        {
            return new UnprocessableProblem(loaded.ErrorCode!, loaded.Message!);
        }

        return TypedResults.Ok(Harvester.Scan(loaded.Value!, loaded.Value!.HarvestSettings()));
    }

    private static NotFoundProblem ProposalNotFound(Guid id) => new(ErrorCodes.ProposalNotFound, $"Rebalance proposal {id} does not exist.");
}
