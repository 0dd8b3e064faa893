using Glidepath.Domain.Transactions;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Transactions;

public class TransactionValidatorTest
{
    [Fact]
    public void Validate_ValidBuy_ReturnsNoErrors()
    {
        Assert.Empty(TransactionValidator.Validate(Buy()));
    }

    [Fact]
    public void Validate_BuyWithoutInstrumentOrQuantity_NamesBothFields()
    {
        var buy = Buy();
        buy.InstrumentId = null;
        buy.Quantity = 0m;

        var errors = TransactionValidator.Validate(buy);

        Assert.Equal(["InstrumentId", "Quantity"], errors.Select(e => e.Field).Order());
    }

    [Theory]
    [InlineData("Price")]
    [InlineData("Fees")]
    [InlineData("Quantity")]
    [InlineData("Amount")]
    public void Validate_NegativeValue_IsRefusedBySignConvention(string field)
    {
        var buy = Buy();
        typeof(Transaction).GetProperty(field)!.SetValue(buy, -1m);

        var error = Assert.Single(TransactionValidator.Validate(buy));

        Assert.Equal((field, "negative"), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1.5)]
    public void Validate_NonPositiveFxRate_IsRefused(double rate)
    {
        var buy = Buy();
        buy.FxRate = (decimal)rate;

        Assert.Equal("FxRate", Assert.Single(TransactionValidator.Validate(buy)).Field);
    }

    [Fact]
    public void Validate_SettlementBeforeTradeDate_IsRefused()
    {
        var buy = Buy();
        buy.SettlementDate = buy.TradeDate.AddDays(-1);

        Assert.Equal(("SettlementDate", "before-trade-date"), Single(buy));
    }

    [Fact]
    public void Validate_SplitWithZeroDenominator_IsRefused()
    {
        var split = Buy();
        split.Type = TransactionType.Split;
        split.SplitNumerator = 2m;

        Assert.Equal(("SplitDenominator", "must-be-positive"), Single(split));
    }

    [Theory]
    [InlineData(TransactionType.Deposit)]
    [InlineData(TransactionType.Withdrawal)]
    [InlineData(TransactionType.Dividend)]
    [InlineData(TransactionType.Interest)]
    [InlineData(TransactionType.Fee)]
    public void Validate_CashEntryWithoutAmount_IsRefused(TransactionType type)
    {
        var cash = new Transaction { AccountId = Guid.NewGuid(), Type = type, TradeDate = Day("2024-01-02"), SettlementDate = Day("2024-01-02") };

        Assert.Equal(("Amount", "must-be-positive"), Single(cash));
    }

    [Fact]
    public void Validate_TransferWithoutTransferId_IsRefused()
    {
        var transfer = Buy();
        transfer.Type = TransactionType.TransferOut;

        Assert.Equal(("TransferId", "required"), Single(transfer));
    }

    [Fact]
    public void Validate_LotSelectionsOnABuy_AreNotAllowed()
    {
        var buy = Buy();
        buy.LotSelections.Add(new LotSelection(Guid.NewGuid(), 1m));

        Assert.Equal(("LotSelections", "not-allowed"), Single(buy));
    }

    [Fact]
    public void Validate_LotSelectionsNamingMoreThanTheSale_AreRefused()
    {
        var sale = Buy();
        sale.Type = TransactionType.Sell;
        sale.LotSelections.Add(new LotSelection(Guid.NewGuid(), 11m));

        Assert.Equal(("LotSelections", "exceeds-quantity"), Single(sale));
    }

    [Fact]
    public void Validate_ReinvestedDividendWithoutAmount_IsRefused()
    {
        var reinvested = Buy();
        reinvested.Type = TransactionType.DividendReinvested;

        Assert.Equal(("Amount", "must-be-positive"), Single(reinvested));
    }

    [Fact]
    public void Validate_MissingCurrency_IsRequired()
    {
        var buy = Buy();
        buy.Currency = default;

        Assert.Equal(("Currency", "required"), Single(buy));
    }

    private static (string Field, string Code) Single(Transaction transaction)
    {
        var error = Assert.Single(TransactionValidator.Validate(transaction));
        return (error.Field, error.Code);
    }

    private static Transaction Buy() => new()
    {
        AccountId = Guid.NewGuid(),
        Type = TransactionType.Buy,
        TradeDate = Day("2024-01-02"),
        SettlementDate = Day("2024-01-03"),
        InstrumentId = Guid.NewGuid(),
        Quantity = 10m,
        Price = 12.5m,
        Fees = 1m,
    };
}
