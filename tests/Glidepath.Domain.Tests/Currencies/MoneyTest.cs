using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Tests.Currencies;

public class MoneyTest
{
    private static readonly Currency Jpy = Currency.Of("JPY");
    private static readonly Currency Kwd = Currency.Of("KWD");

    [Fact]
    public void Add_SameCurrency_AddsAmounts()
    {
        Assert.Equal(new Money(3.75m, Currency.Usd), new Money(1.25m, Currency.Usd) + new Money(2.50m, Currency.Usd));
    }

    [Fact]
    public void Add_MixedCurrencies_Throws()
    {
        var usd = new Money(1m, Currency.Usd);
        var eur = new Money(1m, Currency.Eur);

        Assert.Throws<InvalidOperationException>(() => usd + eur);
        Assert.Throws<InvalidOperationException>(() => usd - eur);
        Assert.Throws<InvalidOperationException>(() => usd.CompareTo(eur));
    }

    [Theory]
    [InlineData(2.345, 2.35)]
    [InlineData(-2.345, -2.35)]
    [InlineData(2.344, 2.34)]
    [InlineData(0.005, 0.01)]
    public void RoundToMinorUnits_Usd_RoundsHalfAwayFromZeroToCents(double amount, double expected)
    {
        var rounded = new Money((decimal)amount, Currency.Usd).RoundToMinorUnits();

        Assert.Equal((decimal)expected, rounded.Amount);
    }

    [Fact]
    public void RoundToMinorUnits_CurrencyWithoutOrWithThreeMinorUnits_UsesItsDigits()
    {
        Assert.Equal(124m, new Money(123.5m, Jpy).RoundToMinorUnits().Amount);
        Assert.Equal(1.235m, new Money(1.2345m, Kwd).RoundToMinorUnits().Amount);
    }

    [Fact]
    public void ConvertTo_PositiveRate_MultipliesIntoTargetCurrency()
    {
        var converted = new Money(100m, Currency.Eur).ConvertTo(Currency.Usd, 1.0842m);

        Assert.Equal(new Money(108.42m, Currency.Usd), converted);
    }

    [Fact]
    public void ConvertTo_NonPositiveRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Currency.Eur).ConvertTo(Currency.Usd, 0m));
    }

    [Fact]
    public void Divide_ThenMultiply_KeepsFullPrecisionUntilRounded()
    {
        var third = new Money(1m, Currency.Usd) / 3m;

        Assert.NotEqual(0.33m, third.Amount);
        Assert.Equal(0.33m, third.RoundToMinorUnits().Amount);
    }
}
