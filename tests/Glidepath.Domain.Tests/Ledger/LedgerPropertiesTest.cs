using FsCheck.Xunit;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;

namespace Glidepath.Domain.Tests.Ledger;

/// <summary>Ledger invariants over random valid histories (buys, sells, splits, reinvested dividends, transfers), under every relief method.</summary>
public class LedgerPropertiesTest
{
    // Pro-rata basis shares are decimal divisions (28 significant digits), so basis is conserved to this.
    private const decimal BasisTolerance = 1e-16m;

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 60)]
    public void Build_RandomHistory_ConservesQuantityPerAccountAndInstrument(HistoryScript script)
    {
        foreach (var method in Enum.GetValues<LotReliefMethod>())
        {
            var random = RandomHistory.Interpret(script, method);

            var state = random.History.BuildState();

            for (var i = 0; i < 2; i++)
            {
                var instrumentId = random.Instruments[i].Id;
                Assert.Equal(random.ExpectedQuantity[i], state.Positions.Where(p => p.InstrumentId == instrumentId).Sum(p => p.Quantity));
                for (var a = 0; a < 2; a++)
                {
                    var accountId = random.Accounts[a].Id;
                    Assert.Equal(random.Held(a, i), state.Positions.SingleOrDefault(p => p.AccountId == accountId && p.InstrumentId == instrumentId)?.Quantity ?? 0m);
                }
            }

            Assert.Equal(random.SoldQuantity, state.RealisedGains.Sum(g => g.Quantity));
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 60)]
    public void Build_RandomHistory_ConservesCostBasisThroughSalesSplitsTransfersAndWashSales(HistoryScript script)
    {
        foreach (var method in Enum.GetValues<LotReliefMethod>())
        {
            var random = RandomHistory.Interpret(script, method);

            var state = random.History.BuildState();

            // A wash sale moves its disallowed loss into the replacement's basis: that basis is counted
            // twice (in the sale and in the replacement) except when the replacement is in an IRA.
            var moved = state.WashSales!.Where(w => !w.Permanent).Sum(w => w.DisallowedLoss);
            var accounted = state.Lots.Sum(l => l.CostBasis) + state.RealisedGains.Sum(g => g.CostBasis) - moved;
            Assert.True(Math.Abs(random.BasisIn - accounted) <= BasisTolerance, $"{method}: basis in {random.BasisIn}, accounted {accounted}.");
            Assert.Equal(state.WashSales!.Sum(w => w.DisallowedLoss), state.RealisedGains.Sum(g => g.DisallowedLoss));
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 60)]
    public void Build_RandomHistory_LeavesNoEmptyOrNegativeLotsAndClassifiesTerms(HistoryScript script)
    {
        foreach (var method in Enum.GetValues<LotReliefMethod>())
        {
            var state = RandomHistory.Interpret(script, method).History.BuildState();

            Assert.All(state.Lots, l => Assert.True(l.Quantity > 0m && l.CostBasis >= 0m, $"{method}: lot {l}"));
            Assert.All(state.RealisedGains, g =>
            {
                Assert.True(g.Quantity > 0m && g.CostBasis >= 0m && g.AcquiredDate <= g.SoldDate, $"{method}: gain {g}");
                Assert.True(g.DisallowedLoss >= 0m && g.DisallowedLoss <= Math.Max(0m, -g.Gain), $"{method}: disallowed more than the loss {g}");
                Assert.Equal(HoldingPeriod.Classify(g.HoldingPeriodStart ?? g.AcquiredDate, g.SoldDate), g.Term);
            });
        }
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 60)]
    public void Build_ShuffledInput_EqualsBuildOfSortedInput(HistoryScript script)
    {
        foreach (var method in Enum.GetValues<LotReliefMethod>())
        {
            var history = RandomHistory.Interpret(script, method).History;
            var shuffled = history.Transactions.ToArray();
            new Random(script.ShuffleSeed).Shuffle(shuffled);

            var sorted = LedgerBuilder.Build(history.Accounts, LedgerOrder.Sort(history.Transactions));
            var fromShuffled = LedgerBuilder.Build(history.Accounts, shuffled);

            Assert.True(sorted.Succeeded && fromShuffled.Succeeded);
            Assert.True(sorted.Expect("replay").ContentEquals(fromShuffled.Expect("replay")), $"{method}: shuffled build differs");
        }
    }
}
