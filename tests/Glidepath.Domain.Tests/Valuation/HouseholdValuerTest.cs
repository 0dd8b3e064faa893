using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Valuation;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Valuation;

public class HouseholdValuerTest
{
    [Fact]
    public void ValueHousehold_ForeignHoldingAndLoan_ConvertsAndCountsTheLoanNegatively()
    {
        var history = new LedgerHistoryBuilder();
        var brokerage = history.Account("Brokerage");
        var loan = history.Account("Mortgage", type: AccountType.Loan);
        var nestle = history.Instrument("NESN", Currency.Chf);
        history.Deposit(brokerage, Day("2024-01-02"), 5000m);
        history.Buy(brokerage, nestle, Day("2024-01-03"), 10m, 100m, fxRate: 1.15m);
        history.Withdraw(loan, Day("2024-01-03"), 2000m);
        var valuer = new HouseholdValuer(
            new PriceBook([new PriceClose(nestle.Id, Day("2024-01-05"), 110m)], [new FxRate(Currency.Usd, Currency.Chf, Day("2024-01-05"), 0.8m)]),
            history.Instruments);

        var value = valuer.ValueHousehold(history.Accounts, history.BuildState(), Currency.Usd, Day("2024-01-08")).Expect("value");

        // 10 × CHF 110 at 1/0.8 USD per CHF = 1375; cash 5000 − 1150 = 3850; loan −2000.
        Assert.Equal((1375m, 3850m), (value.Accounts[0].Positions, value.Accounts[0].Cash));
        Assert.Equal((5225m, -2000m, 3225m), (value.Assets, value.Liabilities, value.Total));
        Assert.True(value.Accounts[1].IsLiability);
    }

    [Fact]
    public void ValueAccount_InAnotherReportingCurrency_ConvertsCashAndPositions()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("ABC");
        history.Buy(account, stock, Day("2024-01-03"), 4m, 25m);
        var valuer = new HouseholdValuer(
            new PriceBook([new PriceClose(stock.Id, Day("2024-01-03"), 30m)], [new FxRate(Currency.Eur, Currency.Usd, Day("2024-01-03"), 1.25m)]),
            history.Instruments);

        var value = valuer.ValueAccount(account, history.BuildState(), Currency.Eur, Day("2024-01-03")).Expect("value");

        Assert.Equal((96m, -80m, 16m), (value.Positions, value.Cash, value.Total));
    }

    [Fact]
    public void ValueHousehold_MissingPrice_ReturnsTheErrorInsteadOfAValue()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("ABC");
        history.Buy(account, stock, Day("2024-01-03"), 4m, 25m);
        var valuer = new HouseholdValuer(new PriceBook([], []), history.Instruments);

        var result = valuer.ValueHousehold(history.Accounts, history.BuildState(), Currency.Usd, Day("2024-01-03"));

        Assert.False(result.Succeeded);
        Assert.Equal(ValuationErrorCodes.MissingPrice, Assert.Single(result.Problem!.Items).Code);
    }

    [Fact]
    public void ValuePosition_UnknownInstrument_ReturnsUnknownInstrument()
    {
        var valuer = new HouseholdValuer(new PriceBook([], []), []);

        var result = valuer.ValuePosition(new Domain.Ledger.Position(Guid.NewGuid(), Guid.NewGuid(), 1m, 1m), Currency.Usd, Day("2024-01-03"));

        Assert.Equal(ValuationErrorCodes.UnknownInstrument, Assert.Single(result.Problem!.Items).Code);
    }
}
