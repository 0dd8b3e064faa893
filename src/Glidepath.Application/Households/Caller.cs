using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Application.Households;

/// <summary>
/// Who asks, as far as the use cases need to know: the user, and whether their advisor grants count
/// (an advisor signed in with a second factor). The front door decides both from its own sign-in.
/// </summary>
public sealed record Caller(Guid UserId, bool SeesAdvisorGrants)
{
    /// <summary>The households this caller may see: the ones they own and, for an advisor, those granted and not revoked.</summary>
    public IQueryable<Guid> VisibleHouseholdIds(GlidepathDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var owned = db.HouseholdOwners.Where(o => o.UserId == UserId).Select(o => o.HouseholdId);
        return SeesAdvisorGrants
            ? owned.Union(db.AdvisorGrants.Where(g => g.AdvisorId == UserId && g.RevokedUtc == null).Select(g => g.HouseholdId))
            : owned;
    }
}
