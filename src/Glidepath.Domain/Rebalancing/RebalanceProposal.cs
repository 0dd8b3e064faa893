namespace Glidepath.Domain.Rebalancing;

/// <param name="Warnings">What the proposal could not do outside any target (e.g. a pending withdrawal the sellable holdings cannot cover).</param>
public sealed record RebalanceProposal(
    IReadOnlyList<ProposedTrade> Trades,
    IReadOnlyList<TargetDrift> Drifts,
    decimal EstimatedTax,
    decimal EstimatedCosts,
    IReadOnlyList<string>? Warnings = null);

/// <param name="LotsToSell">Empty for a buy.</param>
/// <param name="Reason">One sentence saying why.</param>
public sealed record ProposedTrade(
    Guid AccountId,
    Guid InstrumentId,
    TradeSide Side,
    decimal Quantity,
    decimal Price,
    IReadOnlyList<LotSale> LotsToSell,
    decimal ShortTermGain,
    decimal LongTermGain,
    string Reason);

public sealed record LotSale(Guid LotId, decimal Quantity, decimal Gain, bool LongTerm);

/// <summary>
/// A target's drift (weight held − target weight) before and after; <paramref name="Reason"/> says why it
/// stays outside its band. <paramref name="AccountId"/> is <see cref="Guid.Empty"/> for a household target
/// measured on the household's total (asset location).
/// </summary>
public sealed record TargetDrift(Guid AccountId, AllocationTarget Target, decimal Before, decimal After, bool InBandAfter, string? Reason);
