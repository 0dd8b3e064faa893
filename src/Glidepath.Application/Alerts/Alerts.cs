using Glidepath.Application.Anomalies;
using Glidepath.Domain.Instruments;

namespace Glidepath.Application.Alerts;

/// <summary>
/// What needs a look in a household today (docs/rebalancing.md, "Alerts"): targets outside their
/// band before any trade, and tax-loss harvesting opportunities. Amounts in <see cref="Currency"/>.
/// </summary>
/// <param name="Targets">Targets checked (one per account a target applies to).</param>
/// <param name="Unavailable">
/// Why no check could run (a holding without a close, an account in another currency than the
/// household's); the counts are then zero. A state of the household, not a bad request, so the
/// dashboard shows it instead of failing.
/// </param>
/// <param name="Positions">Holdings where a broker reports another quantity than the ledger (the last fill reconciliation, docs/orders.md).</param>
/// <param name="Anomalies">Unusual days the anomaly scan recorded and no one dismissed yet, newest first (docs/anomalies.md).</param>
public sealed record AlertsDto(
    DateOnly AsOf, string Currency, int Targets, IReadOnlyList<DriftAlert> Drift, HarvestAlert Harvest, AlertsUnavailable? Unavailable = null,
    IReadOnlyList<PositionAlert>? Positions = null, IReadOnlyList<AnomalyDto>? Anomalies = null);

/// <summary>A holding the broker reports as <paramref name="BrokerQuantity"/> while the ledger holds <paramref name="LedgerQuantity"/>.</summary>
public sealed record PositionAlert(Guid AccountId, Guid? InstrumentId, string Symbol, decimal BrokerQuantity, decimal LedgerQuantity, DateTimeOffset FoundUtc);

/// <param name="Code">The snapshot's problem code: <c>missing-price</c> or <c>mixed-currency</c>.</param>
public sealed record AlertsUnavailable(string Code, string Message);

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
