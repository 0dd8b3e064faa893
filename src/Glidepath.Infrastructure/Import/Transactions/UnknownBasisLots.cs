using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Import.Transactions;

/// <summary>
/// The lots an import opened with an unknown basis (an opening lot given without cost, docs/import.md
/// "Opening lots"): the Form 8949 export marks sales of them, so a zero basis is never reported as if known.
/// </summary>
public static class UnknownBasisLots
{
    /// <summary>The ids of the household's transactions that opened such lots (a lot's id is its opening transaction's).</summary>
    public static async Task<IReadOnlySet<Guid>> OfHouseholdAsync(GlidepathDbContext db, Guid householdId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Memos may be encrypted at rest, so the zero-price buys are read and their memos compared here.
        var candidates = await db.Transactions.AsNoTracking()
            .Where(t => t.Type == TransactionType.Buy && t.Price == 0m && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .Select(t => new { t.Id, t.Memo })
            .ToListAsync(cancellationToken);
        return candidates.Where(t => t.Memo == OpeningLots.UnknownBasisMemo).Select(t => t.Id).ToHashSet();
    }
}
