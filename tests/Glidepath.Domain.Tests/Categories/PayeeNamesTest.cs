using Glidepath.Domain.Categories;

namespace Glidepath.Domain.Tests.Categories;

public sealed class PayeeNamesTest
{
    [Theory]
    [InlineData("AMZN Mktp US*2K3AB1", "Amazon")]
    [InlineData("Amazon.com*9Q1ZZ0 Amzn.com/bill WA", "Amazon")]
    [InlineData("POS PURCHASE SHELL OIL 57442", "Shell")]
    [InlineData("SHELLY'S DINER", "Shelly's Diner")]
    [InlineData("SQ *BLUE BOTTLE 0142", "Blue Bottle")]
    [InlineData("MCDONALD'S #112", "McDonald's")]
    [InlineData("WAL-MART #1234 SPRINGFIELD", "Walmart")]
    [InlineData("UBER *EATS PENDING", "Uber Eats")]
    [InlineData("UBER TRIP HELP.UBER.COM", "Uber")]
    [InlineData("COOPER HARDWARE 22", "Cooper Hardware")]
    [InlineData("CORNER GROCER #12 — POS MERCHANDISE", "Corner Grocer")]
    [InlineData("  Joe's   Bald Hairstyles ", "Joe's Bald Hairstyles")]
    [InlineData("12345", "12345")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_DropsProcessorPrefixesAndReferences_MapsKnownMerchants(string? raw, string expected) =>
        Assert.Equal(expected, PayeeNames.Normalise(raw));
}
