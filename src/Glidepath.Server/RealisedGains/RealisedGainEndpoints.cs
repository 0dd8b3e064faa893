using Glidepath.Application.RealisedGains;
using Glidepath.Server.Errors;
using Microsoft.OpenApi;

namespace Glidepath.Server.RealisedGains;

/// <summary><c>/api/households/{householdId}/realised-gains?from=&amp;to=</c>: gains by sale date, split short and long term.</summary>
public static class RealisedGainEndpoints
{
    public static RouteGroupBuilder MapRealisedGainEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/realised-gains", Get).WithTags("RealisedGains").ProducesProblems(StatusCodes.Status400BadRequest);
        household.MapGet("/realized-gains", GetYear).WithTags("RealisedGains")
            .Produces<RealizedGainsYearDto>(contentType: "application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // A second Produces at 200 would replace the JSON schema, so the CSV answer is added beside it.
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
                {
                    content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }

                return Task.CompletedTask;
            });
        return household;
    }

    private static async Task<Results<Ok<RealisedGainsDto>, ProblemAnswer>> Get(Guid householdId, DateOnly? from, DateOnly? to, RealisedGainReports reports, CancellationToken ct) =>
        (await reports.RangeAsync(householdId, from, to, ct)).ToHttp(TypedResults.Ok);

    /// <summary>
    /// A tax year's gains with the wash-sale column (code W, disallowed loss). With <c>Accept: text/csv</c>
    /// the taxable accounts' gains as Form 8949 CSV (docs/wash-sales.md); JSON lists every account, totals the
    /// taxable ones and the tax-advantaged ones apart.
    /// </summary>
    private static async Task<IResult> GetYear(Guid householdId, int? year, HttpRequest request, RealisedGainReports reports, CancellationToken ct) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase))
            ? (await reports.Form8949Async(householdId, year, ct)).ToHttp(csv => TypedResults.Text(csv, "text/csv"))
            : (await reports.YearAsync(householdId, year, ct)).ToHttp(TypedResults.Ok);
}
