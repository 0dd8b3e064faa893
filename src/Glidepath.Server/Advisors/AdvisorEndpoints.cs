using Glidepath.Application.Advisors;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Advisors;

/// <summary>
/// Advisor access, onto <see cref="AdvisorGrants"/>: the household owner grants and revokes
/// (<c>/api/households/{id}/advisor-grants</c>, owner only), and an advisor lists the households that
/// currently grant them access (<c>/api/advisor/clients</c>).
/// </summary>
public static class AdvisorEndpoints
{
    public static RouteGroupBuilder MapAdvisorGrantEndpoints(this RouteGroupBuilder household)
    {
        var grants = household.MapGroup("/advisor-grants").WithTags("Advisors").RequireHouseholdOwner();
        grants.MapGet("/", List);
        grants.MapPost("/", Grant).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        grants.MapDelete("/{grantId:guid}", Revoke).ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    public static IEndpointRouteBuilder MapAdvisorEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisor/clients", Clients).WithTags("Advisors").RequireAuthorization(AuthPolicies.Advisor).CostsReads();
        return api;
    }

    private static async Task<Ok<List<GrantDto>>> List(Guid householdId, AdvisorGrants grants, CancellationToken ct) =>
        TypedResults.Ok((await grants.ListAsync(householdId, ct)).ToList());

    /// <summary>201 for a new grant; 200 when the same grant was already active.</summary>
    private static async Task<Results<Created<GrantDto>, Ok<GrantDto>, ProblemAnswer>> Grant(
        Guid householdId, GrantRequest request, HttpContext http, AdvisorGrants grants, CancellationToken ct) =>
        (await grants.GrantAsync(householdId, request, http.User.UserId(), ct)).TryGet(out var granted, out var problem)
            ? granted.IsNew ? TypedResults.Created($"/api/households/{householdId}/advisor-grants/{granted.Grant.Id}", granted.Grant) : TypedResults.Ok(granted.Grant)
            : problem.ToHttp();

    private static async Task<Results<NoContent, ProblemAnswer>> Revoke(Guid householdId, Guid grantId, HttpContext http, AdvisorGrants grants, CancellationToken ct) =>
        (await grants.RevokeAsync(householdId, grantId, http.User.UserId(), ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Ok<List<ClientHouseholdDto>>> Clients(HttpContext http, AdvisorGrants grants, CancellationToken ct) =>
        TypedResults.Ok((await grants.ClientsAsync(http.User.UserId(), ct)).ToList());
}
