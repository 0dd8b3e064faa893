using Glidepath.Domain.Instruments;

namespace Glidepath.Application.Alerts;

/// <summary>
/// What needs a look in a household today (docs/rebalancing.md, "Alerts"): targets outside their
/// band before any trade, and tax-loss harvesting opportunities. Amounts in <see cref="Currency"/>.
/// </summary>
/// <param name="Targets">Targets checked (one per account a target applies to).</param>
public sealed record AlertsDto(DateOnly AsOf, string Currency, int Targets, IReadOnlyList<DriftAlert> Drift, HarvestAlert Harvest);

/// <summary>
/// A target of an account outside its band: <paramref name="Drift"/> is the weight held minus
/// <paramref name="Weight"/> (fractions of the account's value), |drift| &gt; <paramref name="Band"/>.
/// </summary>
public sealed record DriftAlert(
    Guid AccountId, string AccountName, Guid? InstrumentId, string? Symbol, AssetClass? AssetClass, decimal Weight, decimal Band, decimal Drift);

/// <param name="Count">Opportunities the harvester found (after its thresholds).</param>
/// <param name="EstimatedSaving">Sum of their estimated savings (tax saved less the trades' costs).</param>
/// <param name="Blocked">Losses that a wash sale would disallow today.</param>
public sealed record HarvestAlert(int Count, decimal EstimatedSaving, decimal Loss, int Blocked);
