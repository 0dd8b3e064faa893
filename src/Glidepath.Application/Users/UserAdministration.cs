using Glidepath.Application.Audit;
using Glidepath.Application.Errors;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Users;

public sealed record AdminUserDto(Guid Id, string Email, bool EmailConfirmed, bool MfaEnabled, DateTimeOffset? LockedOutUntil, IReadOnlyList<string> Roles);

public sealed record RolesRequest(IReadOnlyList<string>? Roles);

/// <summary>An administrator's view of the accounts: who exists, their roles, unlocking. No financial data is reachable here.</summary>
public sealed class UserAdministration(UserManager<GlidepathUser> users, GlidepathDbContext db, AuditLog audit)
{
    public async Task<List<AdminUserDto>> ListAsync(CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return [.. accounts.Select(u => new AdminUserDto(
            u.Id, u.Email ?? "", u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Sets the user's roles to <paramref name="request"/>'s (the user role always stays), audited as done by <paramref name="actorId"/>.</summary>
    public async Task<Result<AdminUserDto>> SetRolesAsync(Guid userId, RolesRequest request, Guid actorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Roles?.Any(r => r is null) == true)
        {
            return Problem.Invalid("roles", "A role in the list is null.");
        }

        var wanted = (request.Roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Append(Roles.User).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return Problem.Invalid("roles", $"'{unknown}' is not a role; roles are {string.Join(", ", Roles.All)}.");
        }

        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return UserNotFound(userId);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal));
        await audit.WriteAsync(AuditEvents.RolesChanged, user.Id, detail: string.Join(' ', wanted.Order(StringComparer.Ordinal)), actorId: actorId, ct: ct);
        return new AdminUserDto(user.Id, user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled, user.LockoutEnd, [.. wanted.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Ends a lockout and forgets the failed attempts.</summary>
    public async Task<Result<Guid>> UnlockAsync(Guid userId)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return UserNotFound(userId);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return user.Id;
    }

    private static Problem UserNotFound(Guid userId) => Problem.NotFound(AuthErrorCodes.UserNotFound, $"User {userId} does not exist.");
}
