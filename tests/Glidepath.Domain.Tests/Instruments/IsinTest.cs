using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Tests.Instruments;

public sealed class IsinTest
{
    [Theory]
    [InlineData("US0378331005")]   // Apple
    [InlineData("US9220427424")]   // Vanguard Total World (IBKR sample)
    [InlineData("CH0111762537")]
    [InlineData("DE0007164600")]   // SAP
    [InlineData("IE00B1XNHC34")]
    [InlineData("CA38501D2041")]
    public void IsValid_PublishedIsins_AreValid(string isin) => Assert.True(Isin.IsValid(isin));

    [Theory]
    [InlineData("US0378331006")]   // check digit off by one
    [InlineData("US0378331015")]   // a payload digit changed
    [InlineData("us0378331005")]
    [InlineData("US037833100")]
    [InlineData("1S0378331005")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_WrongCheckDigitOrShape_IsInvalid(string? isin) => Assert.False(Isin.IsValid(isin));
}
