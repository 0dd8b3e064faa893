using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.TaxSettings;

/// <summary>
/// The household's tax tables, entered by hand: substantially identical pairs (edits replay the ledger),
/// rebalance targets (by hand, one edited, or all replaced from a model portfolio), the tax profile and
/// replacement funds.
/// </summary>
public sealed class HouseholdTaxSettings(GlidepathDbContext db, IdenticalPairStore pairs, RebalanceTargetStore targets, TimeProvider clock)
{
    public async Task<IReadOnlyList<IdenticalPairDto>> ListPairsAsync(Guid householdId, CancellationToken ct) =>
        [.. (await pairs.ListAsync(householdId, ct)).Select(IdenticalPairDto.From)];

    public async Task<Result<IdenticalPairDto>> AddPairAsync(Guid householdId, IdenticalPairRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var added = await pairs.AddAsync(householdId, request.FirstInstrumentId, request.SecondInstrumentId, clock.GetUtcNow(), ct);
        return added.Problem is { Code: LedgerStoreErrorCodes.UnknownInstrument } unknown
            ? Problem.NotFound(ErrorCodes.InstrumentNotFound, unknown.Message)
            : added.Map(IdenticalPairDto.From);
    }

    public async Task<Result<IdenticalPairDto>> RemovePairAsync(Guid householdId, Guid pairId, CancellationToken ct) =>
        (await pairs.RemoveAsync(householdId, pairId, ct)).Map(IdenticalPairDto.From);

    public async Task<IReadOnlyList<RebalanceTargetDto>> ListTargetsAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.RebalanceTargets.AsNoTracking().Where(t => t.HouseholdId == householdId).ToListAsync(ct)).OrderBy(t => t.Id).Select(RebalanceTargetDto.From)];

    public async Task<Result<RebalanceTargetDto>> AddTargetAsync(Guid householdId, RebalanceTargetRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ValidateAsync(householdId, request, ct) is { Failed: true } checks)
        {
            return checks.ToProblem();
        }

        var target = new RebalanceTarget { HouseholdId = householdId };
        Apply(target, request);
        db.RebalanceTargets.Add(target);
        await db.SaveChangesAsync(ct);
        return RebalanceTargetDto.From(target);
    }

    /// <summary>Replaces one target's fields (same rules as creating one).</summary>
    public async Task<Result<RebalanceTargetDto>> UpdateTargetAsync(Guid householdId, Guid targetId, RebalanceTargetRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await db.RebalanceTargets.FirstOrDefaultAsync(t => t.Id == targetId && t.HouseholdId == householdId, ct);
        if (target is null)
        {
            return TargetNotFound(targetId);
        }

        if (await ValidateAsync(householdId, request, ct) is { Failed: true } checks)
        {
            return checks.ToProblem();
        }

        Apply(target, request);
        await db.SaveChangesAsync(ct);
        return RebalanceTargetDto.From(target);
    }

    /// <summary>The scope's targets (household-wide, or one account's) replaced by a model portfolio's weights in one transaction; answers the scope's new targets.</summary>
    public async Task<Result<IReadOnlyList<RebalanceTargetDto>>> ReplaceFromModelAsync(Guid householdId, ModelTargetsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = await db.ModelPortfolios.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.ModelPortfolioId && m.HouseholdId == householdId, ct);
        if (model is null)
        {
            return Problem.NotFound(ErrorCodes.ModelPortfolioNotFound, $"Model portfolio {request.ModelPortfolioId} is not in this household.");
        }

        var (absolute, relative) = (request.AbsoluteBand ?? 0.05m, request.RelativeBand ?? 0.25m);
        var buys = request.BuyInstrumentIds ?? new Dictionary<AssetClass, Guid>();
        var named = buys.Values.ToList();
        var classes = await db.Instruments.AsNoTracking().UsableBy(householdId).Where(i => named.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.AssetClass, ct);
        var checks = new InputChecks()
            .Check(absolute is >= 0m and <= 1m, "absoluteBand", "A band is a fraction between 0 and 1.")
            .Check(relative >= 0m, "relativeBand", "A relative band is a non-negative fraction of the weight.")
            .Check(request.AccountId is null || await db.Accounts.AnyAsync(a => a.Id == request.AccountId && a.HouseholdId == householdId, ct), "accountId", "Not an account of this household.");
        foreach (var (assetClass, instrumentId) in buys)
        {
            checks.Check(classes.TryGetValue(instrumentId, out var actual) && actual == assetClass, $"buyInstrumentIds.{assetClass}", $"Instrument {instrumentId} is not a known {assetClass} instrument.");
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var today = clock.Today();
        return (await targets.ReplaceFromModelAsync(householdId, model, request.AccountId, absolute, relative, buys, today, ct))
            .Map(replaced => (IReadOnlyList<RebalanceTargetDto>)[.. replaced.OrderBy(t => t.AssetClass).Select(RebalanceTargetDto.From)]);
    }

    public async Task<Result<Guid>> RemoveTargetAsync(Guid householdId, Guid targetId, CancellationToken ct) =>
        await db.RebalanceTargets.Where(t => t.Id == targetId && t.HouseholdId == householdId).ExecuteDeleteAsync(ct) == 1 ? targetId : TargetNotFound(targetId);

    /// <summary>The stored profile, or the defaults (version 0) before the first save.</summary>
    public async Task<TaxProfileDto> GetProfileAsync(Guid householdId, CancellationToken ct) =>
        TaxProfileDto.From(await db.TaxProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct) ?? HouseholdTaxProfile.Defaults(householdId));

    /// <summary>Creates or replaces the profile; <c>version</c> is the one read (0 before the first save; a stale one is a conflict).</summary>
    public async Task<Result<TaxProfileDto>> PutProfileAsync(Guid householdId, TaxProfileDto request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new InputChecks()
            .Check(request.ShortTermRate is >= 0m and < 1m, "shortTermRate", "A rate is a fraction between 0 and 1.")
            .Check(request.LongTermRate is >= 0m and < 1m, "longTermRate", "A rate is a fraction between 0 and 1.")
            .Check(request.HarvestMinLossFraction is >= 0m and <= 1m, "harvestMinLossFraction", "A fraction between 0 and 1.");
        foreach (var (field, value) in new[] { ("minTradeAmount", request.MinTradeAmount), ("cashBuffer", request.CashBuffer), ("costPerTrade", request.CostPerTrade), ("harvestMinLoss", request.HarvestMinLoss), ("swapBackLargeGain", request.SwapBackLargeGain) })
        {
            checks.Check(value >= 0m, field, "Must not be negative.");
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var profile = await db.TaxProfiles.FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if ((profile?.Version ?? 0) != request.Version)
        {
            return Problem.Conflict(ErrorCodes.ConcurrencyConflict, $"The tax profile is at version {profile?.Version ?? 0}, not {request.Version}.");
        }

        if (profile is null)
        {
            profile = new HouseholdTaxProfile { HouseholdId = householdId };
            db.TaxProfiles.Add(profile);
        }
        else
        {
            profile.Version++;
        }

        (profile.ShortTermRate, profile.LongTermRate, profile.MinTradeAmount, profile.CashBuffer, profile.CostPerTrade) =
            (request.ShortTermRate, request.LongTermRate, request.MinTradeAmount, request.CashBuffer, request.CostPerTrade);
        (profile.HarvestMinLoss, profile.HarvestMinLossFraction, profile.SwapBackLargeGain) = (request.HarvestMinLoss, request.HarvestMinLossFraction, request.SwapBackLargeGain);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save changed (or created) the profile first.
            return Problem.Conflict(ErrorCodes.ConcurrencyConflict, "The tax profile changed meanwhile; read it again.");
        }

        return TaxProfileDto.From(profile);
    }

    public async Task<IReadOnlyList<ReplacementDto>> ListReplacementsAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.Replacements.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(ct)).OrderBy(r => r.Rank).ThenBy(r => r.Id).Select(ReplacementDto.From)];

    public async Task<Result<ReplacementDto>> AddReplacementAsync(Guid householdId, ReplacementRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var known = await db.Instruments.UsableBy(householdId).CountAsync(i => i.Id == request.InstrumentId || i.Id == request.ReplacementId, ct);
        var identical = (await pairs.ListAsync(householdId, ct)).Any(p =>
            (p.FirstInstrumentId == request.InstrumentId && p.SecondInstrumentId == request.ReplacementId)
            || (p.FirstInstrumentId == request.ReplacementId && p.SecondInstrumentId == request.InstrumentId));
        var checks = new InputChecks()
            .Check(request.InstrumentId != request.ReplacementId, "replacementId", "A replacement must be a different instrument.")
            .Check(request.InstrumentId == request.ReplacementId || known == 2, "instrumentId", "Both instruments must exist.")
            .Check(!identical, "replacementId", "The household marks these two substantially identical; buying it would be a wash sale.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (await db.Replacements.AnyAsync(r => r.HouseholdId == householdId && r.InstrumentId == request.InstrumentId && r.ReplacementId == request.ReplacementId, ct))
        {
            return Problem.Conflict(ErrorCodes.Conflict, "The table already has this replacement.");
        }

        var row = new HouseholdReplacement { HouseholdId = householdId, InstrumentId = request.InstrumentId, ReplacementId = request.ReplacementId, Rank = request.Rank };
        db.Replacements.Add(row);
        await db.SaveChangesAsync(ct);
        return ReplacementDto.From(row);
    }

    public async Task<Result<Guid>> RemoveReplacementAsync(Guid householdId, Guid replacementId, CancellationToken ct) =>
        await db.Replacements.Where(r => r.Id == replacementId && r.HouseholdId == householdId).ExecuteDeleteAsync(ct) == 1
            ? replacementId
            : Problem.NotFound(ErrorCodes.ReplacementNotFound, $"Replacement {replacementId} does not exist.");

    private async Task<InputChecks> ValidateAsync(Guid householdId, RebalanceTargetRequest request, CancellationToken ct)
    {
        var named = new[] { request.InstrumentId, request.BuyInstrumentId }.OfType<Guid>().ToList();
        var known = await db.Instruments.UsableBy(householdId).Where(i => named.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        return new InputChecks()
            .Check((request.InstrumentId is null) != (request.AssetClass is null), "instrumentId", "Give exactly one of instrumentId and assetClass.")
            .Check(request.AssetClass is null || Enum.IsDefined(request.AssetClass.Value), "assetClass", "Unknown asset class.")
            .Check(request.Weight is >= 0m and <= 1m, "weight", "A weight is a fraction between 0 and 1.")
            .Check(request.AbsoluteBand is >= 0m and <= 1m, "absoluteBand", "A band is a fraction between 0 and 1.")
            .Check(request.RelativeBand >= 0m, "relativeBand", "A relative band is a non-negative fraction of the weight.")
            .Check(named.All(known.Contains), "instrumentId", "Unknown instrument.")
            .Check(request.AccountId is null || await db.Accounts.AnyAsync(a => a.Id == request.AccountId && a.HouseholdId == householdId, ct), "accountId", "Not an account of this household.");
    }

    private static void Apply(RebalanceTarget target, RebalanceTargetRequest request) =>
        (target.AccountId, target.InstrumentId, target.AssetClass, target.Weight, target.AbsoluteBand, target.RelativeBand, target.BuyInstrumentId) =
        (request.AccountId, request.InstrumentId, request.AssetClass, request.Weight, request.AbsoluteBand, request.RelativeBand, request.BuyInstrumentId);

    private static Problem TargetNotFound(Guid targetId) => Problem.NotFound(ErrorCodes.TargetNotFound, $"Target {targetId} does not exist.");
}
