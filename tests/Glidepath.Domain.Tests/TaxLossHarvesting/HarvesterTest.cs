using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.TaxLossHarvesting;
using Glidepath.Domain.TaxLots.WashSales;
using Glidepath.Domain.Tests.Properties;
using Glidepath.Testing.Rebalancing;
using Xunit.Abstractions;

namespace Glidepath.Domain.Tests.TaxLossHarvesting;

public class HarvesterTest(ITestOutputHelper output)
{
    private static HarvestSettings Settings(PortfolioSnapshot s) => new(
        MinLoss: 100m, MinLossFraction: 0.05m, CostPerTrade: 1m, LargeGain: 500m,
        [new ReplacementChoice(s.Instruments[0].Id, s.Instruments[4].Id), new ReplacementChoice(s.Instruments[1].Id, s.Instruments[5].Id)]);

    /// <summary>
    /// Seeds over the whole int range; a case asserts something when the scan proposes a harvest, about 83 % of
    /// the synthetic portfolios (at least 70 % required: over five standard deviations below).
    /// </summary>
    [Fact]
    public void Scan_RandomPortfolio_NeverProposesABlockedSecurity() =>
        SeededProperty.Check(output, nameof(Scan_RandomPortfolio_NeverProposesABlockedSecurity), 300, 0.7, NeverProposesABlockedSecurity);

    private static bool NeverProposesABlockedSecurity(int seed)
    {
        var snapshot = SyntheticPortfolio.Create(seed);
        var identical = new SubstantiallyIdenticalSecurities([], snapshot.SubstantiallyIdentical);
        var (from, to) = (snapshot.AsOf.AddDays(-30), snapshot.AsOf.AddDays(30));

        var scan = Harvester.Scan(snapshot, Settings(snapshot));

        foreach (var o in scan.Opportunities)
        {
            var group = identical.GroupOf(o.InstrumentId);
            Assert.DoesNotContain(snapshot.Accounts.SelectMany(a => a.Lots), l => identical.GroupOf(l.InstrumentId) == group && l.AcquiredDate >= from);
            Assert.DoesNotContain(snapshot.RecentAndScheduledTrades, t => t.Side == TradeSide.Buy && identical.GroupOf(t.InstrumentId) == group && t.Date >= from && t.Date <= to);
            Assert.True(o.Loss - 2m > 100m - 0.000001m && o.Lots.All(l => l.Gain < 0m));
            Assert.True(o.ReplacementId is null || !identical.AreIdentical(o.ReplacementId.Value, o.InstrumentId));
        }

        return scan.Opportunities.Count > 0;
    }

    [Fact]
    public void Scan_LossLotWithScheduledReinvestment_IsBlockedNotProposed()
    {
        var snapshot = SyntheticPortfolio.Create(7);
        var account = snapshot.Accounts[0] with { Type = Households.AccountType.TaxableBrokerage };
        var x = snapshot.Instruments[0];
        account = account with { Lots = [new SnapshotLot(Guid.NewGuid(), x.Id, snapshot.AsOf.AddDays(-400), 10m, 10m * x.Price * 2m)] };
        snapshot = snapshot with
        {
            Accounts = [account],
            RecentAndScheduledTrades = [new SnapshotTrade(account.Id, x.Id, snapshot.AsOf.AddDays(20), TradeSide.Buy, 1m)],
        };

        var scan = Harvester.Scan(snapshot, Settings(snapshot));

        Assert.Empty(scan.Opportunities);
        Assert.Equal(x.Id, Assert.Single(scan.Blocked).InstrumentId);
    }

    [Fact]
    public void Scan_LongTermLoss_EstimatesSavingAtLongTermRateNetOfCosts()
    {
        var snapshot = SyntheticPortfolio.Create(7);
        var x = snapshot.Instruments[0];
        var account = snapshot.Accounts[0] with
        {
            Type = Households.AccountType.TaxableBrokerage,
            Lots = [new SnapshotLot(Guid.NewGuid(), x.Id, snapshot.AsOf.AddDays(-400), 10m, (10m * x.Price) + 1_000m)],
        };
        snapshot = snapshot with { Accounts = [account], RecentAndScheduledTrades = [] };

        var scan = Harvester.Scan(snapshot, Settings(snapshot));

        var o = Assert.Single(scan.Opportunities);
        Assert.Equal((1_000m, (1_000m * 0.2m) - 2m, snapshot.Instruments[4].Id), (o.Loss, o.EstimatedSaving, o.ReplacementId!.Value));
    }
}
