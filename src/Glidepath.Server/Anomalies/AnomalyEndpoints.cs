using Glidepath.Application.Anomalies;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Glidepath.Server.Anomalies;

/// <summary><c>/anomalies</c> of a household (docs/anomalies.md, "Household scans"): the recorded anomalies, a scan now, and dismissing one's alert.</summary>
public static class AnomalyEndpoints
{
    public static RouteGroupBuilder MapAnomalyEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/anomalies").WithTags("Anomalies");
        group.MapGet("/", List)
            .WithName("ListAnomalies").WithSummary("List the household's anomalies")
            .WithDescription("Unusual days the anomaly scan recorded in the household's daily portfolio returns and its daily spending per category, newest first, with the value, what was typical, the score and the threshold.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/scan", Scan)
            .WithName("ScanAnomalies").WithSummary("Scan the household for anomalies now")
            .WithDescription("Runs the daily anomaly scan for this household as of asOf (default today): every flagged day of the last 31 days not recorded yet becomes an anomaly, an alert and an anomaly.detected event. A re-scan records nothing twice.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .CostsReads(); // it reads a year of valuations and spending
        group.MapPost("/{anomalyId:guid}/dismiss", Dismiss)
            .WithName("DismissAnomaly").WithSummary("Dismiss an anomaly's alert")
            .WithDescription("The anomaly stays listed with the time of its dismissal; it no longer shows among the household's alerts. Dismissing it again changes nothing.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Results<Ok<AnomaliesDto>, ProblemAnswer>> List(Guid householdId, HouseholdAnomalies anomalies, CancellationToken ct) =>
        (await anomalies.ListAsync(householdId, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<AnomalyScanDto>, ProblemAnswer>> Scan(Guid householdId, AnomalyScanRequest? request, HouseholdAnomalies anomalies, CancellationToken ct) =>
        (await anomalies.ScanAsync(householdId, request ?? new AnomalyScanRequest(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<AnomalyDto>, ProblemAnswer>> Dismiss(Guid householdId, Guid anomalyId, HouseholdAnomalies anomalies, CancellationToken ct) =>
        (await anomalies.DismissAsync(householdId, anomalyId, ct)).ToHttp(TypedResults.Ok);
}
