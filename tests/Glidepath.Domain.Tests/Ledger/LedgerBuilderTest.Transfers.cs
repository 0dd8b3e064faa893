using Glidepath.Domain.Currencies;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Ledger;

public partial class LedgerBuilderTest
{
    [Fact]
    public void Build_PartialTransfer_MovesLotsBySourceMethodKeepingIdDateAndBasis()
    {
        var history = new LedgerHistoryBuilder();
        var from = history.Account("Taxable", LotReliefMethod.Hifo);
        var to = history.Account("Other");
        var stock = history.Instrument("ABC");
        history.Buy(from, stock, Day("2023-01-02"), 10m, 10m);
        var dear = history.Buy(from, stock, Day("2023-02-02"), 10m, 40m);
        history.Transfer(from, to, stock, Day("2023-05-01"), 12m);

        var state = history.BuildState();

        var moved = state.Lots.Where(l => l.AccountId == to.Id).Select(l => (l.LotId, l.AcquiredDate, l.Quantity, l.CostBasis));
        Assert.Equal([(dear.Id, Day("2023-02-02"), 10m, 400m), (state.Lots[0].LotId, Day("2023-01-02"), 2m, 20m)], moved.OrderByDescending(l => l.Item2));
        Assert.Equal((8m, 80m), (state.Lots[0].Quantity, state.Lots[0].CostBasis));
        Assert.Empty(state.RealisedGains);
    }

    [Fact]
    public void Build_LotTransferredBack_MergesWithItsRemainder()
    {
        var history = new LedgerHistoryBuilder();
        var a = history.Account("A");
        var b = history.Account("B");
        var stock = history.Instrument("ABC");
        var buy = history.Buy(a, stock, Day("2023-01-02"), 10m, 10m);
        history.Transfer(a, b, stock, Day("2023-02-01"), 4m);
        history.Transfer(b, a, stock, Day("2023-03-01"), 4m);

        var state = history.BuildState();

        var lot = Assert.Single(state.Lots);
        Assert.Equal((a.Id, buy.Id, 10m, 100m), (lot.AccountId, lot.LotId, lot.Quantity, lot.CostBasis));
    }

    [Fact]
    public void Build_TransferToAccountInAnotherCurrency_ConvertsBasisAtTheTransferInRate()
    {
        var history = new LedgerHistoryBuilder();
        var usd = history.Account("US");
        var eur = history.Account("EU", currency: Currency.Eur);
        var stock = history.Instrument("ABC");
        history.Buy(usd, stock, Day("2023-01-02"), 10m, 11m);
        var (_, transferIn) = history.Transfer(usd, eur, stock, Day("2023-02-01"), 10m);
        transferIn.FxRate = 0.9m;

        var state = history.BuildState();

        Assert.Equal((eur.Id, 99m), (Assert.Single(state.Lots).AccountId, state.Lots[0].CostBasis));
    }

    [Fact]
    public void Build_TransferInWithoutTransferOut_FailsWithUnpairedTransfer()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("B");
        var stock = history.Instrument("ABC");
        var transferIn = history.Add(new Transaction
        {
            Id = history.NextId(),
            AccountId = account.Id,
            Type = TransactionType.TransferIn,
            TradeDate = Day("2023-01-02"),
            SettlementDate = Day("2023-01-02"),
            InstrumentId = stock.Id,
            Quantity = 1m,
            TransferId = Guid.NewGuid(),
        });

        AssertSingleError(history.Build(), transferIn.Id, LedgerErrorCodes.UnpairedTransfer);
    }

    [Fact]
    public void Build_TransferArrivingBeforeItLeaves_FailsWithUnpairedTransfer()
    {
        var history = new LedgerHistoryBuilder();
        var a = history.Account("A");
        var b = history.Account("B");
        var stock = history.Instrument("ABC");
        history.Buy(a, stock, Day("2023-01-02"), 10m, 10m);
        var (_, transferIn) = history.Transfer(a, b, stock, Day("2023-02-10"), 5m, arrives: Day("2023-02-09"));

        var result = history.Build();

        Assert.Contains(result.Problem!.Items, e => e.TransactionId == transferIn.Id && e.Code == LedgerErrorCodes.UnpairedTransfer);
    }

    [Fact]
    public void Build_TransferQuantitiesDisagree_FailsWithTransferMismatch()
    {
        var history = new LedgerHistoryBuilder();
        var a = history.Account("A");
        var b = history.Account("B");
        var stock = history.Instrument("ABC");
        history.Buy(a, stock, Day("2023-01-02"), 10m, 10m);
        var (_, transferIn) = history.Transfer(a, b, stock, Day("2023-02-10"), 5m);
        transferIn.Quantity = 6m;

        AssertSingleError(history.Build(), transferIn.Id, LedgerErrorCodes.TransferMismatch);
    }

    [Fact]
    public void Build_AsOfWhileInTransit_UnitsAreInNeitherAccountUntilTheyArrive()
    {
        var history = new LedgerHistoryBuilder();
        var a = history.Account("A");
        var b = history.Account("B");
        var stock = history.Instrument("ABC");
        history.Buy(a, stock, Day("2023-01-02"), 10m, 10m);
        history.Transfer(a, b, stock, Day("2023-02-10"), 10m, arrives: Day("2023-02-14"));

        var inTransit = LedgerBuilder.Build(history.Accounts, history.Transactions, Day("2023-02-12")).Expect("replay");
        var arrived = LedgerBuilder.Build(history.Accounts, history.Transactions, Day("2023-02-14")).Expect("replay");

        Assert.Empty(inTransit.Lots);
        Assert.Equal(b.Id, Assert.Single(arrived.Lots).AccountId);
    }
}
