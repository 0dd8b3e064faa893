using Glidepath.Domain.Results;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Ledger;

public partial class LedgerBuilderTest
{
    [Fact]
    public void Build_Lifo_RelievesNewestLotFirst()
    {
        var (history, account, stock, lots) = ThreeLots(LotReliefMethod.Lifo);
        history.Sell(account, stock, Day("2024-01-10"), 15m, 30m);

        var state = history.BuildState();

        Assert.Equal([(lots[2], 10m), (lots[1], 5m)], state.RealisedGains.Select(g => (g.LotId, g.Quantity)));
    }

    [Fact]
    public void Build_SpecificIdentification_TakesNamedLotsThenFifo()
    {
        var (history, account, stock, lots) = ThreeLots(LotReliefMethod.SpecificIdentification);
        history.Sell(account, stock, Day("2024-01-10"), 15m, 30m, selections: new LotSelection(lots[1], 4m));

        var state = history.BuildState();

        Assert.Equal([(lots[1], 4m), (lots[0], 10m), (lots[1], 1m)], state.RealisedGains.Select(g => (g.LotId, g.Quantity)));
    }

    [Fact]
    public void Build_LotSelectionsOnFifoAccount_OverrideTheAccountMethod()
    {
        var (history, account, stock, lots) = ThreeLots(LotReliefMethod.Fifo);
        history.Sell(account, stock, Day("2024-01-10"), 10m, 30m, selections: new LotSelection(lots[2], 10m));

        var state = history.BuildState();

        Assert.Equal(lots[2], Assert.Single(state.RealisedGains).LotId);
    }

    [Fact]
    public void Build_SelectionOfUnknownLot_FailsWithUnknownLot()
    {
        var (history, account, stock, _) = ThreeLots(LotReliefMethod.SpecificIdentification);
        var sale = history.Sell(account, stock, Day("2024-01-10"), 1m, 30m, selections: new LotSelection(Guid.NewGuid(), 1m));

        AssertSingleError(history.Build(), sale.Id, LedgerErrorCodes.UnknownLot);
    }

    [Fact]
    public void Build_SelectionLargerThanLot_FailsWithInsufficientQuantity()
    {
        var (history, account, stock, lots) = ThreeLots(LotReliefMethod.SpecificIdentification);
        var sale = history.Sell(account, stock, Day("2024-01-10"), 11m, 30m, selections: new LotSelection(lots[0], 11m));

        AssertSingleError(history.Build(), sale.Id, LedgerErrorCodes.InsufficientQuantity);
    }

    [Fact]
    public void Build_AverageCostAccountNamingLots_FailsWithInvalidTransaction()
    {
        var (history, account, stock, lots) = ThreeLots(LotReliefMethod.AverageCost);
        var sale = history.Sell(account, stock, Day("2024-01-10"), 1m, 30m, selections: new LotSelection(lots[0], 1m));

        AssertSingleError(history.Build(), sale.Id, LedgerErrorCodes.InvalidTransaction);
    }

    [Fact]
    public void Build_SellingMoreThanHeld_FailsWithInsufficientQuantityAndNoState()
    {
        var (history, account, stock, _) = ThreeLots(LotReliefMethod.Fifo);
        var sale = history.Sell(account, stock, Day("2024-01-10"), 30.5m, 30m);

        AssertSingleError(history.Build(), sale.Id, LedgerErrorCodes.InsufficientQuantity);
    }

    /// <summary>Three lots of 10 units bought at 10, 30 and 20 on three days.</summary>
    private static (LedgerHistoryBuilder History, Domain.Households.Account Account, Domain.Instruments.Instrument Stock, Guid[] Lots) ThreeLots(LotReliefMethod method)
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage", method);
        var stock = history.Instrument("ABC");
        var lots = new[] { ("2023-01-02", 10m), ("2023-02-01", 30m), ("2023-03-01", 20m) }
            .Select(b => history.Buy(account, stock, Day(b.Item1), 10m, b.Item2).Id)
            .ToArray();
        return (history, account, stock, lots);
    }

    private static void AssertSingleError(Result<LedgerState> result, Guid transactionId, string code)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Problem!.Items);
        Assert.Equal((transactionId, code), (error.TransactionId, error.Code));
    }
}
