using System.Security.Claims;
using Glidepath.Application.Instruments;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Results;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Instruments;

/// <summary>
/// Instruments and their daily closes: <c>/api/instruments</c>, onto <see cref="InstrumentCatalog"/>. Shared
/// instruments are reference data: every signed-in user reads them, only holders of <c>write:reference-data</c>
/// (Auth:ReferenceDataWriters, admins by default) write them or their prices. A household's private instruments
/// are seen and written by those who reach the household (the household routes' rule, <see cref="HouseholdScope"/>),
/// and by no one else: another household's private instrument is 404, like any other id the caller may not see.
/// </summary>
public static class InstrumentEndpoints
{
    public static IEndpointRouteBuilder MapInstrumentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instruments").WithTags("Instruments");
        group.MapGet("/", List).WithPageLinks().ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{instrumentId:guid}", Get).WithName("GetInstrument").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{instrumentId:guid}", Update).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status403Forbidden);
        group.MapDelete("/{instrumentId:guid}", Delete).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status403Forbidden);
        group.MapGet("/{instrumentId:guid}/prices", Prices).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{instrumentId:guid}/prices", PutPrices).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        return api;
    }

    /// <summary>
    /// One page of the instruments the caller sees, by symbol. <paramref name="householdId"/> narrows to
    /// what that household may use (shared and its own); <paramref name="inUse"/> (with a household) to
    /// its own instruments and those its transactions or targets name. <paramref name="q"/> searches
    /// symbol (prefix), name (contains) and ISIN (exact); <paramref name="symbol"/> matches one symbol.
    /// </summary>
    private static async Task<Results<Ok<InstrumentPage>, ProblemAnswer>> List(
        string? q, string? symbol, Guid? householdId, AssetClass? assetClass, bool? inUse, int? page, int? pageSize,
        ClaimsPrincipal user, InstrumentCatalog catalog, CancellationToken ct) =>
        (await catalog.ListAsync(HouseholdScope.CallerOf(user), new InstrumentQuery(q, symbol, householdId, assetClass, inUse, page ?? 1, pageSize ?? 50), ct))
            .ToHttp(s => TypedResults.Ok(new InstrumentPage([.. s.Items.Select(i => i.ToDto(MayWriteShared(user)))], s.Page, s.PageSize, s.TotalCount)));

    private static async Task<Results<Ok<InstrumentDto>, ProblemAnswer>> Get(Guid instrumentId, ClaimsPrincipal user, InstrumentCatalog catalog, CancellationToken ct) =>
        (await catalog.GetAsync(HouseholdScope.CallerOf(user), instrumentId, ct)).ToHttp(i => TypedResults.Ok(i.ToDto(MayWriteShared(user))));

    private static async Task<Results<CreatedAtRoute<InstrumentDto>, ProblemAnswer>> Create(
        InstrumentRequest request, HttpContext http, InstrumentCatalog catalog, IOptions<InstrumentLimits> limits, CancellationToken ct) =>
        (await catalog.CreateAsync(Writer(http), request, limits.Value.MaxPerHousehold, ct))
            .ToHttp(i => TypedResults.CreatedAtRoute(i.ToDto(MayWriteShared(http.User)), "GetInstrument", new { instrumentId = i.Id }));

    private static async Task<Results<Ok<InstrumentDto>, ProblemAnswer>> Update(
        Guid instrumentId, InstrumentRequest request, HttpContext http, InstrumentCatalog catalog, CancellationToken ct) =>
        (await catalog.UpdateAsync(Writer(http), instrumentId, request, ct)).ToHttp(i => TypedResults.Ok(i.ToDto(MayWriteShared(http.User))));

    /// <summary>An instrument that any history or lot refers to stays; its prices go with it.</summary>
    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid instrumentId, HttpContext http, InstrumentCatalog catalog, CancellationToken ct) =>
        (await catalog.DeleteAsync(Writer(http), instrumentId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<List<PriceDto>>, ProblemAnswer>> Prices(
        Guid instrumentId, DateOnly? from, DateOnly? to, ClaimsPrincipal user, InstrumentCatalog catalog, CancellationToken ct) =>
        (await catalog.PricesAsync(HouseholdScope.CallerOf(user), instrumentId, from, to, ct)).ToHttp(p => TypedResults.Ok(p.Select(c => c.ToDto()).ToList()));

    /// <summary>Upserts closes by date (a close for a day that has one replaces it).</summary>
    private static async Task<Results<Ok<List<PriceDto>>, ProblemAnswer>> PutPrices(
        Guid instrumentId, List<PriceDto> prices, HttpContext http, InstrumentCatalog catalog, CancellationToken ct) =>
        (await catalog.PutPricesAsync(Writer(http), instrumentId, prices, ct)).ToHttp(v => TypedResults.Ok(v));

    private static bool MayWriteShared(ClaimsPrincipal user) => user.HasScope(Scopes.WriteReferenceData);

    /// <summary>The caller as the catalog's writes see them; household write access follows the household routes' rule.</summary>
    private static InstrumentWriter Writer(HttpContext http) => new(
        HouseholdScope.CallerOf(http.User),
        MayWriteShared(http.User),
        async householdId => await HouseholdScope.DenialAsync(http, householdId, HouseholdScope.HouseholdNotFound(householdId)) switch
        {
            null => null,
            ForbiddenProblem forbidden => Problem.Forbidden(forbidden.Code, forbidden.Problem.Detail ?? ""),
            _ => Problem.NotFound(ErrorCodes.HouseholdNotFound, $"Household {householdId} does not exist."),
        });
}
