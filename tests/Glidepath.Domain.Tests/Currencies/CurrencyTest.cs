using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Tests.Currencies;

public class CurrencyTest
{
    [Theory]
    [InlineData("usd", "USD", 2)]
    [InlineData(" JPY ", "JPY", 0)]
    [InlineData("BHD", "BHD", 3)]
    public void TryParse_KnownCode_NormalisesAndKnowsMinorUnits(string code, string expected, int minorUnits)
    {
        Assert.True(Currency.TryParse(code, out var currency));
        Assert.Equal((expected, minorUnits), (currency.Code, currency.MinorUnits));
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownCode_Refuses(string? code)
    {
        Assert.False(Currency.TryParse(code, out _));
    }

    [Fact]
    public void Of_UnknownCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => Currency.Of("ABC"));
    }

    [Fact]
    public void Equality_SameCode_IsEqual()
    {
        Assert.Equal(Currency.Usd, Currency.Of("usd"));
    }
}
