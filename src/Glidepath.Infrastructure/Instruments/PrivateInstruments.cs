using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Instruments;

public static class PrivateInstruments
{
    /// <summary>
    /// Deletes the households' private instruments (their prices cascade) and every row naming them,
    /// all of which belong to those households. Call before deleting the households: the instruments
    /// would cascade with them, but SQLite checks the RESTRICT keys pointing at an instrument (lots,
    /// positions, targets…) as it goes, before the household's other cascades have removed those rows.
    /// The transactions naming them must be gone already.
    /// </summary>
    public static async Task DeleteOfHouseholdsAsync(GlidepathDbContext db, IReadOnlyCollection<Guid> householdIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Instruments.Where(i => i.HouseholdId != null && householdIds.Contains(i.HouseholdId.Value)).Select(i => i.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }

        await db.TaxLots.Where(l => ids.Contains(l.InstrumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Positions.Where(p => ids.Contains(p.InstrumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.RealisedGains.Where(g => ids.Contains(g.InstrumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.WashSaleAdjustments.Where(w => ids.Contains(w.SoldInstrumentId) || ids.Contains(w.ReplacementInstrumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Orders.Where(o => ids.Contains(o.InstrumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.RebalanceTargets.Where(t => (t.InstrumentId != null && ids.Contains(t.InstrumentId.Value)) || (t.BuyInstrumentId != null && ids.Contains(t.BuyInstrumentId.Value)))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Replacements.Where(r => ids.Contains(r.InstrumentId) || ids.Contains(r.ReplacementId)).ExecuteDeleteAsync(cancellationToken);
        await db.IdenticalPairs.Where(p => ids.Contains(p.FirstInstrumentId) || ids.Contains(p.SecondInstrumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Instruments.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
