using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Ledger;

/// <summary>
/// The hand-worked cases of docs/ledger.md ("Worked examples"). The expected numbers are the
/// doc's arithmetic, done by hand; if one fails, recheck the doc before touching the code.
/// </summary>
public class WorkedExamplesTest
{
    [Fact]
    public void Example1_Fifo_RelievesOldestLotFirst()
    {
        var history = Example1(LotReliefMethod.Fifo);

        var state = history.BuildState();

        AssertGains(state, (100m, 2495m, 1005m, HoldingTerm.LongTerm), (20m, 499m, 402m, HoldingTerm.ShortTerm));
        Assert.Equal(1587m, state.RealisedGains.Sum(g => g.Gain));
        var lot = Assert.Single(state.Lots);
        Assert.Equal((30m, 603m), (lot.Quantity, lot.CostBasis));
        Assert.Equal(-2010m + 2994m, Assert.Single(state.Cash).Amount);
    }

    [Fact]
    public void Example1_Hifo_RelievesDearestLotFirst()
    {
        var history = Example1(LotReliefMethod.Hifo);

        var state = history.BuildState();

        AssertGains(state, (50m, 1247.5m, 1005m, HoldingTerm.ShortTerm), (70m, 1746.5m, 703.5m, HoldingTerm.LongTerm));
        Assert.Equal(1285.5m, state.RealisedGains.Sum(g => g.Gain));
        var lot = Assert.Single(state.Lots);
        Assert.Equal((30m, 301.5m), (lot.Quantity, lot.CostBasis));
    }

    [Fact]
    public void Example1_AverageCost_RelievesPoolAverageWithFifoHoldingPeriod()
    {
        var history = Example1(LotReliefMethod.AverageCost);

        var state = history.BuildState();

        AssertGains(state, (100m, 2495m, 1340m, HoldingTerm.LongTerm), (20m, 499m, 268m, HoldingTerm.ShortTerm));
        Assert.Equal(1386m, state.RealisedGains.Sum(g => g.Gain));
        var lot = Assert.Single(state.Lots);
        Assert.Equal((30m, 402m), (lot.Quantity, lot.CostBasis));
    }

    [Fact]
    public void Example2_TwoForOneSplitThenSale_KeepsBasisAndDate()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("ABC");
        history.Buy(account, stock, Day("2021-03-01"), 10m, 300m);
        history.Split(account, stock, Day("2021-09-01"), 2m, 1m);
        history.Sell(account, stock, Day("2022-04-01"), 5m, 180m);

        var state = history.BuildState();

        AssertGains(state, (5m, 900m, 750m, HoldingTerm.LongTerm));
        var lot = Assert.Single(state.Lots);
        Assert.Equal((15m, 2250m, Day("2021-03-01")), (lot.Quantity, lot.CostBasis, lot.AcquiredDate));
    }

    [Fact]
    public void Example3_OneForThreeReverseSplitWithCashInLieu_SellsTheFractionFromTheOldestLot()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("XYZ");
        history.Buy(account, stock, Day("2023-01-05"), 100m, 2m, fees: 1m);
        history.Buy(account, stock, Day("2023-05-10"), 61m, 3m);
        history.Split(account, stock, Day("2024-02-01"), 1m, 3m, cashInLieu: 8m);

        var state = history.BuildState();

        // Thirds do not terminate in decimal: 28 significant digits, so compare to 1e-20.
        var gain = Assert.Single(state.RealisedGains);
        AssertClose(2m / 3m, gain.Quantity);
        Assert.Equal(8m, gain.Proceeds);
        AssertClose(4.02m, gain.CostBasis);
        AssertClose(3.98m, gain.Gain);
        Assert.Equal(HoldingTerm.LongTerm, gain.Term);
        var position = Assert.Single(state.Positions);
        AssertClose(53m, position.Quantity);
        AssertClose(379.98m, position.CostBasis);
        AssertClose(32m + 2m / 3m, state.Lots[0].Quantity);
        AssertClose(196.98m, state.Lots[0].CostBasis);
    }

    [Fact]
    public void Example4_TransferKeepsAcquisitionDate_SaleIsLongTerm()
    {
        var history = new LedgerHistoryBuilder();
        var from = history.Account("Brokerage A");
        var to = history.Account("Brokerage B");
        var fund = history.Instrument("FUND");
        var buy = history.Buy(from, fund, Day("2020-02-03"), 40m, 50m, fees: 10m);
        history.Transfer(from, to, fund, Day("2020-12-01"), 40m);
        history.Sell(to, fund, Day("2021-02-04"), 40m, 60m, fees: 10m);

        var state = history.BuildState();

        var gain = Assert.Single(state.RealisedGains);
        Assert.Equal((to.Id, buy.Id, Day("2020-02-03")), (gain.AccountId, gain.LotId, gain.AcquiredDate));
        Assert.Equal((2390m, 2010m, 380m, HoldingTerm.LongTerm), (gain.Proceeds, gain.CostBasis, gain.Gain, gain.Term));
        Assert.Empty(state.Lots);
    }

    [Fact]
    public void Example5_SaleOnTheAnniversaryIsShortTerm_DayAfterIsLongTerm()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("ANN");
        history.Buy(account, stock, Day("2023-03-15"), 10m, 100m);
        history.Sell(account, stock, Day("2024-03-15"), 5m, 120m);
        history.Sell(account, stock, Day("2024-03-16"), 5m, 120m);

        var state = history.BuildState();

        AssertGains(state, (5m, 600m, 500m, HoldingTerm.ShortTerm), (5m, 600m, 500m, HoldingTerm.LongTerm));
    }

    private static LedgerHistoryBuilder Example1(LotReliefMethod method)
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage", method);
        var stock = history.Instrument("LOTS");
        history.Buy(account, stock, Day("2022-01-10"), 100m, 10m, fees: 5m);
        history.Buy(account, stock, Day("2022-06-15"), 50m, 20m, fees: 5m);
        history.Sell(account, stock, Day("2023-03-01"), 120m, 25m, fees: 6m);
        return history;
    }

    private static void AssertGains(LedgerState state, params (decimal Quantity, decimal Proceeds, decimal Basis, HoldingTerm Term)[] expected) =>
        Assert.Equal(expected, state.RealisedGains.Select(g => (g.Quantity, g.Proceeds, g.CostBasis, g.Term)).ToArray());

    private static void AssertClose(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) < 1e-20m, $"Expected {expected}, got {actual}.");
}
