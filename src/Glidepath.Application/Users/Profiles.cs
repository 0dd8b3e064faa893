using Glidepath.Application.Errors;
using Glidepath.Application.Households;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Users;

public sealed record MeDto(Guid Id, string Email, bool EmailConfirmed, bool MfaEnabled, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Households);

/// <summary>The signed-in user's own profile: e-mail, second factor, roles and the households they see.</summary>
public sealed class Profiles(UserManager<GlidepathUser> users, GlidepathDbContext db)
{
    /// <summary>The caller's account was erased while their token was still valid.</summary>
    public static Problem Gone() => Problem.NotFound(AuthErrorCodes.UserNotFound, "This account no longer exists.");

    public async Task<Result<MeDto>> GetAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await users.FindByIdAsync(caller.UserId.ToString()) is not { } user)
        {
            return Gone();
        }

        var households = await caller.VisibleHouseholdIds(db).ToListAsync(ct);
        return new MeDto(user.Id, user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled, [.. await users.GetRolesAsync(user)], households);
    }
}
