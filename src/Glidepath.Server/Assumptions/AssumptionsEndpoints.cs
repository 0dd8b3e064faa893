using Glidepath.Application.Assumptions;
using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Assumptions;

/// <summary>One stored (or the built-in) capital-market assumption set; correlations in the order of <paramref name="Classes"/>.</summary>
public sealed record AssumptionSetDto(
    int Version, DateOnly AsOf, string Name, string Sources, IReadOnlyList<AssetClassAssumption> Classes, IReadOnlyList<IReadOnlyList<double>> Correlations, DateTimeOffset CreatedUtc, bool BuiltIn);

/// <summary>
/// <c>/api/assumptions</c>: the versioned capital-market assumptions (docs/assumptions.md) onto
/// <see cref="CapitalMarketAssumptionsStore"/>. Any signed-in user reads them (they are not household
/// data); only an admin adds a version.
/// </summary>
/// <summary>A mix to place on the chart: weights by asset class (≥ 0, summing to at most 1; the rest is cash at the set's cash rate).</summary>
public sealed record ClassMixToEvaluate(string Name, IReadOnlyDictionary<AssetClass, double> Weights);

/// <param name="Evaluate">Mixes to evaluate under the current set, e.g. the household's holdings and its target.</param>
public sealed record AssumptionFrontierRequest(IReadOnlyList<ClassMixToEvaluate>? Evaluate);

/// <summary>The ten risk levels of the current set as the frontier (weights by asset class), the given mixes evaluated, and the set's version.</summary>
public sealed record AssumptionFrontierDto(int Version, DateOnly AsOf, IReadOnlyList<OptimizedPortfolio> Portfolios, IReadOnlyList<EvaluatedPortfolio> Evaluated);

public static class AssumptionsEndpoints
{
    public static IEndpointRouteBuilder MapAssumptionsEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/assumptions").WithTags("Assumptions");
        group.MapGet("/", List)
            .WithName("ListAssumptionSets").WithSummary("List capital-market assumption sets")
            .WithDescription("Every version, newest first; the built-in version 1 last (docs/assumptions.md).");
        group.MapGet("/current", Current)
            .WithName("GetCurrentAssumptions").WithSummary("Get the current capital-market assumptions")
            .WithDescription("The highest version: expected returns, volatilities and correlations by asset class, with their date and sources. Model portfolios and the planner's defaults use it.");
        group.MapGet("/{version:int}", Get)
            .WithName("GetAssumptionSet").WithSummary("Get one assumption set")
            .WithDescription("One version of the capital-market assumptions.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/frontier", Frontier)
            .WithName("EvaluateOnAssumptions").WithSummary("The risk levels and given mixes under the current assumptions")
            .WithDescription("The ten risk levels built from the current capital-market assumptions (the frontier the portfolio page draws) and each given mix by asset class evaluated under the same μ and Σ; the uninvested rest earns the set's cash rate.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/", Create).RequireAuthorization(AuthPolicies.Admin)
            .WithName("CreateAssumptionSet").WithSummary("Add a version of the capital-market assumptions")
            .WithDescription("Stores a new version (the highest plus one) that becomes current. Admins only. Refused when the correlation matrix is not a valid one or when the ten risk levels cannot be built from the figures.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    internal static AssumptionSetDto ToDto(CapitalMarketAssumptionSet s) =>
        new(s.Version, s.AsOf, s.Name, s.Sources, s.Classes, [.. s.Correlations.Select(r => (IReadOnlyList<double>)r)], s.CreatedUtc, s.CreatedBy is null && s.Version == 1);

    private static async Task<Ok<List<AssumptionSetDto>>> List(CapitalMarketAssumptionsStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Ok<AssumptionSetDto>> Current(CapitalMarketAssumptionsStore store, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await store.CurrentAsync(ct)));

    private static async Task<Results<Ok<AssumptionSetDto>, ProblemAnswer>> Get(int version, CapitalMarketAssumptionsStore store, CancellationToken ct) =>
        (await store.GetAsync(version, ct)).ToHttp(s => TypedResults.Ok(ToDto(s)));

    private static async Task<Results<Ok<AssumptionFrontierDto>, ProblemAnswer>> Frontier(AssumptionFrontierRequest? request, CapitalMarketAssumptionsStore store, CancellationToken ct) =>
        (await store.FrontierAsync([.. (request?.Evaluate ?? []).Select(e => (e?.Name, e?.Weights))], ct)).ToHttp(f => TypedResults.Ok(
            new AssumptionFrontierDto(f.Set.Version, f.Set.AsOf, f.Levels, f.Evaluated)));

    private static async Task<Results<Created<AssumptionSetDto>, ProblemAnswer>> Create(AssumptionSetRequest request, HttpContext http, CapitalMarketAssumptionsStore store, CancellationToken ct) =>
        (await store.CreateAsync(request, http.User.UserId(), ct)).ToHttp(s => TypedResults.Created($"/api/assumptions/{s.Version}", ToDto(s)));
}
