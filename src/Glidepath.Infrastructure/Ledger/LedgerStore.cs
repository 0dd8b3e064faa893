using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Valuation;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Ledger;

/// <summary>
/// The write path of the ledger and the reads of its cached state. Every write runs in one
/// database transaction: insert, replay the household's whole history with <see cref="LedgerBuilder"/>
/// (a write that only moves cash skips the replay: <see cref="CashOnlyWrite"/>),
/// and either replace the cached lots/positions/cash/gains/wash sales or roll everything back and
/// return the ledger's errors. The cache therefore always equals a rebuild from history. The replay
/// applies the wash-sale rule across all the household's accounts with its table of substantially
/// identical securities (<see cref="OptionsAsync"/>).
/// </summary>
public sealed class LedgerStore(GlidepathDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly LedgerCache _cache = new(db);
    private readonly ValuationProjector _valuations = new(db);
    private readonly CashOnlyWrite _cashOnly = new(db);

    /// <summary>Adds one transaction; see <see cref="AddTransactionsAsync"/>.</summary>
    public Task<Result<int>> AddTransactionAsync(Transaction transaction, CancellationToken cancellationToken = default) =>
        AddTransactionsAsync([transaction], cancellationToken);

    /// <summary>
    /// Adds the transactions (any accounts, any households) all or nothing. Errors — unknown account
    /// or instrument, a repeated external id, or a history the ledger refuses — come back as values
    /// and leave the database and the context's tracked transactions as they were.
    /// </summary>
    public async Task<Result<int>> AddTransactionsAsync(IReadOnlyCollection<Transaction> transactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0)
        {
            return 0;
        }

        await using var scope = await LedgerTransaction.BeginAsync(db, cancellationToken);
        var accountIds = transactions.Select(t => t.AccountId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var households = accounts.ToDictionary(a => a.Key, a => a.Value.HouseholdId);
        foreach (var householdId in households.Values.Distinct().Order())
        {
            await LockHouseholdAsync(householdId, cancellationToken);
        }

        var errors = new List<LedgerError>();
        errors.AddRange(transactions.Where(t => !households.ContainsKey(t.AccountId)).Select(t =>
            new LedgerError(t.Id, LedgerErrorCodes.UnknownAccount, $"Account {t.AccountId} does not exist.")));
        errors.AddRange(await UnknownInstrumentsAsync(transactions, households, cancellationToken));
        errors.AddRange(await DuplicateExternalIdsAsync(transactions, cancellationToken));
        if (errors.Count > 0)
        {
            return Refusal(errors);
        }

        db.Transactions.AddRange(transactions);
        // transaction.created rides on the same save and transaction (docs/webhooks.md).
        var now = _clock.GetUtcNow();
        var events = transactions.Select(t => OutboxRows.Add(db, households[t.AccountId], EventTypes.TransactionCreated, TransactionCreated.From(t), now)).ToList();
        await db.SaveChangesAsync(cancellationToken);
        foreach (var householdId in households.Values.Distinct())
        {
            var written = transactions.Where(t => households[t.AccountId] == householdId).ToList();
            if (!await _cashOnly.TryApplyAsync(householdId, written, accounts, cancellationToken))
            {
                errors.AddRange(await ReplayIntoCacheAsync(householdId, written.Min(t => t.TradeDate), cancellationToken));
            }
        }

        if (errors.Count > 0)
        {
            await scope.RollbackAsync(cancellationToken);
            foreach (var t in transactions)
            {
                db.Entry(t).State = EntityState.Detached;
            }

            foreach (var e in events)
            {
                db.Entry(e).State = EntityState.Detached;
            }

            return Refusal(errors);
        }

        await scope.CommitAsync(cancellationToken);
        return transactions.Count;
    }

    /// <summary>
    /// Replaces stored transactions by <paramref name="edited"/> (matched by id; their account may change
    /// within the household) and deletes <paramref name="deleted"/>, all or nothing, then replays the
    /// household as <see cref="AddTransactionsAsync"/> does. The caller checks that every id belongs to
    /// <paramref name="householdId"/>. A history the ledger refuses (a sell of lots the edit removed)
    /// rolls everything back and comes back as errors.
    /// </summary>
    public async Task<Result<int>> ChangeTransactionsAsync(
        Guid householdId, IReadOnlyCollection<Transaction> edited, IReadOnlyCollection<Guid> deleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edited);
        ArgumentNullException.ThrowIfNull(deleted);
        await using var scope = await LedgerTransaction.BeginAsync(db, cancellationToken);
        await LockHouseholdAsync(householdId, cancellationToken);
        var ids = edited.Select(t => t.Id).Concat(deleted).Distinct().ToList();
        var stored = await db.Transactions.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var errors = new List<LedgerError>();
        errors.AddRange(ids.Where(id => !stored.ContainsKey(id)).Select(id =>
            new LedgerError(id, LedgerStoreErrorCodes.UnknownTransaction, $"Transaction {id} does not exist.")));
        // Accounts outside the household are refused just below; the instruments are checked as if in it.
        var asInHousehold = edited.Select(t => t.AccountId).Distinct().ToDictionary(a => a, _ => householdId);
        errors.AddRange(await UnknownInstrumentsAsync(edited, asInHousehold, cancellationToken));
        var newAccounts = edited.Select(t => t.AccountId).Distinct().ToList();
        var inHousehold = await db.Accounts.Where(a => newAccounts.Contains(a.Id) && a.HouseholdId == householdId).Select(a => a.Id).ToListAsync(cancellationToken);
        errors.AddRange(edited.Where(t => !inHousehold.Contains(t.AccountId)).Select(t =>
            new LedgerError(t.Id, LedgerErrorCodes.UnknownAccount, $"Account {t.AccountId} does not exist.")));
        if (errors.Count > 0)
        {
            return Refusal(errors);
        }

        // The series changes from the earliest date touched: an edit's old or new trade date, or a deletion's.
        var changedFrom = stored.Values.Select(t => t.TradeDate).Concat(edited.Select(t => t.TradeDate)).DefaultIfEmpty(DateOnly.MaxValue).Min();
        foreach (var t in edited)
        {
            db.Entry(stored[t.Id]).CurrentValues.SetValues(t);
        }

        db.Transactions.RemoveRange(deleted.Select(id => stored[id]));
        await db.SaveChangesAsync(cancellationToken);
        errors.AddRange(await ReplayIntoCacheAsync(householdId, changedFrom, cancellationToken));
        if (errors.Count > 0)
        {
            await scope.RollbackAsync(cancellationToken);
            foreach (var t in stored.Values)
            {
                db.Entry(t).State = EntityState.Detached;
            }

            return Refusal(errors);
        }

        await scope.CommitAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// What the ledger would do with <paramref name="candidate"/> (not stored): the household's history
    /// with it added (or, when its id is stored, in place of the stored one), replayed. Reads only.
    /// </summary>
    public async Task<Result<LedgerState>> PreviewAsync(Guid householdId, Transaction candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var (accounts, history) = await LoadHistoryAsync(householdId, asOf: null, cancellationToken);
        history.RemoveAll(t => t.Id == candidate.Id);
        history.Add(candidate);
        var options = await OptionsAsync(householdId, candidate.InstrumentId is { } id ? [id] : [], cancellationToken);
        return LedgerBuilder.Build(accounts, history, options, DateOnly.MaxValue);
    }

    /// <summary>Recomputes the household's cache from its history (e.g. after a ledger rule changed).</summary>
    public async Task<Result<int>> RebuildAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        await using var scope = await LedgerTransaction.BeginAsync(db, cancellationToken);
        if (!await db.Households.AnyAsync(h => h.Id == householdId, cancellationToken))
        {
            return Problem.NotFound(LedgerStoreErrorCodes.UnknownHousehold, $"Household {householdId} does not exist.");
        }

        await LockHouseholdAsync(householdId, cancellationToken);
        var errors = await ReplayIntoCacheAsync(householdId, DateOnly.MinValue, cancellationToken);
        if (errors.Count > 0)
        {
            await scope.RollbackAsync(cancellationToken);
            return Refusal(errors);
        }

        await scope.CommitAsync(cancellationToken);
        return 0;
    }

    /// <summary>The cached state: lots, positions, cash, realised gains and wash-sale matches, in the builder's order.</summary>
    public Task<LedgerState> GetStateAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        _cache.ReadAsync(householdId, cancellationToken);

    public Task<IReadOnlyList<Position>> GetPositionsAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        _cache.ReadPositionsAsync(householdId, cancellationToken);

    public Task<IReadOnlyList<TaxLot>> GetLotsAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        _cache.ReadLotsAsync(householdId, cancellationToken);

    public Task<IReadOnlyList<WashSaleAdjustment>> GetWashSalesAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        _cache.ReadWashSalesAsync(householdId, cancellationToken);

    public Task<IReadOnlyList<CashBalance>> GetCashAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        _cache.ReadCashAsync(householdId, cancellationToken);

    /// <summary>Realised gains with a sale date in [from, to] (either bound optional).</summary>
    public Task<IReadOnlyList<RealisedGain>> GetRealisedGainsAsync(
        Guid householdId, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) =>
        _cache.ReadRealisedGainsAsync(householdId, from, to, cancellationToken);

    /// <summary>
    /// The state at the close of <paramref name="asOf"/>, replayed from history (the cache only
    /// holds today's state). Reads only; a stored history always replays, so errors mean a bug.
    /// </summary>
    public async Task<Result<LedgerState>> ReplayAsOfAsync(Guid householdId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var (accounts, history) = await LoadHistoryAsync(householdId, asOf, cancellationToken);
        return LedgerBuilder.Build(accounts, history, await OptionsAsync(householdId, cancellationToken), asOf);
    }

    /// <summary>
    /// Replays the household inside the caller's transaction and, if the history holds, replaces
    /// its cache.
    /// </summary>
    /// <param name="changedFrom">The first trade date the write touched (the valuation read model is recomputed from it); null: none.</param>
    internal async Task<IReadOnlyList<LedgerError>> ReplayIntoCacheAsync(Guid householdId, DateOnly? changedFrom, CancellationToken cancellationToken)
    {
        var (accounts, history) = await LoadHistoryAsync(householdId, asOf: null, cancellationToken);
        return await ReplayIntoCacheAsync(householdId, accounts, history, changedFrom, cancellationToken);
    }

    /// <summary>
    /// The same with a history the caller holds already: the importer loads the stored history once
    /// under the household lock and adds the rows it wrote, instead of reading them back.
    /// </summary>
    internal async Task<IReadOnlyList<LedgerError>> ReplayIntoCacheAsync(
        Guid householdId, IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> history, DateOnly? changedFrom, CancellationToken cancellationToken)
    {
        var result = LedgerBuilder.Build(accounts, history, await OptionsAsync(householdId, cancellationToken), DateOnly.MaxValue);
        if (!result.TryGet(out var state, out var problem))
        {
            return problem.Errors();
        }

        await ReplaceCacheAsync(householdId, state, accounts, history, changedFrom, cancellationToken);
        return [];
    }

    /// <summary>
    /// Replaces the household's cache with a state replayed by the caller from <paramref name="history"/>, and
    /// brings the valuation read model up to date from <paramref name="changedFrom"/>, inside the caller's transaction.
    /// </summary>
    internal async Task ReplaceCacheAsync(
        Guid householdId, LedgerState state, IReadOnlyList<Account> accounts, IReadOnlyList<Transaction> history, DateOnly? changedFrom, CancellationToken cancellationToken)
    {
        await _cache.ReplaceAsync(householdId, state, cancellationToken);
        if (changedFrom is { } from)
        {
            await _valuations.MarkStaleAsync(householdId, from, cancellationToken);
        }

        await _valuations.ProjectAsync(householdId, accounts, history, cancellationToken);
    }

    /// <summary>A refused write: a conflict when every error is a repeated external id (a retry), else the ledger's refusal.</summary>
    private static Problem Refusal(IReadOnlyList<LedgerError> errors) =>
        errors.All(e => e.Code == LedgerStoreErrorCodes.DuplicateExternalId)
            ? Problem.Conflict(LedgerStoreErrorCodes.DuplicateExternalId, errors[0].Message) with
            {
                Items = [.. errors.Select(e => new ProblemReason(e.Code, e.Message, TransactionId: e.TransactionId))],
            }
            : LedgerProblems.From(errors);

    /// <summary>The household's accounts and stored history (no tracking).</summary>
    internal Task<(List<Account> Accounts, List<Transaction> History)> LoadHistoryAsync(Guid householdId, CancellationToken cancellationToken) =>
        LoadHistoryAsync(householdId, asOf: null, cancellationToken);

    /// <summary>
    /// Serialises writers of one household: a no-op UPDATE takes the row lock on PostgreSQL and the
    /// write lock on SQLite before anything is read, so two concurrent writes cannot both replay a
    /// history that lacks the other's rows. Version is left alone: a ledger write is not an edit.
    /// </summary>
    internal Task LockHouseholdAsync(Guid householdId, CancellationToken cancellationToken) =>
        db.Households.Where(h => h.Id == householdId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, h => h.Version), cancellationToken);

    /// <summary>
    /// The household's wash-sale options: the instruments it has traded (those sharing an ISIN are
    /// substantially identical) and the pairs it marked. The rule spans all its accounts.
    /// </summary>
    public Task<LedgerOptions> OptionsAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        OptionsAsync(householdId, alsoTraded: [], cancellationToken);

    /// <summary>The same, counting <paramref name="alsoTraded"/> as traded: instruments of rows not yet written (an import replays while it writes).</summary>
    internal async Task<LedgerOptions> OptionsAsync(Guid householdId, IReadOnlyCollection<Guid> alsoTraded, CancellationToken cancellationToken)
    {
        var instruments = await db.Instruments.AsNoTracking()
            .Where(i => i.Isin != null
                && (alsoTraded.Contains(i.Id) || db.Transactions.Any(t => t.InstrumentId == i.Id && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))))
            .ToListAsync(cancellationToken);
        var pairs = await db.IdenticalPairs.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(cancellationToken);
        return new LedgerOptions(instruments, [.. pairs.Select(p => p.ToPair())]);
    }

    private async Task<(List<Account> Accounts, List<Transaction> History)> LoadHistoryAsync(
        Guid householdId, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(cancellationToken);
        var history = await db.Transactions.AsNoTracking()
            .Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .Where(t => asOf == null || t.TradeDate <= asOf)
            .ToListAsync(cancellationToken);
        return (accounts, history);
    }

    /// <summary>A transaction may name a shared instrument or one private to its own household; another household's is unknown.</summary>
    private async Task<IEnumerable<LedgerError>> UnknownInstrumentsAsync(
        IReadOnlyCollection<Transaction> transactions, Dictionary<Guid, Guid> households, CancellationToken cancellationToken)
    {
        var named = transactions.Where(t => t.InstrumentId is not null).Select(t => t.InstrumentId!.Value).Distinct().ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var owners = await db.Instruments.Where(i => named.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.HouseholdId, cancellationToken);
        bool Usable(Transaction t, Guid id) =>
            owners.TryGetValue(id, out var owner) && (owner is null || (households.TryGetValue(t.AccountId, out var household) && owner == household));
        return transactions.Where(t => t.InstrumentId is { } id && !Usable(t, id)).Select(t =>
            new LedgerError(t.Id, LedgerStoreErrorCodes.UnknownInstrument, $"Instrument {t.InstrumentId} does not exist."));
    }

    private async Task<IEnumerable<LedgerError>> DuplicateExternalIdsAsync(IReadOnlyCollection<Transaction> transactions, CancellationToken cancellationToken)
    {
        var errors = new List<LedgerError>();
        foreach (var account in transactions.Where(t => t.ExternalId is not null).GroupBy(t => t.AccountId))
        {
            var ids = account.Select(t => t.ExternalId!).ToList();
            var stored = (await db.Transactions.Where(t => t.AccountId == account.Key && ids.Contains(t.ExternalId!))
                .Select(t => t.ExternalId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            errors.AddRange(account.Where(t => stored.Contains(t.ExternalId!) || !seen.Add(t.ExternalId!)).Select(t =>
                new LedgerError(t.Id, LedgerStoreErrorCodes.DuplicateExternalId, $"Account {t.AccountId} already has external id '{t.ExternalId}'.")));
        }

        return errors;
    }
}
