using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Infrastructure.Rebalancing;

namespace Glidepath.Application.TaxLossHarvesting;

/// <summary>A scan and the snapshot it ran on (names for display).</summary>
public sealed record Harvested(PortfolioSnapshot Snapshot, HarvestScan Scan);

/// <summary>Tax-loss harvesting opportunities of a household from its stored data (or of a snapshot file), with the household's thresholds.</summary>
public sealed class HarvestScans(PortfolioSnapshotLoader loader)
{
    public static Harvested Scan(PortfolioSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot, Harvester.Scan(snapshot, snapshot.HarvestSettings()));
    }

    /// <summary>The scan as of the close of <paramref name="asOf"/>, or the snapshot's problem (unknown-household, missing-price, mixed-currency).</summary>
    public async Task<Result<Harvested>> ScanAsync(Guid householdId, DateOnly asOf, CancellationToken ct) =>
        (await loader.LoadAsync(householdId, asOf, ct: ct)).Map(Scan);
}
