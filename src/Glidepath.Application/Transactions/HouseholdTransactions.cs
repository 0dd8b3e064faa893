using Glidepath.Application.Accounts;
using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Transactions;

/// <summary>A filter of a household's transactions and the page of it to read (pages count from 1).</summary>
public sealed record TransactionQuery(Guid? AccountId = null, DateOnly? From = null, DateOnly? To = null, int? Page = null, int? PageSize = null);

public sealed record TransactionList(IReadOnlyList<Transaction> Items, int Page, int PageSize, int TotalCount);

/// <summary>Reads of a household's transaction history (booking and editing replay the ledger and live beside the server's endpoints).</summary>
public sealed class HouseholdTransactions(GlidepathDbContext db)
{
    private const int DefaultPageSize = 100;

    /// <summary>Newest first (then by id, so pages are stable); filtered by account and by trade-date range.</summary>
    public async Task<Result<TransactionList>> ListAsync(Guid householdId, TransactionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = (query.Page ?? 1, query.PageSize ?? DefaultPageSize);
        var errors = new InputChecks().CheckPage(page, size);
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        if (query.AccountId is { } id && !await db.Accounts.AnyAsync(a => a.Id == id && a.HouseholdId == householdId, ct))
        {
            return HouseholdAccounts.NotFound(id);
        }

        var (accountId, from, to) = (query.AccountId, query.From, query.To);
        var matching = db.Transactions.AsNoTracking()
            .Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .Where(t => accountId == null || t.AccountId == accountId)
            .Where(t => from == null || t.TradeDate >= from)
            .Where(t => to == null || t.TradeDate <= to);
        var total = await matching.CountAsync(ct);
        var items = await matching.OrderByDescending(t => t.TradeDate).ThenBy(t => t.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new TransactionList(items, page, size, total);
    }

    public async Task<Result<Transaction>> GetAsync(Guid householdId, Guid transactionId, CancellationToken ct) =>
        await db.Transactions.AsNoTracking()
            .Where(t => t.Id == transactionId && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .FirstOrDefaultAsync(ct) is { } transaction
            ? transaction
            : Problem.NotFound(ErrorCodes.TransactionNotFound, $"Transaction {transactionId} is not in this household.");
}
