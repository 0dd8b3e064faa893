using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Alerts;

/// <summary>
/// A household's alerts from its stored data: loads the snapshot (<see cref="PortfolioSnapshotLoader"/>),
/// runs <see cref="Rebalancer.Propose"/> for each target's drift before trading and
/// <see cref="Harvester.Scan"/> for opportunities. Stores nothing: the proposal is only read.
/// Reused by anything that lists households with their alerts.
/// </summary>
public sealed class HouseholdAlerts(GlidepathDbContext db, PortfolioSnapshotLoader loader)
{
    /// <summary>
    /// The alerts as of the close of <paramref name="asOf"/>; unknown-household fails. A holding without
    /// a close or an account in another currency is a state of the household, answered as
    /// <see cref="AlertsDto.Unavailable"/> with zero counts.
    /// </summary>
    public async Task<StoreResult<AlertsDto>> ComputeAsync(Guid householdId, DateOnly asOf, CancellationToken ct = default)
    {
        var loaded = await loader.LoadAsync(householdId, asOf, ct: ct);
        if (loaded.ErrorCode is TaxStoreErrorCodes.MissingPrice or TaxStoreErrorCodes.MixedCurrency)
        {
            var reporting = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.ReportingCurrency).FirstAsync(ct);
            return StoreResult.Ok(new AlertsDto(asOf, reporting.Code, 0, [], new HarvestAlert(0, 0m, 0m, 0), new AlertsUnavailable(loaded.ErrorCode, loaded.Message!)));
        }

        if (!loaded.Succeeded)
        {
            return StoreResult.Fail<AlertsDto>(loaded.ErrorCode!, loaded.Message!);
        }

        var snapshot = loaded.Value!;
        var currency = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.ReportingCurrency).FirstAsync(ct);
        var proposal = Rebalancer.Propose(snapshot);
        var accounts = snapshot.Accounts.ToDictionary(a => a.Id, a => a.Name);
        var symbols = snapshot.Instruments.ToDictionary(i => i.Id, i => i.Symbol);
        var drift = proposal.Drifts
            .Where(d => Math.Abs(d.Before) > d.Target.Band)
            .Select(d => new DriftAlert(
                d.AccountId,
                accounts.GetValueOrDefault(d.AccountId, "Household"), // household-wide targets (asset location) carry Guid.Empty
                d.Target.InstrumentId,
                d.Target.InstrumentId is { } id ? symbols.GetValueOrDefault(id) : null,
                d.Target.AssetClass,
                d.Target.Weight,
                d.Target.Band,
                d.Before))
            .ToList();

        var scan = Harvester.Scan(snapshot, snapshot.HarvestSettings());
        var harvest = new HarvestAlert(
            scan.Opportunities.Count,
            scan.Opportunities.Sum(o => o.EstimatedSaving),
            scan.Opportunities.Sum(o => o.Loss),
            scan.Blocked.Count);
        return StoreResult.Ok(new AlertsDto(asOf, currency.Code, proposal.Drifts.Count, drift, harvest));
    }
}
