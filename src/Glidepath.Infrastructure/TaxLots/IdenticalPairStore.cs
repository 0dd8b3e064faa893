using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.TaxLots;

/// <summary>
/// The household's table of substantially identical pairs. The table changes which losses are wash
/// sales, so every edit replays the household's ledger in the same database transaction: the cache
/// never disagrees with the table.
/// </summary>
public sealed class IdenticalPairStore(GlidepathDbContext db, LedgerStore ledger)
{
    public async Task<IReadOnlyList<HouseholdIdenticalPair>> ListAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        (await db.IdenticalPairs.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(cancellationToken))
            .OrderBy(p => p.CreatedUtc).ThenBy(p => p.Id).ToList();

    /// <summary>Marks two instruments identical (stored smaller id first); refuses the same instrument twice, unknown instruments and a repeated pair.</summary>
    public async Task<Result<HouseholdIdenticalPair>> AddAsync(
        Guid householdId, Guid first, Guid second, DateTimeOffset nowUtc, CancellationToken cancellationToken = default)
    {
        if (first == second)
        {
            return new Problem(ProblemKind.Invalid, TaxStoreErrorCodes.SameInstrument, "An instrument is always identical to itself; name two different instruments.") { Field = "secondInstrumentId" };
        }

        (first, second) = first.CompareTo(second) < 0 ? (first, second) : (second, first);
        var known = await db.Instruments.UsableBy(householdId).CountAsync(i => i.Id == first || i.Id == second, cancellationToken);
        if (known != 2)
        {
            return Problem.NotFound(LedgerStoreErrorCodes.UnknownInstrument, "Both instruments must exist.");
        }

        await using var scope = await LedgerTransaction.BeginAsync(db, cancellationToken);
        await ledger.LockHouseholdAsync(householdId, cancellationToken);
        if (await db.IdenticalPairs.AnyAsync(p => p.HouseholdId == householdId && p.FirstInstrumentId == first && p.SecondInstrumentId == second, cancellationToken))
        {
            return Problem.Conflict(TaxStoreErrorCodes.DuplicatePair, "The household already marks these two instruments identical.");
        }

        var pair = new HouseholdIdenticalPair { HouseholdId = householdId, FirstInstrumentId = first, SecondInstrumentId = second, CreatedUtc = nowUtc };
        db.IdenticalPairs.Add(pair);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(pair).State = EntityState.Detached;
        return await ReplayAndCommitAsync(householdId, scope, pair, cancellationToken);
    }

    /// <summary>Removes the pair (<c>identical-pair-not-found</c> when the household has no such pair).</summary>
    public async Task<Result<HouseholdIdenticalPair>> RemoveAsync(Guid householdId, Guid pairId, CancellationToken cancellationToken = default)
    {
        await using var scope = await LedgerTransaction.BeginAsync(db, cancellationToken);
        await ledger.LockHouseholdAsync(householdId, cancellationToken);
        var pair = await db.IdenticalPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId && p.HouseholdId == householdId, cancellationToken);
        if (pair is null)
        {
            return Problem.NotFound(TaxStoreErrorCodes.PairNotFound, $"Pair {pairId} does not exist in this household.");
        }

        await db.IdenticalPairs.Where(p => p.Id == pairId).ExecuteDeleteAsync(cancellationToken);
        return await ReplayAndCommitAsync(householdId, scope, pair, cancellationToken);
    }

    private async Task<Result<HouseholdIdenticalPair>> ReplayAndCommitAsync(
        Guid householdId, LedgerTransaction scope, HouseholdIdenticalPair pair, CancellationToken cancellationToken)
    {
        // Wash sales never make a stored history impossible; an error here means a bug, and nothing is kept.
        var errors = await ledger.ReplayIntoCacheAsync(householdId, changedFrom: null, cancellationToken);
        if (errors.Count > 0)
        {
            await scope.RollbackAsync(cancellationToken);
            return Problem.Conflict(errors[0].Code, errors[0].Message);
        }

        await scope.CommitAsync(cancellationToken);
        return pair;
    }
}
