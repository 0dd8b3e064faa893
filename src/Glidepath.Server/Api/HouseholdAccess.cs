using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Api;

/// <summary>
/// The one household access check that <see cref="HouseholdScope"/> and <see cref="AccountScope"/> both
/// call: today "the household exists"; the auth issue's ownership check goes here, so it covers
/// household routes and account routes alike.
/// </summary>
public static class HouseholdAccess
{
    public static Task<bool> AllowsAsync(HttpContext context, Guid householdId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.RequestServices.GetRequiredService<GlidepathDbContext>();
        return db.Households.AnyAsync(h => h.Id == householdId, context.RequestAborted);
    }
}
