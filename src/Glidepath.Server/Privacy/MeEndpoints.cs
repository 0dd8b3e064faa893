using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Auth.Sessions;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Privacy;

public sealed record MeDto(Guid Id, string Email, bool EmailConfirmed, bool MfaEnabled, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Households);

/// <summary>
/// <c>/api/me</c>: the signed-in user's profile, MFA management, the privacy export
/// (<c>GET /api/me/export</c>) and account erasure (<c>DELETE /api/me</c>); both privacy routes need a step-up.
/// </summary>
public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("/", Get);
        me.MapGet("/export", PrivacyExport.ExportAsync).RequireStepUp();
        me.MapDelete("/", AccountErasure.EraseAsync).RequireStepUp();
        me.MapMfaEndpoints();
        me.MapSessionEndpoints();
        return me;
    }

    /// <summary>The token is valid but its user was erased meanwhile.</summary>
    public static NotFoundProblem Gone() => new(AuthErrorCodes.UserNotFound, "This account no longer exists.");

    private static async Task<Results<Ok<MeDto>, NotFoundProblem>> Get(HttpContext http, UserManager<GlidepathUser> users, GlidepathDbContext db, CancellationToken ct)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Gone();
        }

        var households = await HouseholdScope.VisibleHouseholdIds(db, http.User).ToListAsync(ct);
        return TypedResults.Ok(new MeDto(user.Id, user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled, [.. await users.GetRolesAsync(user)], households));
    }
}
