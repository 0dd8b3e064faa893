using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Valuation;
using Glidepath.Testing.Ledger;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Valuation;

public class NetWorthSeriesTest
{
    private static readonly DateOnly Start = Day("2023-01-02");

    [Fact]
    public void NetWorthSeries_EveryDay_MatchesPointValuationOfTheStateAsOfThatDay()
    {
        var (history, valuer) = MixedHousehold();
        var to = Start.AddDays(400);

        var series = valuer.NetWorthSeries(history.Accounts, history.Transactions, Currency.Eur, Start, to).Expect("value");

        Assert.Equal(401, series.Points.Count);
        for (var i = 0; i < series.Points.Count; i += 7)
        {
            var point = series.Points[i];
            var state = LedgerBuilder.Build(history.Accounts, history.Transactions, point.Date).Expect("replay");
            var expected = valuer.ValueHousehold(history.Accounts, state, Currency.Eur, point.Date).Expect("value").Total;
            Assert.True(Math.Abs(expected - point.Value) < 1e-15m, $"{point.Date}: series {point.Value}, point valuation {expected}");
        }
    }

    [Fact]
    public void NetWorthSeries_BeforeAnyTransaction_IsZero()
    {
        var (history, valuer) = MixedHousehold();

        var series = valuer.NetWorthSeries(history.Accounts, history.Transactions, Currency.Usd, Start.AddDays(-3), Start.AddDays(-1)).Expect("value");

        Assert.All(series.Points, p => Assert.Equal(0m, p.Value));
    }

    [Fact]
    public void NetWorthSeries_HeldInstrumentWithoutPrice_FailsWithMissingPrice()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("ABC");
        history.Buy(account, stock, Day("2024-01-03"), 1m, 10m);
        var valuer = new HouseholdValuer(new PriceBook([new PriceClose(stock.Id, Day("2024-01-04"), 10m)], []), history.Instruments);

        var result = valuer.NetWorthSeries(history.Accounts, history.Transactions, Currency.Usd, Day("2024-01-01"), Day("2024-01-10"));

        Assert.Equal(ValuationErrorCodes.MissingPrice, Assert.Single(result.Problem!.Items).Code);
    }

    [Fact]
    public void NetWorthSeries_ImpossibleHistory_FailsWithTheLedgerCode()
    {
        var history = new LedgerHistoryBuilder();
        var account = history.Account("Brokerage");
        var stock = history.Instrument("ABC");
        history.Sell(account, stock, Day("2024-01-03"), 1m, 10m);
        var valuer = new HouseholdValuer(new PriceBook([], []), history.Instruments);

        var result = valuer.NetWorthSeries(history.Accounts, history.Transactions, Currency.Usd, Day("2024-01-01"), Day("2024-01-10"));

        Assert.Equal(LedgerErrorCodes.InsufficientQuantity, Assert.Single(result.Problem!.Items).Code);
    }

    [Fact]
    public void NetWorthSeries_RangeEndingBeforeItStarts_FailsWithInvalidRange()
    {
        var valuer = new HouseholdValuer(new PriceBook([], []), []);

        var result = valuer.NetWorthSeries([], [], Currency.Usd, Day("2024-01-10"), Day("2024-01-01"));

        Assert.Equal(ValuationErrorCodes.InvalidRange, Assert.Single(result.Problem!.Items).Code);
    }

    /// <summary>USD and CHF holdings, a loan, a split, a transfer, sales and reinvested dividends; weekday prices.</summary>
    private static (LedgerHistoryBuilder History, HouseholdValuer Valuer) MixedHousehold()
    {
        var history = new LedgerHistoryBuilder();
        var taxable = history.Account("Taxable", LotReliefMethod.Hifo);
        var ira = history.Account("IRA", LotReliefMethod.AverageCost, type: AccountType.TraditionalIra);
        var swiss = history.Account("Swiss", currency: Currency.Chf);
        var loan = history.Account("Loan", type: AccountType.Loan);
        var us = history.Instrument("VTI");
        var ch = history.Instrument("NESN", Currency.Chf);
        history.Deposit(taxable, Start, 20_000m);
        history.Withdraw(loan, Start, 5_000m);
        history.Buy(taxable, us, Start.AddDays(1), 50m, 200m, fees: 1m);
        history.Buy(swiss, ch, Start.AddDays(2), 30m, 100m);
        history.Buy(taxable, us, Start.AddDays(40), 20m, 210m);
        history.Split(taxable, us, Start.AddDays(90), 2m, 1m);
        history.Transfer(taxable, ira, us, Start.AddDays(120), 30m, arrives: Start.AddDays(123));
        history.Reinvest(ira, us, Start.AddDays(150), 0.37m, 105m);
        history.Sell(taxable, us, Start.AddDays(200), 25m, 115m, fees: 1m);
        history.Sell(swiss, ch, Start.AddDays(250), 10m, 104m);
        history.Deposit(loan, Start.AddDays(300), 500m);

        var closes = new List<PriceClose>();
        var rates = new List<FxRate>();
        for (var d = Start; d <= Start.AddDays(400); d = d.AddDays(1))
        {
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var n = d.DayNumber - Start.DayNumber;
            closes.Add(new PriceClose(us.Id, d, n < 90 ? 200m + n * 0.1m : 100m + n * 0.05m));
            closes.Add(new PriceClose(ch.Id, d, 100m + n % 17 * 0.3m));
            rates.Add(new FxRate(Currency.Usd, Currency.Chf, d, 0.9m + n % 11 * 0.001m));
            rates.Add(new FxRate(Currency.Eur, Currency.Usd, d, 1.05m + n % 13 * 0.002m));
        }

        return (history, new HouseholdValuer(new PriceBook(closes, rates), history.Instruments));
    }
}
