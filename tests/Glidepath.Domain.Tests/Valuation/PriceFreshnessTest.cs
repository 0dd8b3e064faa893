using Glidepath.Domain.Valuation;

namespace Glidepath.Domain.Tests.Valuation;

/// <summary>Staleness counted in weekdays by hand on the 2026 calendar (5 December 2026 is a Saturday).</summary>
public class PriceFreshnessTest
{
    [Theory]
    [InlineData("2026-12-04", "2026-12-04", 0)] // same day
    [InlineData("2026-12-04", "2026-12-06", 0)] // Friday close, read over the weekend
    [InlineData("2026-12-04", "2026-12-07", 1)] // the Monday after
    [InlineData("2026-12-04", "2026-12-11", 5)] // the next Friday
    [InlineData("2026-12-04", "2026-12-14", 6)] // the Monday after that
    [InlineData("2026-11-25", "2026-12-04", 7)] // a Wednesday close, nine days later
    [InlineData("2026-12-04", "2026-12-01", 0)] // a date before the close
    [InlineData("2025-12-04", "2026-12-04", 261)] // 365 days: 52 weeks and one weekday
    public void WeekdaysAfter_CountsTheWeekdaysAfterTheCloseUpToTheDate(string close, string asOf, int expected) =>
        Assert.Equal(expected, PriceFreshness.WeekdaysAfter(DateOnly.Parse(close), DateOnly.Parse(asOf)));

    [Fact]
    public void AFridayClose_IsFreshThroughTheNextFriday_AndStaleFromTheMondayAfter()
    {
        var friday = new DateOnly(2026, 12, 4);
        Assert.False(PriceFreshness.IsStale(friday, new DateOnly(2026, 12, 11)));
        Assert.True(PriceFreshness.IsStale(friday, new DateOnly(2026, 12, 14)));
    }
}
