using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.TaxLossHarvesting;

/// <param name="MinLoss">Smallest loss worth harvesting, after costs.</param>
/// <param name="MinLossFraction">Smallest loss as a fraction of the harvested lots' basis (0.05 = 5%).</param>
/// <param name="CostPerTrade">Commission per trade; a harvest is two trades (sell, buy the replacement).</param>
/// <param name="LargeGain">A swap back that would realise more gain than this is not proposed.</param>
/// <param name="Replacements">Similar but not substantially identical funds, in order of preference.</param>
public sealed record HarvestSettings(
    decimal MinLoss, decimal MinLossFraction, decimal CostPerTrade, decimal LargeGain, IReadOnlyList<ReplacementChoice> Replacements);

/// <summary>Sell <paramref name="InstrumentId"/>, buy <paramref name="ReplacementId"/> (e.g. two total-market funds tracking different indices).</summary>
public sealed record ReplacementChoice(Guid InstrumentId, Guid ReplacementId);

public sealed record HarvestScan(IReadOnlyList<HarvestOpportunity> Opportunities, IReadOnlyList<BlockedHarvest> Blocked, IReadOnlyList<SwapBack> SwapBacks);

/// <param name="Loss">Unrealised loss of the lots (positive), before costs.</param>
/// <param name="EstimatedSaving">Loss × the short- or long-term rate per lot, less the two trades' costs.</param>
public sealed record HarvestOpportunity(
    Guid AccountId, Guid InstrumentId, decimal Quantity, decimal Price, IReadOnlyList<LotSale> Lots, decimal Loss, Guid? ReplacementId, decimal EstimatedSaving, string Reason);

public sealed record BlockedHarvest(Guid AccountId, Guid InstrumentId, decimal Loss, string Reason);

/// <summary>After 31 days, sell the replacement and buy the original back.</summary>
public sealed record SwapBack(Guid AccountId, Guid ReplacementId, Guid OriginalId, decimal Quantity, decimal Gain, string Reason);

/// <summary>The harvesting thresholds a snapshot carries (the household's tax profile): see <see cref="HarvestSettings"/>.</summary>
public sealed record HarvestThresholds(decimal MinLoss, decimal MinLossFraction, decimal LargeGain);
