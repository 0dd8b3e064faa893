using Glidepath.Domain.Households;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Transactions;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Valuation;

/// <summary>
/// Keeps the daily valuation read model (valuation_days, valuation_gaps, and per account account_valuation_days and
/// account_valuation_gaps) equal to what the ledger replay
/// computes. Writers mark a household stale from the first day they change (<see cref="MarkStaleAsync"/>,
/// <see cref="MarkInstrumentStaleAsync"/>) in their own database transaction; ledger writes then project
/// at once (<see cref="ProjectAsync(Guid, IReadOnlyList{Account}, IReadOnlyList{Transaction}, CancellationToken)"/>),
/// price imports leave it to the next read (<see cref="EnsureCurrentAsync"/>), which projects just the
/// stale days under the household lock before answering. A read is therefore never answered from stale rows.
/// </summary>
public sealed class ValuationProjector(GlidepathDbContext db)
{
    /// <summary>Marks the household's rows from <paramref name="from"/> on as stale (no-op when never projected: all is stale then).</summary>
    public Task MarkStaleAsync(Guid householdId, DateOnly from, CancellationToken cancellationToken) =>
        db.ValuationSeriesStates.Where(s => s.HouseholdId == householdId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StaleFrom, s => s.StaleFrom == null || s.StaleFrom > from ? from : s.StaleFrom).SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);

    /// <summary>A close of <paramref name="instrumentId"/> on <paramref name="from"/> changed: every household that traded it is stale from then.</summary>
    public Task MarkInstrumentStaleAsync(Guid instrumentId, DateOnly from, CancellationToken cancellationToken) =>
        db.ValuationSeriesStates
            .Where(s => db.Transactions.Any(t => t.InstrumentId == instrumentId && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == s.HouseholdId)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StaleFrom, s => s.StaleFrom == null || s.StaleFrom > from ? from : s.StaleFrom).SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);

    /// <summary>
    /// Brings the household's rows up to date if they are stale, in a transaction of its own under the household
    /// lock. Returns the state (null when the household does not exist).
    /// </summary>
    public async Task<ValuationSeriesState?> EnsureCurrentAsync(Guid householdId, CancellationToken cancellationToken)
    {
        var state = await db.ValuationSeriesStates.AsNoTracking().FirstOrDefaultAsync(s => s.HouseholdId == householdId, cancellationToken);
        if (state is { StaleFrom: null })
        {
            return state;
        }

        await using var scope = await LedgerTransaction.BeginAsync(db, cancellationToken);
        var locked = await db.Households.Where(h => h.Id == householdId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, h => h.Version), cancellationToken);
        if (locked == 0)
        {
            return null;
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(cancellationToken);
        var history = await db.Transactions.AsNoTracking()
            .Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(cancellationToken);
        state = await ProjectAsync(householdId, accounts, history, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return state;
    }

    /// <summary>Recomputes the household's whole series from its history (the rebuild command).</summary>
    public async Task<bool> RebuildAsync(Guid householdId, CancellationToken cancellationToken)
    {
        // Stale from the first day rather than deleted: the row keeps its version, so no read cache sees an old number again.
        await MarkStaleAsync(householdId, DateOnly.MinValue, cancellationToken);
        return await EnsureCurrentAsync(householdId, cancellationToken) is not null;
    }

    /// <summary>
    /// Inside the caller's transaction, holding the household lock, with its accounts and whole stored history:
    /// recomputes the stale days (all of them when never projected), from the first stale day to the last trade
    /// or close, and marks the household current.
    /// </summary>
    internal async Task<ValuationSeriesState> ProjectAsync(
        Guid householdId, IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> history, CancellationToken cancellationToken)
    {
        // Row-lock the state first (a no-op UPDATE): a price writer's stale mark then waits for this commit and
        // lands after it, instead of being overwritten by the "current" this projection writes (PostgreSQL;
        // SQLite has one writer at a time anyway).
        await db.ValuationSeriesStates.Where(s => s.HouseholdId == householdId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StaleFrom, s => s.StaleFrom), cancellationToken);
        var state = await db.ValuationSeriesStates.FirstOrDefaultAsync(s => s.HouseholdId == householdId, cancellationToken);
        if (state is { StaleFrom: null })
        {
            db.Entry(state).State = EntityState.Detached;
            return state;
        }

        if (state is null)
        {
            state = new ValuationSeriesState { HouseholdId = householdId };
            db.ValuationSeriesStates.Add(state);
        }

        var firstTrade = history.Count == 0 ? (DateOnly?)null : history.Min(t => t.TradeDate);
        // Never projected: everything. Otherwise from the stale day, but never past the old last day + 1 (no hole).
        var from = state.StaleFrom is { } stale && state.LastDate is { } last
            ? (stale.DayNumber <= last.DayNumber + 1 ? stale : last.AddDays(1))
            : DateOnly.MinValue;
        await db.ValuationDays.Where(d => d.HouseholdId == householdId && d.Date >= from).ExecuteDeleteAsync(cancellationToken);
        await db.ValuationGaps.Where(g => g.HouseholdId == householdId && g.Date >= from).ExecuteDeleteAsync(cancellationToken);
        await db.AccountValuationDays.Where(d => d.HouseholdId == householdId && d.Date >= from).ExecuteDeleteAsync(cancellationToken);
        await db.AccountValuationGaps.Where(g => g.HouseholdId == householdId && g.Date >= from).ExecuteDeleteAsync(cancellationToken);

        state.LastTradeDate = history.Count == 0 ? null : history.Max(t => t.TradeDate);
        if (firstTrade is null)
        {
            state.LastDate = null;
        }
        else
        {
            var ids = history.Where(t => t.InstrumentId is not null).Select(t => t.InstrumentId!.Value).Distinct().ToList();
            var lastTrade = history.Max(t => t.TradeDate);
            var lastClose = (await db.Instruments.Where(i => ids.Contains(i.Id))
                .Select(i => db.Prices.Where(p => p.InstrumentId == i.Id).Max(p => (DateOnly?)p.Date))
                .ToListAsync(cancellationToken)).Max();
            var to = lastClose is { } c && c > lastTrade ? c : lastTrade;
            var start = from < firstTrade.Value ? firstTrade.Value : from;
            state.LastDate = to;
            if (start <= to)
            {
                var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
                var closes = await ClosesFromAsync(ids, start, cancellationToken);
                var days = ValuationDaysCalculator.Compute(accounts, history, instruments, new PriceBook(closes, []), start, to);
                await BulkInsert.InsertAsync(db, days.Subtotals.Select(s => new ValuationDayRow(householdId, s.Date, s.Currency, s.Amount)).ToList(), cancellationToken);
                await BulkInsert.InsertAsync(db, days.Gaps.Select(g => new ValuationGapRow(householdId, g.Date, g.InstrumentId)).ToList(), cancellationToken);
                await BulkInsert.InsertAsync(db, days.AccountSubtotals.Select(s => new AccountValuationDayRow(householdId, s.AccountId, s.Date, s.Currency, s.Amount)).ToList(), cancellationToken);
                await BulkInsert.InsertAsync(db, days.AccountGaps.Select(g => new AccountValuationGapRow(householdId, g.AccountId, g.Date, g.InstrumentId)).ToList(), cancellationToken);
            }
        }

        state.StaleFrom = null;
        state.Version++;
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(state).State = EntityState.Detached;
        return state;
    }

    /// <summary>The closes from <paramref name="from"/> on, and the last one before it of each instrument (an index seek each).</summary>
    private async Task<List<PriceClose>> ClosesFromAsync(List<Guid> ids, DateOnly from, CancellationToken cancellationToken)
    {
        var closes = await db.Prices.AsNoTracking().Where(p => ids.Contains(p.InstrumentId) && p.Date >= from).ToListAsync(cancellationToken);
        closes.AddRange(await LatestCloses.OnOrBeforeAsync(db, ids, from.AddDays(-1), cancellationToken));
        return closes;
    }
}
