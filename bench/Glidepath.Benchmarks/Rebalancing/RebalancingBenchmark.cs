using BenchmarkDotNet.Attributes;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Testing.Rebalancing;

namespace Glidepath.Benchmarks.Rebalancing;

/// <summary>
/// Targets (issue 5): a harvesting scan of 10,000 accounts × 50 lots under 1 s; a rebalancing
/// proposal for 1,000 accounts under 2 s, per account and household-wide with asset location. Data is
/// synthetic, seeded (<see cref="SyntheticPortfolio"/>, seed 20261123).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class RebalancingBenchmark
{
    private PortfolioSnapshot harvest = null!;
    private PortfolioSnapshot rebalance = null!;
    private PortfolioSnapshot household = null!;
    private HarvestSettings settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        harvest = SyntheticPortfolio.Create(20261123, accounts: 10_000, lotsPerAccount: 50, exactLots: true);
        rebalance = SyntheticPortfolio.Create(20261123, accounts: 1_000, lotsPerAccount: 50, exactLots: true);
        household = SyntheticPortfolio.CreateHousehold(20261123, accounts: 1_000, lotsPerAccount: 50, exactLots: true);
        settings = new HarvestSettings(100m, 0.05m, 1m, 500m, [new ReplacementChoice(harvest.Instruments[0].Id, harvest.Instruments[4].Id)]);
    }

    [Benchmark(Description = "Harvest scan, 10,000 accounts x 50 lots")]
    public HarvestScan HarvestScan() => Harvester.Scan(harvest, settings);

    [Benchmark(Description = "Rebalance proposal, 1,000 accounts x 50 lots")]
    public RebalanceProposal Rebalance() => Rebalancer.Propose(rebalance);

    [Benchmark(Description = "Household rebalance with asset location, 1,000 accounts x 50 lots")]
    public RebalanceProposal HouseholdAssetLocation() => Rebalancer.Propose(household);
}
