using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Valuation;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Ledger;

/// <summary>
/// A ledger write whose transactions only move cash (deposits, withdrawals, dividends, interest and fees naming no
/// instrument) without a replay: such a transaction never fails and changes nothing in the replay but its
/// account's cash, at any date. So the cached balance moves by its amount, and every stored valuation day from its
/// trade date on moves by the same amount in the account's currency (days the series did not reach yet copy its
/// last day first). Same figures as the replay (decimal sums are exact; <c>ValuationReadModelPropertyTest</c> checks
/// it against a rebuild). Declines, having changed nothing, when the read model is not current, the write reaches
/// before the household's first trade, or an account has no cached balance: the caller then replays.
/// </summary>
internal sealed class CashOnlyWrite(GlidepathDbContext db)
{
    /// <summary>
    /// Inside the caller's transaction, holding the household lock, after the transactions were inserted;
    /// <paramref name="accounts"/> holds (at least) the written transactions' accounts. A write dated today costs
    /// about ten round trips to the database, so each query here is one the answer needs.
    /// </summary>
    public async Task<bool> TryApplyAsync(
        Guid householdId, IReadOnlyList<Transaction> written, IReadOnlyDictionary<Guid, Account> accounts, CancellationToken cancellationToken)
    {
        if (!written.All(t => t.InstrumentId is null && CashSign(t.Type) != 0 && TransactionValidator.Validate(t).Count == 0))
        {
            return false;
        }

        // The ledger refuses an FX rate other than 1 in the account's own currency: let the replay say so.
        if (written.Any(t => t.Currency == accounts[t.AccountId].BaseCurrency && t.FxRate != 1m))
        {
            return false;
        }

        var state = await LockStateAsync(householdId, cancellationToken);
        if (state is not { StaleFrom: null, LastDate: { } last, LastTradeDate: { } lastTrade })
        {
            return false;
        }

        // The household's first trade bounds the series' start; a write on or after its last trade is past it without asking.
        var from = written.Min(t => t.TradeDate);
        if (from < lastTrade && (await FirstTradeAsync(householdId, written, cancellationToken) is not { } firstTrade || from < firstTrade))
        {
            return false;
        }

        var accountIds = written.Select(t => t.AccountId).Distinct().ToList();
        var balances = await db.CashBalances.AsNoTracking().Where(c => accountIds.Contains(c.AccountId)).ToListAsync(cancellationToken);
        if (balances.Count != accountIds.Count || balances.Any(b => b.Currency != accounts[b.AccountId].BaseCurrency))
        {
            return false;
        }

        foreach (var balance in balances)
        {
            var amount = balance.Amount;
            foreach (var t in written.Where(t => t.AccountId == balance.AccountId))
            {
                amount += Cash(t);
            }

            await db.CashBalances.Where(c => c.AccountId == balance.AccountId && c.Currency == balance.Currency)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Amount, amount), cancellationToken);
        }

        var newLast = written.Max(t => t.TradeDate) is var latest && latest > last ? latest : last;
        await ShiftDaysAsync(householdId, written, accounts, from < last ? from : last, last, newLast, cancellationToken);
        await ShiftAccountDaysAsync(householdId, written, accounts, from < last ? from : last, last, newLast, cancellationToken);
        await db.ValuationSeriesStates.Where(s => s.HouseholdId == householdId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.LastDate, (DateOnly?)newLast)
            .SetProperty(s => s.LastTradeDate, (DateOnly?)(latest > lastTrade ? latest : lastTrade))
            .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
        return true;
    }

    /// <summary>
    /// Reads the household's series state holding its row lock, as a projection does, so a price writer's stale mark
    /// lands after this commit: one <c>SELECT … FOR UPDATE</c> on PostgreSQL; SQLite's transaction already holds the
    /// database's only write lock (the household lock took it).
    /// </summary>
    private async Task<ValuationSeriesState?> LockStateAsync(Guid householdId, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            var locked = await db.ValuationSeriesStates
                .FromSql($"SELECT * FROM valuation_series_states WHERE household_id = {householdId} FOR UPDATE")
                .AsNoTracking().ToListAsync(cancellationToken);
            return locked.SingleOrDefault();
        }

        return await db.ValuationSeriesStates.AsNoTracking().FirstOrDefaultAsync(s => s.HouseholdId == householdId, cancellationToken);
    }

    /// <summary>The earliest trade date of the household's other transactions, null when it has none.</summary>
    private Task<DateOnly?> FirstTradeAsync(Guid householdId, IReadOnlyList<Transaction> written, CancellationToken cancellationToken)
    {
        var writtenIds = written.Select(t => t.Id).ToList();
        return db.Transactions
            .Where(t => !writtenIds.Contains(t.Id) && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .MinAsync(t => (DateOnly?)t.TradeDate, cancellationToken);
    }

    /// <summary>Rewrites the days from <paramref name="start"/> to <paramref name="newLast"/>: stored subtotals (a later day copies <paramref name="last"/>) plus the cash moved by then.</summary>
    private async Task ShiftDaysAsync(
        Guid householdId, IReadOnlyList<Transaction> written, IReadOnlyDictionary<Guid, Account> accounts, DateOnly start, DateOnly last, DateOnly newLast, CancellationToken cancellationToken)
    {
        var stored = (await db.ValuationDays.AsNoTracking().Where(d => d.HouseholdId == householdId && d.Date >= start).ToListAsync(cancellationToken))
            .GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.ToList());
        var gaps = await db.ValuationGaps.AsNoTracking().Where(g => g.HouseholdId == householdId && g.Date >= start)
            .ToDictionaryAsync(g => g.Date, g => g.InstrumentId, cancellationToken);
        var moves = written.Select(t => (t.TradeDate, Currency: accounts[t.AccountId].BaseCurrency, Amount: Cash(t))).OrderBy(m => m.TradeDate).ToList();
        var days = new List<ValuationDayRow>();
        var newGaps = new List<ValuationGapRow>();
        var amounts = new Dictionary<Currency, decimal>();
        for (var dayNumber = start.DayNumber; dayNumber <= newLast.DayNumber; dayNumber++)
        {
            var day = DateOnly.FromDayNumber(dayNumber);
            var source = day <= last ? day : last;
            if (gaps.TryGetValue(source, out var instrumentId))
            {
                // A day that cannot be valued stays one (a later day repeats the last day's gap).
                if (day > last)
                {
                    newGaps.Add(new ValuationGapRow(householdId, day, instrumentId));
                }

                continue;
            }

            amounts.Clear();
            foreach (var row in stored.GetValueOrDefault(source) ?? [])
            {
                amounts[row.Currency] = row.Amount;
            }

            foreach (var move in moves.TakeWhile(m => m.TradeDate <= day))
            {
                amounts[move.Currency] = amounts.GetValueOrDefault(move.Currency) + move.Amount;
            }

            days.AddRange(amounts.Where(a => a.Value != 0m).Select(a => new ValuationDayRow(householdId, day, a.Key, a.Value)));
        }

        await db.ValuationDays.Where(d => d.HouseholdId == householdId && d.Date >= start).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, days, cancellationToken);
        await BulkInsert.InsertAsync(db, newGaps, cancellationToken);
    }

    /// <summary>
    /// The same for each account's own rows: a written account's days from <paramref name="start"/> are rewritten, moved by
    /// its cash; every other account only gains the days past <paramref name="last"/>, copies of that day (its stored days
    /// do not change, so a backdated deposit rewrites one account's ten years, not every account's).
    /// </summary>
    private async Task ShiftAccountDaysAsync(
        Guid householdId, IReadOnlyList<Transaction> written, IReadOnlyDictionary<Guid, Account> accounts, DateOnly start, DateOnly last, DateOnly newLast, CancellationToken cancellationToken)
    {
        var writtenAccounts = written.Select(t => t.AccountId).Distinct().ToList();
        var stored = (await db.AccountValuationDays.AsNoTracking()
                .Where(d => d.HouseholdId == householdId && d.Date >= start && (writtenAccounts.Contains(d.AccountId) || d.Date == last))
                .ToListAsync(cancellationToken))
            .ToLookup(d => (d.AccountId, d.Date));
        var gaps = await db.AccountValuationGaps.AsNoTracking()
            .Where(g => g.HouseholdId == householdId && g.Date >= start && (writtenAccounts.Contains(g.AccountId) || g.Date == last))
            .ToDictionaryAsync(g => (g.AccountId, g.Date), g => g.InstrumentId, cancellationToken);
        var accountIds = stored.Select(g => g.Key.AccountId).Concat(gaps.Keys.Select(k => k.AccountId)).Concat(writtenAccounts).Distinct().ToList();
        var days = new List<AccountValuationDayRow>();
        var newGaps = new List<AccountValuationGapRow>();
        var amounts = new Dictionary<Currency, decimal>();
        foreach (var accountId in accountIds)
        {
            var moves = written.Where(t => t.AccountId == accountId).OrderBy(t => t.TradeDate).ToList();
            var first = moves.Count > 0 ? start : last.AddDays(1);
            for (var dayNumber = first.DayNumber; dayNumber <= newLast.DayNumber; dayNumber++)
            {
                var day = DateOnly.FromDayNumber(dayNumber);
                var source = day <= last ? day : last;
                if (gaps.TryGetValue((accountId, source), out var instrumentId))
                {
                    if (day > last)
                    {
                        newGaps.Add(new AccountValuationGapRow(householdId, accountId, day, instrumentId));
                    }

                    continue;
                }

                amounts.Clear();
                foreach (var row in stored[(accountId, source)])
                {
                    amounts[row.Currency] = row.Amount;
                }

                foreach (var move in moves.TakeWhile(m => m.TradeDate <= day))
                {
                    var currency = accounts[accountId].BaseCurrency;
                    amounts[currency] = amounts.GetValueOrDefault(currency) + Cash(move);
                }

                days.AddRange(amounts.Where(a => a.Value != 0m).Select(a => new AccountValuationDayRow(householdId, accountId, day, a.Key, a.Value)));
            }
        }

        await db.AccountValuationDays.Where(d => d.HouseholdId == householdId && d.Date >= start && writtenAccounts.Contains(d.AccountId)).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, days, cancellationToken);
        await BulkInsert.InsertAsync(db, newGaps, cancellationToken);
    }

    /// <summary>What the replay adds to the account's cash: amount × FX, in for deposits and income, out for withdrawals and fees.</summary>
    private static decimal Cash(Transaction t) => CashSign(t.Type) > 0 ? t.Amount * t.FxRate : -t.Amount * t.FxRate;

    private static int CashSign(TransactionType type) => type switch
    {
        TransactionType.Deposit or TransactionType.Dividend or TransactionType.Interest => 1,
        TransactionType.Withdrawal or TransactionType.Fee => -1,
        _ => 0,
    };
}
