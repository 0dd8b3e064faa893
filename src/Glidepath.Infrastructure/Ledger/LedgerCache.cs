using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Ledger;

/// <summary>
/// The cached ledger state of a household (tax_lots, positions, cash_balances, realised_gains,
/// wash_sale_adjustments):
/// replaced as a whole, read back in the same order <see cref="LedgerBuilder"/> produces it so that
/// a rebuild compares equal element by element.
/// </summary>
internal sealed class LedgerCache(GlidepathDbContext db)
{
    public async Task ReplaceAsync(Guid householdId, LedgerState state, CancellationToken cancellationToken)
    {
        var accounts = db.Accounts.Where(a => a.HouseholdId == householdId).Select(a => a.Id);
        await db.TaxLots.Where(l => accounts.Contains(l.AccountId)).ExecuteDeleteAsync(cancellationToken);
        await db.Positions.Where(p => accounts.Contains(p.AccountId)).ExecuteDeleteAsync(cancellationToken);
        await db.CashBalances.Where(c => accounts.Contains(c.AccountId)).ExecuteDeleteAsync(cancellationToken);
        await db.RealisedGains.Where(g => accounts.Contains(g.AccountId)).ExecuteDeleteAsync(cancellationToken);
        await db.WashSaleAdjustments.Where(w => accounts.Contains(w.SoldAccountId)).ExecuteDeleteAsync(cancellationToken);

        await BulkInsert.InsertAsync(db, state.Lots, cancellationToken);
        await BulkInsert.InsertAsync(db, state.Positions, cancellationToken);
        await BulkInsert.InsertAsync(db, state.Cash, cancellationToken);
        await BulkInsert.InsertAsync(db, state.RealisedGains, cancellationToken);
        await BulkInsert.InsertAsync(db, state.WashSales ?? [], cancellationToken);
    }

    public async Task<LedgerState> ReadAsync(Guid householdId, CancellationToken cancellationToken) => new(
        await ReadLotsAsync(householdId, cancellationToken),
        await ReadPositionsAsync(householdId, cancellationToken),
        await ReadCashAsync(householdId, cancellationToken),
        await ReadRealisedGainsAsync(householdId, from: null, to: null, cancellationToken),
        await ReadWashSalesAsync(householdId, cancellationToken));

    public async Task<IReadOnlyList<WashSaleAdjustment>> ReadWashSalesAsync(Guid householdId, CancellationToken cancellationToken) =>
        await db.WashSaleAdjustments.AsNoTracking()
            .Where(w => db.Accounts.Any(a => a.Id == w.SoldAccountId && a.HouseholdId == householdId))
            .OrderBy(w => EF.Property<long>(w, Persistence.Configurations.LedgerCacheKeys.Id))
            .ToListAsync(cancellationToken);

    // Lots and gains come back in insertion order (their surrogate key), which is the builder's order.
    public async Task<IReadOnlyList<TaxLot>> ReadLotsAsync(Guid householdId, CancellationToken cancellationToken) =>
        await db.TaxLots.AsNoTracking()
            .Where(l => db.Accounts.Any(a => a.Id == l.AccountId && a.HouseholdId == householdId))
            .OrderBy(l => EF.Property<long>(l, Persistence.Configurations.LedgerCacheKeys.Id))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RealisedGain>> ReadRealisedGainsAsync(
        Guid householdId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        await db.RealisedGains.AsNoTracking()
            .Where(g => db.Accounts.Any(a => a.Id == g.AccountId && a.HouseholdId == householdId))
            .Where(g => from == null || g.SoldDate >= from)
            .Where(g => to == null || g.SoldDate <= to)
            .OrderBy(g => EF.Property<long>(g, Persistence.Configurations.LedgerCacheKeys.Id))
            .ToListAsync(cancellationToken);

    // Guids sort differently in SQL than in .NET, so these two are ordered here, as the builder does.
    public async Task<IReadOnlyList<Position>> ReadPositionsAsync(Guid householdId, CancellationToken cancellationToken) =>
        (await db.Positions.AsNoTracking()
            .Where(p => db.Accounts.Any(a => a.Id == p.AccountId && a.HouseholdId == householdId))
            .ToListAsync(cancellationToken))
        .OrderBy(p => p.AccountId).ThenBy(p => p.InstrumentId).ToList();

    public async Task<IReadOnlyList<CashBalance>> ReadCashAsync(Guid householdId, CancellationToken cancellationToken) =>
        (await db.CashBalances.AsNoTracking()
            .Where(c => db.Accounts.Any(a => a.Id == c.AccountId && a.HouseholdId == householdId))
            .ToListAsync(cancellationToken))
        .OrderBy(c => c.AccountId).ThenBy(c => c.Currency.Code, StringComparer.Ordinal).ToList();
}
