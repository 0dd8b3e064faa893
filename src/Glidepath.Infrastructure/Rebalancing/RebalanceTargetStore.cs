using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Valuation;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Rebalancing;

/// <summary>
/// Replaces a household's targets (or one account's) with a stored model portfolio's class weights, in one
/// transaction (docs/rebalancing.md, "Targets from a model portfolio").
/// </summary>
public sealed class RebalanceTargetStore(GlidepathDbContext db)
{
    /// <summary>No instrument to buy for a class the model weights: none named, none held, none kept from the old targets.</summary>
    public const string NoInstrumentForClass = "no-instrument-for-class";

    /// <summary>
    /// One class target per model allocation with a weight, plus a 0-weight target for each other class the
    /// scope holds (except cash), so the model is the whole portfolio. A class target buys, in order: the
    /// instrument named in <paramref name="buyInstruments"/>; the one the replaced target of that class bought;
    /// the scope's held instrument of the class with the largest value at its latest close on or before
    /// <paramref name="asOf"/>. The old targets of the scope (<paramref name="accountId"/>, null: household-wide) go.
    /// </summary>
    public async Task<Result<List<RebalanceTarget>>> ReplaceFromModelAsync(
        Guid householdId,
        ModelPortfolio model,
        Guid? accountId,
        decimal absoluteBand,
        decimal relativeBand,
        IReadOnlyDictionary<AssetClass, Guid> buyInstruments,
        DateOnly asOf,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(buyInstruments);
        var old = await db.RebalanceTargets.Where(t => t.HouseholdId == householdId && t.AccountId == accountId).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.HouseholdId == householdId && (accountId == null || a.Id == accountId)).Select(a => a.Id).ToListAsync(ct);
        var positions = (await db.Positions.AsNoTracking().Where(p => accounts.Contains(p.AccountId)).ToListAsync(ct))
            .Where(p => p.Quantity > 0m).GroupBy(p => p.InstrumentId).ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));
        var heldIds = positions.Keys.ToList();
        var held = await db.Instruments.AsNoTracking().Where(i => heldIds.Contains(i.Id)).ToListAsync(ct);
        var closes = (await LatestCloses.OnOrBeforeAsync(db, heldIds, asOf, ct)).ToDictionary(c => c.InstrumentId, c => c.Close);

        Guid? BuyFor(AssetClass assetClass) =>
            buyInstruments.TryGetValue(assetClass, out var named) ? named
            : old.Find(t => t.AssetClass == assetClass && t.BuyInstrumentId is not null)?.BuyInstrumentId
            ?? held.Where(i => i.AssetClass == assetClass)
                .OrderByDescending(i => positions[i.Id] * closes.GetValueOrDefault(i.Id)).ThenBy(i => i.Id)
                .Select(i => (Guid?)i.Id).FirstOrDefault();

        var weighted = model.Allocations.Where(a => a.Weight > 0m).ToList();
        var missing = weighted.Where(a => BuyFor(a.AssetClass) is null).Select(a => a.AssetClass).ToList();
        if (missing.Count > 0)
        {
            return Problem.Refused(
                NoInstrumentForClass,
                $"No instrument to buy for {string.Join(", ", missing)}: {(accountId is null ? "the household holds" : "the account holds")} none of {(missing.Count == 1 ? "that class" : "these classes")}; name one in buyInstrumentIds.");
        }

        var zero = held.Select(i => i.AssetClass).Distinct()
            .Where(c => c != AssetClass.Cash && weighted.TrueForAll(a => a.AssetClass != c)).Order();
        var targets = weighted.Select(a => (a.AssetClass, a.Weight, Buy: BuyFor(a.AssetClass)))
            .Concat(zero.Select(c => (AssetClass: c, Weight: 0m, Buy: (Guid?)null)))
            .Select(t => new RebalanceTarget
            {
                HouseholdId = householdId,
                AccountId = accountId,
                AssetClass = t.AssetClass,
                Weight = t.Weight,
                AbsoluteBand = absoluteBand,
                RelativeBand = relativeBand,
                BuyInstrumentId = t.Buy,
            }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.RebalanceTargets.RemoveRange(old);
        db.RebalanceTargets.AddRange(targets);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return targets;
    }
}
