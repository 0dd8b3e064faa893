using Glidepath.Infrastructure.Instruments;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.TaxSettings;

/// <summary>
/// The household's tax tables, entered by hand: <c>…/substantially-identical-pairs</c> (edits replay the
/// ledger), <c>…/rebalance-targets</c> (by hand, one edited, or all replaced from a model portfolio),
/// <c>…/tax-profile</c> and <c>…/replacement-funds</c>.
/// </summary>
public static class TaxSettingsEndpoints
{
    public static RouteGroupBuilder MapTaxSettingsEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/substantially-identical-pairs", ListPairs).WithTags("TaxSettings");
        household.MapPost("/substantially-identical-pairs", AddPair).WithTags("TaxSettings");
        household.MapDelete("/substantially-identical-pairs/{pairId:guid}", RemovePair).WithTags("TaxSettings");
        household.MapGet("/rebalance-targets", ListTargets).WithTags("TaxSettings");
        household.MapPost("/rebalance-targets", AddTarget).WithTags("TaxSettings");
        household.MapPut("/rebalance-targets", ReplaceFromModel).WithTags("TaxSettings");
        household.MapPut("/rebalance-targets/{targetId:guid}", UpdateTarget).WithTags("TaxSettings");
        household.MapDelete("/rebalance-targets/{targetId:guid}", RemoveTarget).WithTags("TaxSettings");
        household.MapGet("/tax-profile", GetProfile).WithTags("TaxSettings");
        household.MapPut("/tax-profile", PutProfile).WithTags("TaxSettings");
        household.MapGet("/replacement-funds", ListReplacements).WithTags("TaxSettings");
        household.MapPost("/replacement-funds", AddReplacement).WithTags("TaxSettings");
        household.MapDelete("/replacement-funds/{replacementId:guid}", RemoveReplacement).WithTags("TaxSettings");
        return household;
    }

    private static async Task<Ok<List<IdenticalPairDto>>> ListPairs(Guid householdId, IdenticalPairStore pairs, CancellationToken ct) =>
        TypedResults.Ok((await pairs.ListAsync(householdId, ct)).Select(IdenticalPairDto.From).ToList());

    private static async Task<Results<Created<IdenticalPairDto>, ValidationProblem, ConflictProblem, NotFoundProblem>> AddPair(
        Guid householdId, IdenticalPairRequest request, IdenticalPairStore pairs, TimeProvider clock, CancellationToken ct)
    {
        var result = await pairs.AddAsync(householdId, request.FirstInstrumentId, request.SecondInstrumentId, clock.GetUtcNow(), ct);
        return result.ErrorCode switch
        {
            null => TypedResults.Created($"/api/households/{householdId}/substantially-identical-pairs/{result.Value!.Id}", IdenticalPairDto.From(result.Value)),
            TaxStoreErrorCodes.SameInstrument => ValidationErrors.Single("secondInstrumentId", result.Message!),
            LedgerStoreErrorCodes.UnknownInstrument => new NotFoundProblem(ErrorCodes.InstrumentNotFound, result.Message!),
            _ => new ConflictProblem(result.ErrorCode, result.Message!),
        };
    }

    private static async Task<Results<NoContent, NotFoundProblem>> RemovePair(Guid householdId, Guid pairId, IdenticalPairStore pairs, CancellationToken ct)
    {
        var result = await pairs.RemoveAsync(householdId, pairId, ct);
        return result.Succeeded ? TypedResults.NoContent() : new NotFoundProblem(result.ErrorCode!, result.Message!);
    }

    private static async Task<Ok<List<RebalanceTargetDto>>> ListTargets(Guid householdId, GlidepathDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.RebalanceTargets.AsNoTracking().Where(t => t.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(t => t.Id).Select(RebalanceTargetDto.From).ToList());

    private static async Task<Results<Created<RebalanceTargetDto>, ValidationProblem>> AddTarget(
        Guid householdId, RebalanceTargetRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var errors = await ValidateAsync(householdId, request, db, ct);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var target = new RebalanceTarget { HouseholdId = householdId };
        Apply(target, request);
        db.RebalanceTargets.Add(target);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/rebalance-targets/{target.Id}", RebalanceTargetDto.From(target));
    }

    /// <summary>Replaces one target's fields (same rules as creating one).</summary>
    private static async Task<Results<Ok<RebalanceTargetDto>, NotFoundProblem, ValidationProblem>> UpdateTarget(
        Guid householdId, Guid targetId, RebalanceTargetRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var target = await db.RebalanceTargets.FirstOrDefaultAsync(t => t.Id == targetId && t.HouseholdId == householdId, ct);
        if (target is null)
        {
            return TargetNotFound(targetId);
        }

        var errors = await ValidateAsync(householdId, request, db, ct);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        Apply(target, request);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RebalanceTargetDto.From(target));
    }

    /// <summary>
    /// <c>PUT …/rebalance-targets</c>: the scope's targets (household-wide, or one account's) replaced by a model
    /// portfolio's weights in one transaction; answers the scope's new targets.
    /// </summary>
    private static async Task<Results<Ok<List<RebalanceTargetDto>>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> ReplaceFromModel(
        Guid householdId, ModelTargetsRequest request, GlidepathDbContext db, RebalanceTargetStore targets, TimeProvider clock, CancellationToken ct)
    {
        var model = await db.ModelPortfolios.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.ModelPortfolioId && m.HouseholdId == householdId, ct);
        if (model is null)
        {
            return new NotFoundProblem(ErrorCodes.ModelPortfolioNotFound, $"Model portfolio {request.ModelPortfolioId} is not in this household.");
        }

        var (absolute, relative) = (request.AbsoluteBand ?? 0.05m, request.RelativeBand ?? 0.25m);
        var buys = request.BuyInstrumentIds ?? new Dictionary<AssetClass, Guid>();
        var named = buys.Values.ToList();
        var classes = await db.Instruments.AsNoTracking().UsableBy(householdId).Where(i => named.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.AssetClass, ct);
        var errors = new ValidationErrors()
            .Check(absolute is >= 0m and <= 1m, "absoluteBand", "A band is a fraction between 0 and 1.")
            .Check(relative >= 0m, "relativeBand", "A relative band is a non-negative fraction of the weight.")
            .Check(request.AccountId is null || await db.Accounts.AnyAsync(a => a.Id == request.AccountId && a.HouseholdId == householdId, ct), "accountId", "Not an account of this household.");
        foreach (var (assetClass, instrumentId) in buys)
        {
            errors.Check(classes.TryGetValue(instrumentId, out var actual) && actual == assetClass, $"buyInstrumentIds.{assetClass}", $"Instrument {instrumentId} is not a known {assetClass} instrument.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var result = await targets.ReplaceFromModelAsync(householdId, model, request.AccountId, absolute, relative, buys, clock.Today(), ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!.OrderBy(t => t.AssetClass).Select(RebalanceTargetDto.From).ToList())
            : new UnprocessableProblem(result.ErrorCode!, result.Message!);
    }

    private static async Task<ValidationErrors> ValidateAsync(Guid householdId, RebalanceTargetRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var named = new[] { request.InstrumentId, request.BuyInstrumentId }.OfType<Guid>().ToList();
        var known = await db.Instruments.UsableBy(householdId).Where(i => named.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        return new ValidationErrors()
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

    private static NotFoundProblem TargetNotFound(Guid targetId) => new(ErrorCodes.TargetNotFound, $"Target {targetId} does not exist.");

    private static async Task<Results<NoContent, NotFoundProblem>> RemoveTarget(Guid householdId, Guid targetId, GlidepathDbContext db, CancellationToken ct) =>
        await db.RebalanceTargets.Where(t => t.Id == targetId && t.HouseholdId == householdId).ExecuteDeleteAsync(ct) == 1
            ? TypedResults.NoContent()
            : TargetNotFound(targetId);

    private static async Task<Ok<TaxProfileDto>> GetProfile(Guid householdId, GlidepathDbContext db, CancellationToken ct) =>
        TypedResults.Ok(TaxProfileDto.From(await db.TaxProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct)
            ?? HouseholdTaxProfile.Defaults(householdId)));

    /// <summary>Creates or replaces the profile; <c>version</c> is the one read (0 before the first PUT; stale: 409).</summary>
    private static async Task<Results<Ok<TaxProfileDto>, ValidationProblem, ConflictProblem>> PutProfile(
        Guid householdId, TaxProfileDto request, GlidepathDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Check(request.ShortTermRate is >= 0m and < 1m, "shortTermRate", "A rate is a fraction between 0 and 1.")
            .Check(request.LongTermRate is >= 0m and < 1m, "longTermRate", "A rate is a fraction between 0 and 1.")
            .Check(request.HarvestMinLossFraction is >= 0m and <= 1m, "harvestMinLossFraction", "A fraction between 0 and 1.");
        foreach (var (field, value) in new[] { ("minTradeAmount", request.MinTradeAmount), ("cashBuffer", request.CashBuffer), ("costPerTrade", request.CostPerTrade), ("harvestMinLoss", request.HarvestMinLoss), ("swapBackLargeGain", request.SwapBackLargeGain) })
        {
            errors.Check(value >= 0m, field, "Must not be negative.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var profile = await db.TaxProfiles.FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if ((profile?.Version ?? 0) != request.Version)
        {
            return new ConflictProblem(ErrorCodes.ConcurrencyConflict, $"The tax profile is at version {profile?.Version ?? 0}, not {request.Version}.");
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
            // A concurrent PUT changed (or created) the profile first.
            return new ConflictProblem(ErrorCodes.ConcurrencyConflict, "The tax profile changed meanwhile; read it again.");
        }

        return TypedResults.Ok(TaxProfileDto.From(profile));
    }

    private static async Task<Ok<List<ReplacementDto>>> ListReplacements(Guid householdId, GlidepathDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Replacements.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(r => r.Rank).ThenBy(r => r.Id).Select(ReplacementDto.From).ToList());

    private static async Task<Results<Created<ReplacementDto>, ValidationProblem, ConflictProblem>> AddReplacement(
        Guid householdId, ReplacementRequest request, GlidepathDbContext db, IdenticalPairStore pairs, CancellationToken ct)
    {
        var known = await db.Instruments.UsableBy(householdId).CountAsync(i => i.Id == request.InstrumentId || i.Id == request.ReplacementId, ct);
        var identical = (await pairs.ListAsync(householdId, ct)).Any(p =>
            (p.FirstInstrumentId == request.InstrumentId && p.SecondInstrumentId == request.ReplacementId)
            || (p.FirstInstrumentId == request.ReplacementId && p.SecondInstrumentId == request.InstrumentId));
        var errors = new ValidationErrors()
            .Check(request.InstrumentId != request.ReplacementId, "replacementId", "A replacement must be a different instrument.")
            .Check(request.InstrumentId == request.ReplacementId || known == 2, "instrumentId", "Both instruments must exist.")
            .Check(!identical, "replacementId", "The household marks these two substantially identical; buying it would be a wash sale.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (await db.Replacements.AnyAsync(r => r.HouseholdId == householdId && r.InstrumentId == request.InstrumentId && r.ReplacementId == request.ReplacementId, ct))
        {
            return new ConflictProblem(ErrorCodes.Conflict, "The table already has this replacement.");
        }

        var row = new HouseholdReplacement { HouseholdId = householdId, InstrumentId = request.InstrumentId, ReplacementId = request.ReplacementId, Rank = request.Rank };
        db.Replacements.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/replacement-funds/{row.Id}", ReplacementDto.From(row));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> RemoveReplacement(Guid householdId, Guid replacementId, GlidepathDbContext db, CancellationToken ct) =>
        await db.Replacements.Where(r => r.Id == replacementId && r.HouseholdId == householdId).ExecuteDeleteAsync(ct) == 1
            ? TypedResults.NoContent()
            : new NotFoundProblem(ErrorCodes.ReplacementNotFound, $"Replacement {replacementId} does not exist.");
}
