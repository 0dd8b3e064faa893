using Glidepath.Application.Alerts;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Alerts;

/// <summary><c>GET /api/households/{householdId}/alerts?asOf=</c>: drift outside the bands and harvesting opportunities, read-only (<see cref="HouseholdAlerts"/>).</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/alerts", Alerts).WithTags("Alerts").CostsReads().ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    /// <summary>A holding without a price or an account in another currency: 200 with <see cref="AlertsDto.Unavailable"/> (the dashboard shows why).</summary>
    private static async Task<Results<Ok<AlertsDto>, ProblemAnswer>> Alerts(Guid householdId, DateOnly? asOf, HouseholdAlerts alerts, TimeProvider clock, CancellationToken ct) =>
        (await alerts.ComputeAsync(householdId, asOf ?? clock.Today(), ct)).ToHttp(a => TypedResults.Ok(a));
}
