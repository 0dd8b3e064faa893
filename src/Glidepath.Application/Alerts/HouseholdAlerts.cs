using Glidepath.Application.Anomalies;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Glidepath.Infrastructure.TaxLots;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Alerts;

/// <summary>
/// A household's alerts from its stored data: loads the snapshot (<see cref="PortfolioSnapshotLoader"/>),
/// runs <see cref="Rebalancer.Propose"/> for each target's drift before trading and
/// <see cref="Harvester.Scan"/> for opportunities. Stores nothing: the proposal is only read.
/// Reused by anything that lists households with their alerts.
/// </summary>
public sealed class HouseholdAlerts(GlidepathDbContext db, PortfolioSnapshotLoader loader, HouseholdAnomalies anomalies)
{
    public const string HouseholdNotFoundCode = "household-not-found";

    /// <summary>
    /// The alerts as of the close of <paramref name="asOf"/>; an unknown household is not found. A holding
    /// without a close or an account in another currency is a state of the household, answered as
    /// <see cref="AlertsDto.Unavailable"/> with zero counts.
    /// </summary>
    public async Task<Result<AlertsDto>> ComputeAsync(Guid householdId, DateOnly asOf, CancellationToken ct = default)
    {
        if (!(await loader.LoadAsync(householdId, asOf, ct: ct)).TryGet(out var snapshot, out var problem))
        {
            if (problem.Code is TaxStoreErrorCodes.MissingPrice or TaxStoreErrorCodes.MixedCurrency)
            {
                var reporting = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.ReportingCurrency).FirstAsync(ct);
                return new AlertsDto(
                    asOf, reporting.Code, 0, [], new HarvestAlert(0, 0m, 0m, 0), new AlertsUnavailable(problem.Code, problem.Message), await PositionAlertsAsync(householdId, ct),
                    await anomalies.OpenAsync(householdId, ct));
            }

            return problem.Code == LedgerStoreErrorCodes.UnknownHousehold ? Problem.NotFound(HouseholdNotFoundCode, $"Household {householdId} does not exist.") : problem;
        }

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
        return new AlertsDto(asOf, currency.Code, proposal.Drifts.Count, drift, harvest, Positions: await PositionAlertsAsync(householdId, ct), Anomalies: await anomalies.OpenAsync(householdId, ct));
    }

    private async Task<List<PositionAlert>> PositionAlertsAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.PositionMismatches.AsNoTracking().Where(m => m.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(m => m.Symbol, StringComparer.Ordinal)
            .Select(m => new PositionAlert(m.AccountId, m.InstrumentId, m.Symbol, m.BrokerQuantity, m.LedgerQuantity, m.FoundUtc))];
}
