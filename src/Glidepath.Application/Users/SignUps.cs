using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Application.Users;

/// <summary>A new account: the user, the user role and a household of their own, in one transaction (sign-up with a password or through a provider).</summary>
public sealed class SignUps(UserManager<GlidepathUser> users, GlidepathDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The user (with <paramref name="password"/>, or none for an account signed up through a provider, then
    /// with that <paramref name="login"/>), the user role and a household of their own, in one transaction.
    /// Identity's own result says why a user was refused (a taken e-mail address, a weak password).
    /// </summary>
    public async Task<(Guid HouseholdId, IdentityResult Result)> CreateAsync(GlidepathUser user, string? password, UserLoginInfo? login, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var household = new Household { Name = "My household", CreatedUtc = clock.GetUtcNow() };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (created.Succeeded && login is not null)
        {
            created = await users.AddLoginAsync(user, login);
        }

        if (!created.Succeeded)
        {
            return (Guid.Empty, created);
        }

        await users.AddToRoleAsync(user, Roles.User);
        db.Households.Add(household);
        db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = household.Id, UserId = user.Id });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (household.Id, created);
    }
}
