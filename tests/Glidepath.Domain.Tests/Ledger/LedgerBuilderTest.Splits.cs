using Glidepath.Domain.Ledger;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Ledger;

public partial class LedgerBuilderTest
{
    [Fact]
    public void Build_ReverseSplitWithoutCashInLieu_ScalesEveryLotAndKeepsBasis()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("REV");
        history.Buy(account, stock, Day("2023-01-02"), 100m, 1m);
        history.Buy(account, stock, Day("2023-02-02"), 60m, 2m);
        history.Split(account, stock, Day("2023-06-01"), 1m, 10m);

        var state = history.BuildState();

        Assert.Equal([(10m, 100m), (6m, 120m)], state.Lots.Select(l => (l.Quantity, l.CostBasis)));
        Assert.Empty(state.RealisedGains);
    }

    [Fact]
    public void Build_BuyOnTheSplitDate_IsInPostSplitUnits()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("SPL");
        history.Buy(account, stock, Day("2023-01-02"), 10m, 100m);
        history.Buy(account, stock, Day("2023-06-01"), 5m, 50m);
        history.Split(account, stock, Day("2023-06-01"), 2m, 1m);

        var state = history.BuildState();

        Assert.Equal([20m, 5m], state.Lots.Select(l => l.Quantity));
    }

    [Fact]
    public void Build_CashInLieuWithoutFraction_FailsWithInvalidTransaction()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("SPL");
        history.Buy(account, stock, Day("2023-01-02"), 10m, 100m);
        var split = history.Split(account, stock, Day("2023-06-01"), 2m, 1m, cashInLieu: 5m);

        AssertSingleError(history.Build(), split.Id, LedgerErrorCodes.InvalidTransaction);
    }

    [Fact]
    public void Build_SplitOfInstrumentNotHeld_ChangesNothing()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("SPL");
        history.Split(account, stock, Day("2023-06-01"), 3m, 1m);

        var state = history.BuildState();

        Assert.Empty(state.Lots);
    }
}
