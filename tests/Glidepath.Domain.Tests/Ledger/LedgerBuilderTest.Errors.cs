using Glidepath.Domain.Currencies;
using Glidepath.Domain.Ledger;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Ledger;

public partial class LedgerBuilderTest
{
    [Fact]
    public void Build_InvalidFields_FailsWithInvalidTransactionNamingTheField()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("A");
        var stock = history.Instrument("ABC");
        var buy = history.Buy(account, stock, Day("2023-01-02"), 0m, 10m);

        var error = Assert.Single(history.Build().Problem!.Items);

        Assert.Equal((buy.Id, LedgerErrorCodes.InvalidTransaction), (error.TransactionId, error.Code));
        Assert.Contains("Quantity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownAccount_FailsWithUnknownAccount()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("A");
        var deposit = history.Deposit(account, Day("2023-01-02"), 1m);
        deposit.AccountId = Guid.NewGuid();

        AssertSingleError(history.Build(), deposit.Id, LedgerErrorCodes.UnknownAccount);
    }

    [Fact]
    public void Build_DuplicateTransactionId_FailsWithDuplicateTransaction()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("A");
        var deposit = history.Deposit(account, Day("2023-01-02"), 1m);
        history.Add(deposit);

        AssertSingleError(history.Build(), deposit.Id, LedgerErrorCodes.DuplicateTransaction);
    }

    [Fact]
    public void Build_FxRateOtherThanOneInTheAccountsCurrency_FailsWithInvalidTransaction()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("A");
        var deposit = history.Deposit(account, Day("2023-01-02"), 1m);
        deposit.FxRate = 1.1m;
        deposit.Currency = Currency.Usd;

        AssertSingleError(history.Build(), deposit.Id, LedgerErrorCodes.InvalidTransaction);
    }

    [Fact]
    public void Build_SameDayBuyAndSell_BuyReplaysFirstWhateverTheInputOrder()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("A");
        var stock = history.Instrument("ABC");
        var sale = history.Sell(account, stock, Day("2023-01-02"), 5m, 11m);
        history.Buy(account, stock, Day("2023-01-02"), 5m, 10m);

        var state = history.BuildState();

        Assert.Equal((sale.Id, 5m, HoldingTerm.ShortTerm), (state.RealisedGains[0].SaleTransactionId, state.RealisedGains[0].Gain, state.RealisedGains[0].Term));
    }

    [Fact]
    public void Build_ReversedInput_GivesTheSameState()
    {
        var (history, account, stock, _) = ThreeLots(Domain.TaxLots.LotReliefMethod.Hifo);
        history.Sell(account, stock, Day("2024-01-10"), 15m, 30m);
        history.Deposit(account, Day("2023-01-02"), 1000m);

        var forward = history.BuildState();
        var reversed = LedgerBuilder.Build(history.Accounts, history.Transactions.AsEnumerable().Reverse().ToList()).Expect("replay");

        Assert.True(forward.ContentEquals(reversed));
    }

    [Fact]
    public void Build_AmountBeyondDecimalRange_FailsWithInvalidTransactionNotAnException()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("A");
        var stock = history.Instrument("ABC");
        var buy = history.Buy(account, stock, Day("2023-01-02"), decimal.MaxValue, 10m);

        AssertSingleError(history.Build(), buy.Id, LedgerErrorCodes.InvalidTransaction);
    }
}
