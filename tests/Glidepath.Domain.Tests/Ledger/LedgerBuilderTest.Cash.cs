using Glidepath.Domain.Currencies;
using Glidepath.Domain.Ledger;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Ledger;

public partial class LedgerBuilderTest
{
    [Fact]
    public void Build_CashEntries_BookSignedAmountsInBaseCurrency()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Checking");
        var fund = history.Instrument("FUND");
        history.Deposit(account, Day("2024-01-02"), 1000m);
        history.Interest(account, Day("2024-01-31"), 2.5m);
        history.Dividend(account, fund, Day("2024-02-01"), 10m);
        history.Fee(account, Day("2024-02-02"), 3m);
        history.Withdraw(account, Day("2024-02-03"), 100m);

        var state = history.BuildState();

        Assert.Equal(new CashBalance(account.Id, Currency.Usd, 909.5m), Assert.Single(state.Cash));
        Assert.Empty(state.Lots);
    }

    [Fact]
    public void Build_ForeignBuyAndSell_ConvertsBasisAndProceedsAtEachTradesRate()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var nestle = history.Instrument("NESN", Currency.Chf);
        history.Buy(account, nestle, Day("2023-01-10"), 10m, 100m, fees: 5m, fxRate: 1.10m);
        history.Sell(account, nestle, Day("2023-06-10"), 4m, 120m, fees: 2m, fxRate: 1.20m);

        var state = history.BuildState();

        // Basis (10 × 100 + 5) × 1.10 = 1105.50; 4 units carry 442.20. Proceeds (480 − 2) × 1.20 = 573.60.
        var gain = Assert.Single(state.RealisedGains);
        Assert.Equal((573.60m, 442.20m), (gain.Proceeds, gain.CostBasis));
        Assert.Equal(663.30m, Assert.Single(state.Lots).CostBasis);
        Assert.Equal(-1105.50m + 573.60m, Assert.Single(state.Cash).Amount);
    }

    [Fact]
    public void Build_ReinvestedDividend_OpensLotAndLeavesCashUnchanged()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("IRA");
        var fund = history.Instrument("FUND");
        var reinvest = history.Reinvest(account, fund, Day("2024-03-28"), 0.25m, 40m);

        var state = history.BuildState();

        var lot = Assert.Single(state.Lots);
        Assert.Equal((reinvest.Id, 0.25m, 10m), (lot.LotId, lot.Quantity, lot.CostBasis));
        Assert.Equal(0m, Assert.Single(state.Cash).Amount);
    }

    [Fact]
    public void Build_CashTransfer_MovesCashBetweenAccounts()
    {
        var history = new LedgerHistoryBuilder();
        var checking = history.Account("Checking");
        var brokerage = history.Account("Brokerage");
        history.Deposit(checking, Day("2024-01-02"), 500m);
        history.TransferCash(checking, brokerage, Day("2024-01-03"), 200m);

        var state = history.BuildState();

        Assert.Equal([300m, 200m], state.Cash.Select(c => c.Amount));
    }
}
