using Glidepath.Application.Validation;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Application.TaxSettings;

public sealed record IdenticalPairRequest(Guid FirstInstrumentId, Guid SecondInstrumentId);

public sealed record IdenticalPairDto(Guid Id, Guid FirstInstrumentId, Guid SecondInstrumentId, DateTimeOffset CreatedUtc)
{
    public static IdenticalPairDto From(HouseholdIdenticalPair p) => new(p.Id, p.FirstInstrumentId, p.SecondInstrumentId, p.CreatedUtc);
}

/// <summary>Exactly one of <paramref name="InstrumentId"/> and <paramref name="AssetClass"/>; <paramref name="AccountId"/> null: every account.</summary>
public sealed record RebalanceTargetRequest(
    Guid? AccountId, Guid? InstrumentId, AssetClass? AssetClass, decimal Weight, decimal AbsoluteBand, decimal RelativeBand, Guid? BuyInstrumentId);

/// <summary>
/// Replaces the targets of one scope with a stored model portfolio's class weights: <paramref name="AccountId"/>
/// null replaces the household-wide targets, else that account's. Bands default to the 5/25 rule.
/// <paramref name="BuyInstrumentIds"/> names what a class target buys (else the replaced target's choice, else the
/// scope's largest holding of the class).
/// </summary>
public sealed record ModelTargetsRequest(
    Guid ModelPortfolioId, Guid? AccountId = null, decimal? AbsoluteBand = null, decimal? RelativeBand = null, IReadOnlyDictionary<AssetClass, Guid>? BuyInstrumentIds = null);

public sealed record RebalanceTargetDto(
    Guid Id, Guid? AccountId, Guid? InstrumentId, AssetClass? AssetClass, decimal Weight, decimal AbsoluteBand, decimal RelativeBand, Guid? BuyInstrumentId)
{
    public static RebalanceTargetDto From(RebalanceTarget t) => new(t.Id, t.AccountId, t.InstrumentId, t.AssetClass, t.Weight, t.AbsoluteBand, t.RelativeBand, t.BuyInstrumentId);
}

public sealed record TaxProfileDto(
    decimal ShortTermRate, decimal LongTermRate, decimal MinTradeAmount, decimal CashBuffer, decimal CostPerTrade,
    decimal HarvestMinLoss, decimal HarvestMinLossFraction, decimal SwapBackLargeGain, long Version) : IVersionedRequest
{
    public IVersionedRequest WithVersion(long version) => this with { Version = version };

    public static TaxProfileDto From(HouseholdTaxProfile p) =>
        new(p.ShortTermRate, p.LongTermRate, p.MinTradeAmount, p.CashBuffer, p.CostPerTrade, p.HarvestMinLoss, p.HarvestMinLossFraction, p.SwapBackLargeGain, p.Version);
}

public sealed record ReplacementRequest(Guid InstrumentId, Guid ReplacementId, int Rank = 0);

public sealed record ReplacementDto(Guid Id, Guid InstrumentId, Guid ReplacementId, int Rank)
{
    public static ReplacementDto From(HouseholdReplacement r) => new(r.Id, r.InstrumentId, r.ReplacementId, r.Rank);
}
