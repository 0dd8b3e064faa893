using Glidepath.Application.Privacy;
using Glidepath.Application.Users;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Auth.Sessions;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Privacy;

/// <summary>
/// <c>/api/me</c>: the signed-in user's profile, MFA management, the privacy export
/// (<c>GET /api/me/export</c>) and account erasure (<c>DELETE /api/me</c>), onto <see cref="PersonalData"/>;
/// both privacy routes need a step-up.
/// </summary>
public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("/", Get).ProducesProblems(StatusCodes.Status404NotFound);
        me.MapGet("/export", Export).RequireStepUp().ProducesProblems(StatusCodes.Status404NotFound);
        me.MapDelete("/", Erase).RequireStepUp().ProducesProblems(StatusCodes.Status404NotFound);
        me.MapMfaEndpoints();
        me.MapSessionEndpoints();
        return me;
    }

    /// <summary>The token is valid but its user was erased meanwhile.</summary>
    public static NotFoundProblem Gone() => new(AuthErrorCodes.UserNotFound, Profiles.Gone().Message);

    private static async Task<Results<Ok<MeDto>, ProblemAnswer>> Get(HttpContext http, Profiles profiles, CancellationToken ct) =>
        (await profiles.GetAsync(HouseholdScope.CallerOf(http.User), ct)).ToHttp(TypedResults.Ok);

    /// <summary>Everything stored about the signed-in user as one JSON document (<see cref="PersonalData.ExportAsync"/>).</summary>
    private static async Task<Results<Ok<PrivacyExportDto>, ProblemAnswer>> Export(HttpContext http, PersonalData data, TimeProvider clock, CancellationToken ct) =>
        (await data.ExportAsync(http.User.UserId(), ct)).ToHttp(d => TypedResults.Ok(d.ToDto(clock.GetUtcNow())));

    /// <summary>Erases the signed-in user and every household they own, in one transaction (<see cref="PersonalData.EraseAsync"/>).</summary>
    private static async Task<Results<NoContent, ProblemAnswer>> Erase(HttpContext http, PersonalData data, CancellationToken ct) =>
        (await data.EraseAsync(http.User.UserId(), ct)).ToHttp(_ => TypedResults.NoContent());
}
