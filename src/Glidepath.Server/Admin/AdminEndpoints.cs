using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Admin;

public sealed record AdminUserDto(Guid Id, string Email, bool EmailConfirmed, bool MfaEnabled, DateTimeOffset? LockedOutUntil, IReadOnlyList<string> Roles);

public sealed record RolesRequest(IReadOnlyList<string>? Roles);

public sealed record RotatedKeyDto(string KeyId, IReadOnlyList<string> PublishedKeyIds);

/// <summary>
/// <c>/api/admin</c>: users and roles, unlocking, signing-key rotation. Admin role with a second
/// factor; changing roles and rotating keys also need a step-up. No financial data is reachable here,
/// and an admin reaches households only like any other user (their own).
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("/users", Users);
        admin.MapPut("/users/{userId:guid}/roles", SetRoles).RequireStepUp();
        admin.MapPost("/users/{userId:guid}/unlock", Unlock);
        admin.MapPost("/signing-keys/rotate", Rotate).RequireStepUp();
        return api;
    }

    private static async Task<Ok<List<AdminUserDto>>> Users(GlidepathDbContext db, CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return TypedResults.Ok(users.Select(u => new AdminUserDto(
            u.Id, u.Email ?? "", u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)])).ToList());
    }

    private static async Task<Results<Ok<AdminUserDto>, NotFoundProblem, ValidationProblem>> SetRoles(
        Guid userId, RolesRequest request, HttpContext http, UserManager<GlidepathUser> users, AuditLog audit, CancellationToken ct)
    {
        if (request.Roles?.Any(r => r is null) == true)
        {
            return ValidationErrors.Single("roles", "A role in the list is null.");
        }

        var wanted = (request.Roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Append(Roles.User).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return ValidationErrors.Single("roles", $"'{unknown}' is not a role; roles are {string.Join(", ", Roles.All)}.");
        }

        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return new NotFoundProblem(AuthErrorCodes.UserNotFound, $"User {userId} does not exist.");
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal));
        await audit.WriteAsync(AuditEvents.RolesChanged, user.Id, detail: string.Join(' ', wanted.Order(StringComparer.Ordinal)), actorId: http.User.UserId(), ct: ct);
        return TypedResults.Ok(new AdminUserDto(user.Id, user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled, user.LockoutEnd, [.. wanted.Order(StringComparer.Ordinal)]));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> Unlock(Guid userId, UserManager<GlidepathUser> users)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return new NotFoundProblem(AuthErrorCodes.UserNotFound, $"User {userId} does not exist.");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RotatedKeyDto>> Rotate(SigningKeyRing ring, HttpContext http, AuditLog audit, CancellationToken ct)
    {
        var id = ring.Rotate();
        await audit.WriteAsync(AuditEvents.SigningKeyRotated, null, detail: id, actorId: http.User.UserId(), ct: ct);
        return TypedResults.Ok(new RotatedKeyDto(id, [.. ring.All.Select(k => k.KeyId)]));
    }
}
