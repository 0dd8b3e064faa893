using Glidepath.Application.Households;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Households;

/// <summary><c>/api/households</c>, onto <see cref="HouseholdDirectory"/>.</summary>
public static class HouseholdEndpoints
{
    public static IEndpointRouteBuilder MapHouseholdEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/households").WithTags("Households");
        group.MapGet("/", List);
        group.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{householdId:guid}", Get).WithName("GetHousehold").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{householdId:guid}", Update).AcceptsIfMatch()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{householdId:guid}", Delete).RequireStepUp().RequireHouseholdOwner().ProducesProblems(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The households the caller owns (and, for an advisor, those granting access).</summary>
    private static async Task<Ok<List<HouseholdDto>>> List(HttpContext http, HouseholdDirectory households, CancellationToken ct) =>
        TypedResults.Ok((await households.ListAsync(HouseholdScope.CallerOf(http.User), ct)).Select(h => h.ToDto()).ToList());

    private static async Task<Results<Ok<HouseholdDto>, ProblemAnswer>> Get(Guid householdId, HouseholdDirectory households, CancellationToken ct) =>
        (await households.GetAsync(householdId, ct)).ToHttp(h => TypedResults.Ok(h.ToDto()));

    private static async Task<Results<CreatedAtRoute<HouseholdDto>, ProblemAnswer>> Create(
        CreateHouseholdRequest request, HttpContext http, HouseholdDirectory households, CancellationToken ct) =>
        (await households.CreateAsync(http.User.UserId(), request, ct))
            .ToHttp(h => TypedResults.CreatedAtRoute(h.ToDto(), "GetHousehold", new { householdId = h.Id }));

    /// <summary>A stale version answers 409 (the exception handler); a currency without rates 422 <c>missing-fx-rate</c>.</summary>
    private static async Task<Results<Ok<HouseholdDto>, ProblemAnswer>> Update(
        Guid householdId, UpdateHouseholdRequest request, HouseholdDirectory households, CancellationToken ct) =>
        (await households.UpdateAsync(householdId, request, ct)).ToHttp(h => TypedResults.Ok(h.ToDto()));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, HttpContext http, HouseholdDirectory households, CancellationToken ct) =>
        (await households.DeleteAsync(householdId, http.User.UserId(), ct)).ToHttp(_ => TypedResults.NoContent());
}
