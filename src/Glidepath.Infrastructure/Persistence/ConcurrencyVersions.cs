using Glidepath.Domain.Goals;
using Glidepath.Domain.Households;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Portfolios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Optimistic concurrency that works the same on SQLite and PostgreSQL: <c>Version</c> is a
/// concurrency token, and every save of a modified household or account increments it, so the
/// UPDATE carries <c>WHERE version = @original</c> and a stale writer gets
/// <see cref="DbUpdateConcurrencyException"/>. To check a client's version (e.g. from If-Match),
/// set <c>entry.Property(a => a.Version).OriginalValue</c> to it before saving.
/// </summary>
internal static class ConcurrencyVersions
{
    public static void Bump(ChangeTracker changeTracker)
    {
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Household household:
                    household.Version = entry.Property(nameof(Household.Version)).OriginalValue is long h ? h + 1 : household.Version + 1;
                    break;
                case Account account:
                    account.Version = entry.Property(nameof(Account.Version)).OriginalValue is long a ? a + 1 : account.Version + 1;
                    break;
                case Plan plan:
                    plan.Version = entry.Property(nameof(Plan.Version)).OriginalValue is long p ? p + 1 : plan.Version + 1;
                    break;
                case ManualAsset manual:
                    manual.Version = entry.Property(nameof(ManualAsset.Version)).OriginalValue is long v ? v + 1 : manual.Version + 1;
                    break;
                case Goal goal:
                    goal.Version = entry.Property(nameof(Goal.Version)).OriginalValue is long g ? g + 1 : goal.Version + 1;
                    break;
                case ModelPortfolio model:
                    model.Version = entry.Property(nameof(ModelPortfolio.Version)).OriginalValue is long m ? m + 1 : model.Version + 1;
                    break;
            }
        }
    }
}
