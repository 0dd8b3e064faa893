using Glidepath.Domain.Learning;

namespace Glidepath.Domain.Tests.Learning;

/// <summary>The reading-time rule of docs/learning.md: words at 200 a minute, rounded up, at least a minute.</summary>
public class ReadingTimeTest
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(400, 2)]
    [InlineData(401, 3)]
    [InlineData(1000, 5)]
    public void Minutes_AreWordsOver200_RoundedUp_AtLeastOne(int words, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(string.Join(' ', Enumerable.Repeat("word", words))));

    [Fact]
    public void Words_CountText_NotMarkupOrLinkTargets()
    {
        // Heading, Bold, text, don't, pay, 1,000.50, see, the, fees, item: the link's target and the markup are not words.
        const string markdown = "# Heading\n\n**Bold** text, don't pay 1,000.50 — see [the fees](/learn/fees-and-costs).\n\n- item\n";
        Assert.Equal(10, ReadingTime.Words(markdown));
    }
}
