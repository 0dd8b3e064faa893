using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>
/// After closes are stored (a refresh, a price PUT), tells every household that holds one of the
/// instruments (has a transaction in it) that its prices, and so its alerts, changed. Telling is
/// best effort: a closed connection must not undo or fail the write that came before it.
/// </summary>
public sealed class PriceUpdates(GlidepathDbContext db, IHouseholdNotifier notifier)
{
    public async Task StoredAsync(IReadOnlyCollection<Guid> instrumentIds, DateOnly asOf, CancellationToken ct)
    {
        if (instrumentIds.Count == 0)
        {
            return;
        }

        var ids = instrumentIds.ToList();
        var households = await db.Accounts.AsNoTracking()
            .Where(a => db.Transactions.Any(t => t.AccountId == a.Id && t.InstrumentId != null && ids.Contains(t.InstrumentId.Value)))
            .Select(a => a.HouseholdId)
            .Distinct()
            .ToListAsync(ct);
        if (households.Count == 0)
        {
            return;
        }

        await notifier.PricesUpdatedAsync(households, asOf, ct);
        await notifier.AlertsChangedAsync(households, ct);
    }
}

/// <summary>The notifier where no one listens (the CLI); the server replaces it with its hub's.</summary>
public sealed class NoHouseholdNotifier : IHouseholdNotifier
{
    public Task PricesUpdatedAsync(IReadOnlyCollection<Guid> householdIds, DateOnly asOf, CancellationToken ct) => Task.CompletedTask;

    public Task AlertsChangedAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct) => Task.CompletedTask;
}
