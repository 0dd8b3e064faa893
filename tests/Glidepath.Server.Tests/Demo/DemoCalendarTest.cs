using Glidepath.Server.Demo;

namespace Glidepath.Server.Tests.Demo;

/// <summary>
/// The demo's re-dating on the shipped Dow 30 file (1990-12-31 to 2001-01-02). The weekdays are
/// from the calendar: 2000-12-29 and 2026-12-04 are Fridays, 2001-01-02 and 2027-03-02 Tuesdays.
/// </summary>
public class DemoCalendarTest
{
    private static readonly IReadOnlyList<DateOnly> Dates =
        DemoPriceFile.Read(Path.Combine(AppContext.BaseDirectory, "DemoData", "dowjones30_daily_prices.csv")).Dates;

    [Fact]
    public void OnASaturday_TheLastCloseIsTheFridayBefore_ShiftedByWholeWeeks()
    {
        var calendar = DemoCalendar.For(Dates, new DateOnly(2026, 12, 5));

        Assert.Equal(new DateOnly(2000, 12, 29), calendar.LastClose);
        Assert.Equal(new DateOnly(2026, 12, 4), calendar.Shift(calendar.LastClose));
        Assert.Equal(0, calendar.OffsetDays % 7);
        Assert.All(Dates, d => Assert.Equal(d.DayOfWeek, calendar.Shift(d).DayOfWeek));
        Assert.Equal("Demo prices: real closes from 1990–2000, moved forward 26 years.", calendar.Note);
    }

    [Fact]
    public void OnAWednesday_TheLastCloseIsTheTuesdayBefore_TheFilesLastDay()
    {
        var calendar = DemoCalendar.For(Dates, new DateOnly(2027, 3, 3));

        Assert.Equal(new DateOnly(2001, 1, 2), calendar.LastClose);
        Assert.Equal(new DateOnly(2027, 3, 2), calendar.Shift(calendar.LastClose));
        Assert.Equal("Demo prices: real closes from 1990–2001, moved forward 26 years.", calendar.Note);
    }

    [Fact]
    public void OnAMonday_TheLastCloseIsAFriday()
    {
        var calendar = DemoCalendar.For(Dates, new DateOnly(2026, 12, 7));

        Assert.Equal(new DateOnly(2026, 12, 4), calendar.Shift(calendar.LastClose));
        Assert.Equal(DayOfWeek.Friday, calendar.LastClose.DayOfWeek);
    }
}
