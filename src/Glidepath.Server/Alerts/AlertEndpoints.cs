using Glidepath.Infrastructure.Ledger;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Alerts;

/// <summary><c>GET /api/households/{householdId}/alerts?asOf=</c>: drift outside the bands and harvesting opportunities, read-only.</summary>
public static class AlertEndpoints
{
    public static IServiceCollection AddHouseholdAlerts(this IServiceCollection services) => services.AddScoped<HouseholdAlerts>();

    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/alerts", Alerts).WithTags("Alerts").ProducesProblem(StatusCodes.Status422UnprocessableEntity).CostsReads();
        return household;
    }

    /// <summary>A holding without a price or an account in another currency: 422 with the snapshot's code, as the rebalance preview answers.</summary>
    private static async Task<Results<Ok<AlertsDto>, NotFoundProblem, UnprocessableProblem>> Alerts(
        Guid householdId, DateOnly? asOf, HouseholdAlerts alerts, TimeProvider clock, CancellationToken ct)
    {
        var result = await alerts.ComputeAsync(householdId, asOf ?? clock.Today(), ct);
        return result.ErrorCode switch
        {
            null => TypedResults.Ok(result.Value!),
            LedgerStoreErrorCodes.UnknownHousehold => HouseholdScope.HouseholdNotFound(householdId),
            _ => new UnprocessableProblem(result.ErrorCode, result.Message!),
        };
    }
}
