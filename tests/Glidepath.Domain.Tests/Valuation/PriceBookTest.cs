using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Valuation;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.Valuation;

public class PriceBookTest
{
    private static readonly Guid Stock = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly Currency Gbp = Currency.Of("GBP");

    private static readonly PriceBook Book = new(
        [
            new PriceClose(Stock, Day("2024-03-01"), 10m), // a Friday
            new PriceClose(Stock, Day("2024-03-04"), 11m),
            new PriceClose(Stock, Day("2024-03-04"), 12m), // a correction given later wins
        ],
        [
            new FxRate(Currency.Eur, Currency.Usd, Day("2024-03-01"), 1.08m),
            new FxRate(Currency.Usd, Currency.Chf, Day("2024-03-01"), 0.88m),
            new FxRate(Currency.Usd, Currency.Chf, Day("2024-03-05"), 0.90m),
        ]);

    [Theory]
    [InlineData("2024-03-01", 10, "2024-03-01")]
    [InlineData("2024-03-03", 10, "2024-03-01")] // Sunday: Friday's close, dated Friday
    [InlineData("2024-03-04", 12, "2024-03-04")]
    [InlineData("2030-01-01", 12, "2024-03-04")]
    public void Close_OnOrAfterAClose_IsTheLastCloseOnOrBefore_WithItsOwnDate(string date, int expected, string closeDate)
    {
        Assert.Equal(PriceLookup.Of(expected, Day(closeDate)), Book.Close(Stock, Day(date)));
    }

    [Fact]
    public void Close_BeforeTheFirstClose_IsMissingPrice()
    {
        var lookup = Book.Close(Stock, Day("2024-02-29"));

        Assert.False(lookup.Found);
        Assert.Equal(ValuationErrorCodes.MissingPrice, lookup.Error!.Code);
    }

    [Fact]
    public void Rate_SameCurrency_IsOne()
    {
        Assert.Equal(1m, Book.Rate(Gbp, Gbp, Day("2000-01-01")).Value);
    }

    [Fact]
    public void Rate_StoredPairAndItsInverse_AreRateAndReciprocal()
    {
        Assert.Equal(1.08m, Book.Rate(Currency.Eur, Currency.Usd, Day("2024-03-02")).Value);
        Assert.Equal(1m / 1.08m, Book.Rate(Currency.Usd, Currency.Eur, Day("2024-03-02")).Value);
    }

    [Fact]
    public void Rate_PairNotStored_TriangulatesThroughUsd()
    {
        // EUR→USD 1.08, then USD→CHF 0.90 (the rate of 5 March).
        Assert.Equal(1.08m * 0.90m, Book.Rate(Currency.Eur, Currency.Chf, Day("2024-03-05")).Value);
        Assert.Equal(1m / 0.88m * (1m / 1.08m), Book.Rate(Currency.Chf, Currency.Eur, Day("2024-03-01")).Value);
    }

    [Fact]
    public void Rate_NoRoute_IsMissingFxRate()
    {
        Assert.Equal(ValuationErrorCodes.MissingFxRate, Book.Rate(Gbp, Currency.Usd, Day("2024-03-05")).Error!.Code);
        Assert.Equal(ValuationErrorCodes.MissingFxRate, Book.Rate(Currency.Eur, Currency.Usd, Day("2024-02-29")).Error!.Code);
    }
}
