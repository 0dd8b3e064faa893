using Glidepath.Application.Performance;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Performance;

/// <summary><c>/performance?from=&amp;to=&amp;accountId=&amp;instrumentId=&amp;benchmark=&amp;currency=&amp;riskFree=</c> of a household, onto <see cref="PerformanceReports"/>.</summary>
public static class PerformanceEndpoints
{
    public static RouteGroupBuilder MapPerformanceEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/performance", Performance).WithTags("Performance")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity).CostsReads();
        return household;
    }

    /// <summary>
    /// TWR, MWR, risk statistics, contributions and the daily value and return series of the household (no
    /// accountId), an account, or a position (instrumentId, with or without accountId). <c>to</c> defaults to
    /// today, <c>from</c> to a year before it; <c>benchmark</c> is an instrument symbol; <c>riskFree</c> an
    /// annual rate (default: the stored DGS3MO series' mean over the range, else 0).
    /// </summary>
    private static async Task<Results<Ok<PerformanceDto>, ProblemAnswer>> Performance(
        Guid householdId, DateOnly? from, DateOnly? to, Guid? accountId, Guid? instrumentId, string? benchmark, string? currency, double? riskFree,
        PerformanceReports reports, CancellationToken ct) =>
        (await reports.ReportAsync(householdId, new PerformanceQuery(from, to, accountId, instrumentId, benchmark, currency, riskFree), ct)).ToHttp(TypedResults.Ok);
}
