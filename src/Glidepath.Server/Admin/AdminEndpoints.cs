using Glidepath.Application.Users;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Admin;

public sealed record RotatedKeyDto(string KeyId, IReadOnlyList<string> PublishedKeyIds);

/// <summary>
/// <c>/api/admin</c>: users and roles, unlocking (onto <see cref="UserAdministration"/>), signing-key rotation. Admin role with a second
/// factor; changing roles and rotating keys also need a step-up. No financial data is reachable here,
/// and an admin reaches households only like any other user (their own).
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("/users", Users);
        admin.MapPut("/users/{userId:guid}/roles", SetRoles).RequireStepUp().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status400BadRequest);
        admin.MapPost("/users/{userId:guid}/unlock", Unlock).ProducesProblems(StatusCodes.Status404NotFound);
        admin.MapPost("/signing-keys/rotate", Rotate).RequireStepUp();
        return api;
    }

    private static async Task<Ok<List<AdminUserDto>>> Users(UserAdministration accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(ct));

    private static async Task<Results<Ok<AdminUserDto>, ProblemAnswer>> SetRoles(
        Guid userId, RolesRequest request, HttpContext http, UserAdministration accounts, CancellationToken ct) =>
        (await accounts.SetRolesAsync(userId, request, http.User.UserId(), ct)).ToHttp(v => TypedResults.Ok(v));

    private static async Task<Results<NoContent, ProblemAnswer>> Unlock(Guid userId, UserAdministration accounts) =>
        (await accounts.UnlockAsync(userId)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Ok<RotatedKeyDto>> Rotate(SigningKeyRing ring, HttpContext http, AuditLog audit, CancellationToken ct)
    {
        var id = ring.Rotate();
        await audit.WriteAsync(AuditEvents.SigningKeyRotated, null, detail: id, actorId: http.User.UserId(), ct: ct);
        return TypedResults.Ok(new RotatedKeyDto(id, [.. ring.All.Select(k => k.KeyId)]));
    }
}
