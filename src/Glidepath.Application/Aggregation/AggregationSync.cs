using Glidepath.Application.Errors;
using Glidepath.Domain.Aggregation;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Aggregation;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Glidepath.Application.Aggregation;

/// <summary>What one scheduled run did: connections looked at, synced, failed, and skipped because they need a re-link.</summary>
public sealed record AggregationSyncRun(int Connections, int Synced, int Failed, int NeedRelink);

/// <summary>
/// Syncs a connection (docs/aggregation.md, "Sync"): reads every <c>transactions/sync</c> page after the stored cursor
/// (until <c>has_more</c> is false; restarting from the stored cursor when Plaid reports a mutation during pagination),
/// folds the pages into the final state of each transaction, and then, in one database transaction, books (and
/// categorises) the added ones, edits the modified ones and deletes the removed ones (matched by the external id <c>plaid:{id}</c>),
/// and saves the new cursor and the health. The holdings of investment accounts are compared with the ledger's
/// positions. Any error stores nothing but the connection's health.
/// </summary>
public sealed class AggregationSync(
    GlidepathDbContext db, IAggregationProvider provider, LedgerStore ledger, TimeProvider clock, IOptions<PlaidOptions> options, ILogger<AggregationSync> logger)
{
    /// <summary>Pages one sync reads at most (500 transactions each): a runaway feed stops with an error instead of looping.</summary>
    public const int MaxPages = 1000;

    private const int MaxRestarts = 3;

    /// <summary>Every connection that does not need a re-link (the <c>aggregation-sync</c> job).</summary>
    public async Task<AggregationSyncRun> SyncAllAsync(CancellationToken ct)
    {
        var connections = await db.AggregationConnections.AsNoTracking().Select(c => new { c.Id, c.HouseholdId, c.NeedsRelink }).ToListAsync(ct);
        var (synced, failed) = (0, 0);
        foreach (var c in connections.Where(c => !c.NeedsRelink))
        {
            db.ChangeTracker.Clear();
            if ((await SyncAsync(c.HouseholdId, c.Id, ct)).Succeeded)
            {
                synced++;
            }
            else
            {
                failed++;
            }
        }

        return new AggregationSyncRun(connections.Count, synced, failed, connections.Count(c => c.NeedsRelink));
    }

    public async Task<Result<SyncResultDto>> SyncAsync(Guid householdId, Guid connectionId, CancellationToken ct)
    {
        var connection = await db.AggregationConnections.Include(c => c.Accounts).FirstOrDefaultAsync(c => c.Id == connectionId && c.HouseholdId == householdId, ct);
        if (connection is null)
        {
            return HouseholdConnections.NotFound(connectionId);
        }

        var now = clock.GetUtcNow();
        Feed feed;
        IReadOnlyList<ProviderHolding>? holdings;
        try
        {
            feed = await ReadFeedAsync(connection, ct);
            holdings = connection.Accounts.Any(a => a.Type == "investment") ? await HoldingsAsync(connection.AccessToken, ct) : null;
        }
        catch (AggregationException e)
        {
            return await FailAsync(connectionId, e.ErrorCode, e.Message, e.NeedsRelink, now, HouseholdConnections.ProviderProblem(e), ct);
        }

        var links = connection.Accounts.ToDictionary(a => a.ProviderAccountId, StringComparer.Ordinal);
        var accountIds = links.Values.Select(l => l.AccountId).ToList();
        var currencies = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.BaseCurrency, ct);
        var keys = feed.Final.Keys.Select(AggregatedTransactions.ExternalId).ToList();
        var stored = keys.Count == 0 ? [] : await db.Transactions.AsNoTracking()
            .Where(t => accountIds.Contains(t.AccountId) && keys.Contains(t.ExternalId!)).ToDictionaryAsync(t => t.ExternalId!, StringComparer.Ordinal, ct);

        var (added, edited, deleted, skipped) = (new List<Transaction>(), new List<Transaction>(), new List<Guid>(), 0);
        foreach (var (id, change) in feed.Final)
        {
            var earlier = stored.GetValueOrDefault(AggregatedTransactions.ExternalId(id));
            var booking = change is not null && links.TryGetValue(change.AccountId, out var link) && currencies.TryGetValue(link.AccountId, out var currency)
                ? ToLedger(change, link.AccountId, currency) : null;
            if (booking is null)
            {
                // Removed, pending, zero, another currency or an unmapped account: what was booked for it goes.
                if (earlier is not null)
                {
                    deleted.Add(earlier.Id);
                }
                else
                {
                    skipped++;
                }
            }
            else if (earlier is null)
            {
                added.Add(booking);
            }
            else if (Same(earlier, booking))
            {
                skipped++;
            }
            else
            {
                booking.Id = earlier.Id;
                edited.Add(booking);
            }
        }

        var differences = holdings is null ? null : await CompareHoldingsAsync(householdId, connection, holdings, ct);
        var write = await WriteAsync(householdId, added, edited, deleted, ct);
        if (write is not null)
        {
            return await FailAsync(connectionId, write.Code, write.Message, false, now, Problem.Refused(ErrorCodes.AggregationLedgerRefused, "The ledger refused the synced changes: " + write.Message, write.Items), ct);
        }

        connection.Cursor = feed.Cursor;
        connection.LastSyncUtc = now;
        connection.LastAttemptUtc = now;
        connection.LastErrorCode = null;
        connection.LastErrorMessage = null;
        connection.NeedsRelink = false;
        connection.HoldingDifferences = differences?.Count;
        await db.SaveChangesAsync(ct);
        if (db.Database.CurrentTransaction is { } open)
        {
            await open.CommitAsync(ct);
            await open.DisposeAsync();
        }

        return new SyncResultDto(connection.Id, feed.Pages, added.Count, edited.Count, deleted.Count, skipped, differences ?? [], ConnectionDto.From(connection));
    }

    /// <summary>Books, edits and deletes in one open database transaction (left open for the cursor's save); a refusal rolls it back.</summary>
    private async Task<Problem?> WriteAsync(Guid householdId, List<Transaction> added, List<Transaction> edited, List<Guid> deleted, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        Problem? refused = null;
        if (edited.Count > 0 || deleted.Count > 0)
        {
            refused = (await ledger.ChangeTransactionsAsync(householdId, edited, deleted, ct)).Problem;
        }

        if (refused is null && added.Count > 0)
        {
            refused = (await ledger.AddTransactionsAsync(added, ct)).Problem;
        }

        // Synced rows are categorised as imported ones are (docs/categories.md): rules, the payee dictionary, the learned model.
        if (refused is null && added.Count > 0)
        {
            await new ImportCategoriser(db).CategoriseAsync(householdId, added, _ => null, _ => [], ct);
        }

        if (refused is not null)
        {
            await transaction.RollbackAsync(ct);
            await transaction.DisposeAsync();
        }

        return refused;
    }

    /// <summary>Stores only the health: a fresh read of the connection after whatever was tracked is dropped.</summary>
    private async Task<Result<SyncResultDto>> FailAsync(Guid connectionId, string code, string message, bool relink, DateTimeOffset now, Problem problem, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        logger.LogWarning("Aggregation sync of connection {ConnectionId} failed: {ErrorCode}", connectionId, code);
        var connection = await db.AggregationConnections.FirstAsync(c => c.Id == connectionId, ct);
        connection.LastAttemptUtc = now;
        connection.LastErrorCode = Clip(code, 100);
        connection.LastErrorMessage = Clip(message, 500);
        connection.NeedsRelink = relink;
        await db.SaveChangesAsync(ct);
        return problem;
    }

    private async Task<Feed> ReadFeedAsync(AggregationConnection connection, CancellationToken ct)
    {
        for (var restart = 0; ; restart++)
        {
            var final = new Dictionary<string, ProviderTransaction?>(StringComparer.Ordinal);
            var cursor = connection.Cursor;
            try
            {
                for (var pages = 1; ; pages++)
                {
                    var page = await provider.SyncTransactionsAsync(connection.AccessToken, cursor, Math.Clamp(options.Value.PageSize, 1, 500), ct);
                    foreach (var t in page.Added.Concat(page.Modified))
                    {
                        final[t.TransactionId] = t;
                    }

                    foreach (var id in page.Removed)
                    {
                        final[id] = null;
                    }

                    cursor = page.NextCursor;
                    if (!page.HasMore)
                    {
                        return new Feed(final, cursor, pages);
                    }

                    if (pages >= MaxPages)
                    {
                        throw new AggregationException("API_ERROR", "TOO_MANY_PAGES", $"The transaction feed had more than {MaxPages} pages.");
                    }
                }
            }
            catch (AggregationException e) when (e.RestartPagination && restart < MaxRestarts)
            {
                // Plaid: restart the whole pagination from the cursor the loop started with.
            }
        }
    }

    private async Task<IReadOnlyList<ProviderHolding>?> HoldingsAsync(string accessToken, CancellationToken ct)
    {
        try
        {
            return await provider.GetHoldingsAsync(accessToken, ct);
        }
        catch (AggregationException e) when (e.ErrorCode is "PRODUCTS_NOT_SUPPORTED" or "NO_INVESTMENT_ACCOUNTS" or "PRODUCT_NOT_READY" or "NO_INVESTMENT_AUTH_ACCOUNTS")
        {
            return null;
        }
    }

    /// <summary>Per mapped investment account: the provider's quantity by ticker (cash securities left out) against the ledger's position by symbol.</summary>
    private async Task<List<HoldingDifferenceDto>> CompareHoldingsAsync(Guid householdId, AggregationConnection connection, IReadOnlyList<ProviderHolding> holdings, CancellationToken ct)
    {
        var positions = await ledger.GetPositionsAsync(householdId, ct);
        var instrumentIds = positions.Select(p => p.InstrumentId).Distinct().ToList();
        var symbols = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Symbol, ct);
        var differences = new List<HoldingDifferenceDto>();
        foreach (var link in connection.Accounts.Where(a => a.Type == "investment").OrderBy(a => a.ProviderAccountId, StringComparer.Ordinal))
        {
            var atProvider = holdings.Where(h => h.AccountId == link.ProviderAccountId && h.SecurityType != "cash")
                .GroupBy(h => (h.Ticker ?? h.SecurityId).ToUpperInvariant(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (Quantity: g.Sum(h => h.Quantity), Name: g.First().SecurityName), StringComparer.Ordinal);
            var inLedger = positions.Where(p => p.AccountId == link.AccountId && p.Quantity != 0m && symbols.ContainsKey(p.InstrumentId))
                .GroupBy(p => symbols[p.InstrumentId].ToUpperInvariant(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity), StringComparer.Ordinal);
            foreach (var symbol in atProvider.Keys.Union(inLedger.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var (theirs, name) = atProvider.GetValueOrDefault(symbol);
                var ours = inLedger.GetValueOrDefault(symbol);
                if (theirs != ours)
                {
                    differences.Add(new HoldingDifferenceDto(link.AccountId, link.ProviderAccountId, symbol, name, theirs, ours));
                }
            }
        }

        return differences;
    }

    private static Transaction? ToLedger(ProviderTransaction change, Guid accountId, Currency accountCurrency)
    {
        if (!AggregatedTransactions.Books(change)
            || (change.Currency is { } code && (!Currency.TryParse(code, out var currency) || currency != accountCurrency)))
        {
            return null;
        }

        return new Transaction
        {
            AccountId = accountId,
            Type = AggregatedTransactions.TypeOf(change.Amount),
            TradeDate = change.Date,
            SettlementDate = change.Date,
            Amount = Math.Abs(change.Amount),
            Currency = accountCurrency,
            ExternalId = AggregatedTransactions.ExternalId(change.TransactionId),
            Memo = AggregatedTransactions.MemoOf(change, TextLimits.Memo),
        };
    }

    private static bool Same(Transaction a, Transaction b) =>
        a.AccountId == b.AccountId && a.Type == b.Type && a.TradeDate == b.TradeDate && a.Amount == b.Amount && a.Currency == b.Currency
        && string.Equals(a.Memo, b.Memo, StringComparison.Ordinal);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>The feed folded over its pages: each transaction's last state (null: removed), the cursor after the last page, pages read.</summary>
    private sealed record Feed(Dictionary<string, ProviderTransaction?> Final, string Cursor, int Pages);
}
