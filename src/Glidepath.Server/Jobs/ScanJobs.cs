using Glidepath.Application.Events;
using Glidepath.Infrastructure.Events;
using Glidepath.Application.Alerts;
using Glidepath.Application.Anomalies;
using Glidepath.Application.TaxLossHarvesting;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Glidepath.Server.Jobs;

/// <summary>
/// The nightly drift scan: every household's alerts as of today (<see cref="HouseholdAlerts"/>, the
/// dashboard's own use case); a household with targets outside their bands raises an alert, written to
/// the log (category <c>Glidepath.Server.Jobs.DriftScanJob</c>) and counted in the run's message.
/// A household that cannot be checked (no close, mixed currencies) is counted, not failed.
/// </summary>
public sealed class DriftScanJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DriftScanJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.DriftScan;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var alerts = services.GetRequiredService<HouseholdAlerts>();
        var today = Today;
        int households = 0, drifting = 0, unavailable = 0;
        foreach (var id in await HouseholdIds(services, ct))
        {
            households++;
            if (!(await alerts.ComputeAsync(id, today, ct)).TryGet(out var found, out _))
            {
                continue; // deleted since the list was read
            }

            if (found.Unavailable is not null)
            {
                unavailable++;
            }
            else if (found.Drift.Count > 0)
            {
                drifting++;
                Logger.LogInformation("Drift alert: household {HouseholdId} has {Count} targets outside their bands", id, found.Drift.Count);
                await AlertAsync(services, id, new AlertTriggered("drift", today, found.Drift.Count, $"{found.Drift.Count} targets are outside their bands."), ct);
            }
        }

        return $"{households} households: {drifting} with drift outside their bands, {unavailable} not checked (no close or mixed currencies).";
    }

    /// <summary>Publishes the alert (webhooks, notifications) through the outbox.</summary>
    internal static async Task AlertAsync(IServiceProvider services, Guid householdId, AlertTriggered alert, CancellationToken ct)
    {
        services.GetRequiredService<IEventOutbox>().Enqueue(householdId, EventTypes.AlertTriggered, alert);
        await services.GetRequiredService<GlidepathDbContext>().SaveChangesAsync(ct);
    }

    internal static async Task<List<Guid>> HouseholdIds(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<GlidepathDbContext>().Households.AsNoTracking().OrderBy(h => h.Id).Select(h => h.Id).ToListAsync(ct);
}

/// <summary>The nightly harvest scan: <see cref="HarvestScans"/> for every household; opportunities raise an alert as the drift scan's do.</summary>
public sealed class HarvestScanJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HarvestScanJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.HarvestScan;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var scans = services.GetRequiredService<HarvestScans>();
        var today = Today;
        int households = 0, withOpportunities = 0, opportunities = 0, unavailable = 0;
        foreach (var id in await DriftScanJob.HouseholdIds(services, ct))
        {
            households++;
            if (!(await scans.ScanAsync(id, today, ct)).TryGet(out var harvested, out _))
            {
                unavailable++;
                continue;
            }

            if (harvested.Scan.Opportunities.Count > 0)
            {
                withOpportunities++;
                opportunities += harvested.Scan.Opportunities.Count;
                Logger.LogInformation("Harvest alert: household {HouseholdId} has {Count} tax-loss harvesting opportunities", id, harvested.Scan.Opportunities.Count);
                await DriftScanJob.AlertAsync(services, id, new AlertTriggered("harvest", today, harvested.Scan.Opportunities.Count, $"{harvested.Scan.Opportunities.Count} tax-loss harvesting opportunities."), ct);
            }
        }

        return $"{households} households: {opportunities} opportunities in {withOpportunities}, {unavailable} not scanned (no close or mixed currencies).";
    }
}

/// <summary>
/// The daily anomaly scan (docs/anomalies.md, "Household scans"): <see cref="HouseholdAnomalies.ScanAsync"/> for every household as of
/// today; each newly flagged day is recorded, shown among the household's alerts and published as <c>anomaly.detected</c>.
/// </summary>
public sealed class AnomalyScanJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AnomalyScanJob> logger) : RecordedJob(scopes, clock, logger)
{
    protected override string Name => JobCatalog.AnomalyScan;

    protected override async Task<string> RunAsync(IServiceProvider services, JobDataMap data, CancellationToken ct)
    {
        var today = Today;
        int households = 0, withAnomalies = 0, anomalies = 0, returnsUnavailable = 0;
        foreach (var id in await DriftScanJob.HouseholdIds(services, ct))
        {
            households++;
            // A scope per household: one household's tracked rows never ride on the next one's save.
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            if (!(await scope.ServiceProvider.GetRequiredService<HouseholdAnomalies>().ScanAsync(id, new AnomalyScanRequest(today), ct)).TryGet(out var scan, out _))
            {
                continue; // deleted since the list was read
            }

            returnsUnavailable += scan.ReturnsUnavailable is null ? 0 : 1;
            if (scan.Detected.Count > 0)
            {
                withAnomalies++;
                anomalies += scan.Detected.Count;
                Logger.LogInformation("Anomaly alert: household {HouseholdId} has {Count} new anomalies", id, scan.Detected.Count);
            }
        }

        return $"{households} households: {anomalies} new anomalies in {withAnomalies}, returns not scored in {returnsUnavailable} (no close or FX rate).";
    }
}
