using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Demo;

/// <summary>
/// The demo household's owner, so the seeded data stays reachable: sign in with
/// <see cref="Email"/> / <see cref="Password"/> (documented in README and docs/security.md). Only
/// created where demo seeding is on; switch seeding off (Glidepath:SeedDemoData=false) for a real install.
/// </summary>
public static class DemoUser
{
    public const string Email = "demo@glidepath.local";
    public const string Password = "glidepath demo household";

    /// <summary>Creates the demo user as owner of the demo household when the household exists and has no owner.</summary>
    public static async Task EnsureAsync(IServiceProvider services, Guid? seededHouseholdId, CancellationToken ct)
    {
        var db = services.GetRequiredService<GlidepathDbContext>();
        var users = services.GetRequiredService<UserManager<GlidepathUser>>();
        if (await users.FindByEmailAsync(Email) is not null)
        {
            return;
        }

        var householdId = seededHouseholdId ?? await db.Households
            .Where(h => h.Name == DemoHousehold.Name && !db.HouseholdOwners.Any(o => o.HouseholdId == h.Id))
            .Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        if (householdId is not { } id)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new GlidepathUser { Id = Guid.NewGuid(), UserName = Email, Email = Email, EmailConfirmed = true, CreatedUtc = services.GetRequiredService<TimeProvider>().GetUtcNow() };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo user: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(user, Roles.User);
        db.HouseholdOwners.Add(new HouseholdOwner { HouseholdId = id, UserId = user.Id });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
